#!/usr/bin/env node
// Validates the gold set: every annotation quote must be an exact substring of
// its page body (after the YAML front matter), and every annotation must use
// the agreed kinds, value shapes and concept ids.
// Usage: node tests/gold/check-quotes.mjs [SET_DIR]   (default: tests/gold; also tests/gold-holdout,
// tests/gold-blind; exit code 1 on any problem)
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const here = process.argv[2] ? resolve(process.argv[2]) : dirname(fileURLToPath(import.meta.url));
const pagesDir = join(here, 'pages');
const annDir = join(here, 'annotations');

const CONDITIONS = new Set([
  'pregnancy', 'breastfeeding', 'anticoagulant-therapy', 'antiplatelet-therapy',
  'coagulation-disorder', 'drug-allergy', 'leukemia', 'diabetes', 'blood-infection',
  'hiv-aids', 'heart-disease', 'cancer', 'prior-chemotherapy', 'prior-radiotherapy',
  'skin-infection', 'autoimmune-disease',
]);
const EFFECTS = new Set([
  'bruising', 'hematoma', 'erythema', 'burning', 'wheal', 'pain', 'swelling', 'itching',
  'allergic-reaction', 'anaphylaxis', 'infection', 'bleeding', 'scarring',
]);
const SAFETY = new Set([
  'no-side-effects', 'no-serious-side-effects', 'rare-side-effects', 'painless', 'safe',
  'no-contraindications',
]);
const EFFICACY = new Set([
  'detox', 'fat-removal', 'cellulite-removal', 'immune-stimulation', 'fast-onset',
  'guaranteed', 'permanent-results',
]);
const ASPECTS = new Set(['length', 'depth', 'gauge']);
const ISO_DURATION = /^P(\d+(\.\d+)?[DWMY])$/;

const errors = [];
const err = (file, msg) => errors.push(`${file}: ${msg}`);
const isNumOrNull = (v) => v === null || (typeof v === 'number' && Number.isFinite(v));

function splitFrontMatter(text, file) {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) { err(file, 'missing YAML front matter'); return { meta: {}, body: text }; }
  let meta = {};
  try { meta = parse(m[1]) ?? {}; } catch (e) { err(file, `bad front matter: ${e.message}`); }
  return { meta, body: text.slice(m[0].length) };
}

function checkValue(file, i, c) {
  const v = c.value ?? {};
  const where = `claim #${i + 1} (${c.kind})`;
  switch (c.kind) {
    case 'needle':
      if (!ASPECTS.has(v.aspect)) err(file, `${where}: bad aspect ${v.aspect}`);
      if (!isNumOrNull(v.min) || !isNumOrNull(v.max) || !('min' in v) || !('max' in v))
        err(file, `${where}: min/max must be numbers or null`);
      else if (v.min === null && v.max === null) err(file, `${where}: both bounds null`);
      else if (v.min !== null && v.max !== null && v.min > v.max) err(file, `${where}: min > max`);
      break;
    case 'sessions.count':
      if (!isNumOrNull(v.min) || !isNumOrNull(v.max) || !('min' in v) || !('max' in v))
        err(file, `${where}: min/max must be numbers or null`);
      else if (v.min !== null && v.max !== null && v.min > v.max) err(file, `${where}: min > max`);
      break;
    case 'sessions.frequency':
      if (typeof v.interval !== 'string' || !ISO_DURATION.test(v.interval))
        err(file, `${where}: bad ISO 8601 interval ${v.interval}`);
      break;
    case 'contraindication':
      if (!CONDITIONS.has(v.condition)) err(file, `${where}: unknown condition ${v.condition}`);
      break;
    case 'adverse-effect':
      if (!EFFECTS.has(v.effect)) err(file, `${where}: unknown effect ${v.effect}`);
      break;
    case 'safety':
      if (!SAFETY.has(v.assertion)) err(file, `${where}: unknown safety assertion ${v.assertion}`);
      break;
    case 'efficacy':
      if (!EFFICACY.has(v.assertion)) err(file, `${where}: unknown efficacy assertion ${v.assertion}`);
      break;
    default:
      err(file, `${where}: unknown kind`);
  }
}

