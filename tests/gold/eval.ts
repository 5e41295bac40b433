/** npm run eval [-- --verbose]: precision, recall and F1 of extraction on the gold set. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, GOLD_DIR, type Score } from './evaluate.js';

// --set holdout: tests/gold-holdout/, written blind after the first tuning round (then used as a dev set);
// --set blind: tests/gold-blind/, written blind after the second round (then used as a dev set);
// --set final: tests/gold-final/, written blind after all tuning and never used for it;
// --set <name>: any other tests/gold-<name>/ (e.g. a set for a newly added language).
const set = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : 'gold';
const DIRS: Record<string, string> = Object.fromEntries(
  readdirSync(join(GOLD_DIR, '..'))
    .filter((d) => /^gold(-[a-z0-9-]+)?$/.test(d) && existsSync(join(GOLD_DIR, '..', d, 'annotations')))
    .map((d) => [d === 'gold' ? 'gold' : d.slice(5), join(GOLD_DIR, '..', d)]),
);
if (!DIRS[set]) throw new Error(`--set must be one of ${Object.keys(DIRS).sort().join(', ')}`);
const e = evaluate(DIRS[set]);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
const row = (name: string, s: Score) => `| ${name.padEnd(20)} | ${String(s.tp).padStart(4)} | ${String(s.fp).padStart(4)} | ${String(s.fn).padStart(4)} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`;
const head = `| ${'kind / language'.padEnd(20)} |   TP |   FP |   FN | precision | recall |     F1 |`;
const lines = [`Set ${set} (${DIRS[set]}): ${e.pages} pages`, '', head, `|${'-'.repeat(22)}|------|------|------|-----------|--------|--------|`];
for (const [k, s] of Object.entries(e.byKind)) lines.push(row(k, s));
lines.push(row('ALL (core kinds)', e.overall), '', head, `|${'-'.repeat(22)}|------|------|------|-----------|--------|--------|`);
for (const [k, s] of Object.entries(e.byLanguage)) lines.push(row(k, s));
console.log(lines.join('\n'));
if (process.argv.includes('--verbose')) {
  console.log('\nFalse positives:');
  for (const m of e.falsePositives) console.log(`  ${m.page}:${m.line}  ${m.kind}  ${m.value}  "${m.text}"`);
  console.log('\nFalse negatives:');
  for (const m of e.falseNegatives) console.log(`  ${m.page}  ${m.kind}  ${m.value}  "${m.text}"`);
  console.log('\nRight value, read elsewhere on the page than the annotated quote:');
  for (const m of e.elsewhere) console.log(`  ${m.page}:${m.line}  ${m.kind}  ${m.value}  "${m.text}"`);
}