const pages = readdirSync(pagesDir).filter((f) => f.endsWith('.md')).sort();
const stats = {}; // kind -> lang -> n
let total = 0;

for (const pageFile of pages) {
  const id = pageFile.replace(/\.md$/, '');
  const lang = id.slice(0, 2);
  const text = readFileSync(join(pagesDir, pageFile), 'utf8');
  const { meta, body } = splitFrontMatter(text, pageFile);
  if (meta.id !== id) err(pageFile, `front matter id "${meta.id}" != file name`);
  if (meta.language !== lang) err(pageFile, `front matter language "${meta.language}" != ${lang}`);
  for (const k of ['title', 'publisher', 'retrieved']) if (!meta[k]) err(pageFile, `front matter lacks ${k}`);

  const annFile = `${id}.yaml`;
  const annPath = join(annDir, annFile);
  if (!existsSync(annPath)) { err(pageFile, 'no annotation file'); continue; }
  let ann;
  try { ann = parse(readFileSync(annPath, 'utf8')); } catch (e) { err(annFile, `YAML: ${e.message}`); continue; }
  if (ann.source !== id) err(annFile, `source "${ann.source}" != ${id}`);
  const claims = Array.isArray(ann.claims) ? ann.claims : [];
  const seen = new Set();
  claims.forEach((c, i) => {
    checkValue(annFile, i, c);
    const key = `${c.kind} ${JSON.stringify(c.value)}`;
    if (seen.has(key)) err(annFile, `claim #${i + 1}: duplicate ${key}`);
    seen.add(key);
    if (typeof c.quote !== 'string' || c.quote.length === 0) err(annFile, `claim #${i + 1}: empty quote`);
    else if (!body.includes(c.quote)) {
      const hint = text.includes(c.quote) ? ' (only found in front matter)' : '';
      err(annFile, `claim #${i + 1}: quote not found in page${hint}: ${JSON.stringify(c.quote)}`);
    }
    stats[c.kind] ??= {};
    stats[c.kind][lang] = (stats[c.kind][lang] ?? 0) + 1;
    total++;
  });
}
for (const f of readdirSync(annDir).filter((f) => f.endsWith('.yaml'))) {
  if (!pages.includes(f.replace(/\.yaml$/, '.md'))) err(f, 'annotation without page');
}

// Every language the set's pages use: it, en, fr, es first, then the others alphabetically.
const used = new Set(Object.values(stats).flatMap((s) => Object.keys(s)));
const langs = [...['it', 'en', 'fr', 'es'].filter((l) => used.has(l)), ...[...used].filter((l) => !['it', 'en', 'fr', 'es'].includes(l)).sort()];
console.log(`pages: ${pages.length}, claims: ${total}`);
console.log(['kind'.padEnd(20), ...langs.map((l) => l.padStart(4)), '  all'].join(''));
for (const kind of Object.keys(stats).sort()) {
  const row = langs.map((l) => stats[kind][l] ?? 0);
  console.log([kind.padEnd(20), ...row.map((n) => String(n).padStart(4)), String(row.reduce((a, b) => a + b, 0)).padStart(5)].join(''));
}
const perLang = langs.map((l) => Object.values(stats).reduce((a, s) => a + (s[l] ?? 0), 0));
console.log(['total'.padEnd(20), ...perLang.map((n) => String(n).padStart(4)), String(total).padStart(5)].join(''));

if (errors.length) {
  console.error(`\n${errors.length} problem(s):`);
  for (const e of errors) console.error(`  ${e}`);
  process.exit(1);
}
console.log('\nOK: all quotes found, all values valid.');
