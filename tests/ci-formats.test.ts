import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsImport from 'ajv-formats';
import type { Report } from '../src/report/model.js';
import { RULE_METAS } from '../src/check/rules/index.js';
import { FINGERPRINT_KEY, fingerprint, normalizeAnyText, normalizeForFingerprint } from '../src/check/fingerprint.js';
import { TOOL_HOMEPAGE } from '../src/version.js';
import { CODE_SCANNING_MAX_RESULTS, escapeData, escapeProperty, githubCommandChunks, renderGithubCommands, renderStepSummary, workflowCommand } from '../src/report/github.js';
import { REFERENCE, ROOT } from './helpers/engine.js';
import { runCli } from './helpers/cli.js';
import { EN_PAGE, project, SAFE_FIX_REFERENCE } from './helpers/project.js';

// Both packages are CommonJS; under NodeNext their default export arrives wrapped.
const AjvDraft04 = ((AjvDraft04Module as unknown as { default?: unknown }).default ?? AjvDraft04Module) as typeof AjvDraft04Module.default;
const addFormats = addFormatsImport as unknown as (ajv: InstanceType<typeof AjvDraft04>) => unknown;

function tmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `claimlint-${prefix}-`));
}

/** The official SARIF 2.1.0 schema (draft-04), copied into the repo from the OASIS release. */
const sarifSchema = JSON.parse(readFileSync(join(ROOT, 'schemas/external/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new AjvDraft04({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

function expectValidSarif(doc: unknown): void {
  const ok = validateSarif(doc);
  expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors?.slice(0, 5), null, 1)).toEqual([]);
  expect(ok).toBe(true);
}

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine?: number;
  endColumn?: number;
  snippet?: { text: string };
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: SarifRegion; contextRegion?: { snippet: { text: string } } } }[];
  partialFingerprints: Record<string, string>;
  relatedLocations?: { id: number; physicalLocation: { artifactLocation: { uri: string }; region: SarifRegion }; message: { text: string } }[];
  fixes?: { artifactChanges: { artifactLocation: { uri: string }; replacements: { deletedRegion: SarifRegion; insertedContent: { text: string } }[] }[] }[];
  suppressions?: unknown[];
}
interface SarifLog {
  version: string;
  runs: { tool: { driver: { name: string; version: string; informationUri?: string; rules: { id: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string }; defaultConfiguration: { level: string } }[] } }; results: SarifResult[] }[];
}

/** A copy of the seed pages in a temporary project, so tests can edit them. */
function projectWithSources(): string {
  const dir = tmp('proj');
  mkdirSync(join(dir, 'sources'));
  for (const f of readdirSync(join(ROOT, 'sources'))) copyFileSync(join(ROOT, 'sources', f), join(dir, 'sources', f));
  return dir;
}

function check(dir: string, ...args: string[]) {
  return runCli(['check', 'sources', '--reference', REFERENCE, '--report-dir', join(dir, 'reports'), '--claims-dir', join(dir, 'claims'), ...args], dir);
}

describe('SARIF 2.1.0', () => {
  let dir: string;
  let run: ReturnType<typeof runCli>;
  let sarif: SarifLog;
  let report: Report;

  beforeAll(() => {
    dir = projectWithSources();
    run = check(dir, '--format', 'sarif');
    sarif = JSON.parse(run.stdout);
    report = JSON.parse(readFileSync(join(dir, 'reports/report.json'), 'utf8'));
  });

  it('prints SARIF on stdout and writes reports/report.sarif, both valid against the official schema', () => {
    expect(run.code).toBe(1);
    expectValidSarif(sarif);
    const file = readFileSync(join(dir, 'reports/report.sarif'), 'utf8');
    expect(file).toBe(run.stdout);
    expectValidSarif(JSON.parse(file));
    expect(sarif.version).toBe('2.1.0');
  });

  it('describes every rule from the rules metadata', () => {
    const driver = sarif.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'claimlint', version: report.tool.version });
    // Links only to where package.json says the documentation is (none yet): no made-up address.
    expect(driver.informationUri).toBe(TOOL_HOMEPAGE);
    for (const rule of driver.rules) expect((rule as { helpUri?: string }).helpUri).toBe(TOOL_HOMEPAGE);
    expect(JSON.stringify(sarif)).not.toMatch(/claimlint\.dev/);
    expect(driver.rules.map((r) => r.id)).toEqual(RULE_METAS.map((m) => m.id));
    for (const [i, meta] of RULE_METAS.entries()) {
      const rule = driver.rules[i];
      expect(rule.shortDescription.text).toBe(meta.description);
      expect(rule.fullDescription.text).toContain(meta.docs);
      expect(rule.help.text).toContain(meta.docs);
      expect(rule.defaultConfiguration.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[meta.defaultSeverity]);
    }
    // The help carries the evidence the rule's findings cite.
    const unsupported = driver.rules.find((r) => r.id === 'unsupported-claim')!;
    expect(unsupported.help.text).toMatch(/Evidence cited[\s\S]*2001\/83\/EC/);
  });

  it('has one result per finding, at the finding’s exact place, with the quote as snippet', () => {
    const results = sarif.runs[0].results.filter((r) => !r.suppressions);
    expect(results).toHaveLength(report.findings.length);
    for (const [i, f] of report.findings.entries()) {
      const r = results[i];
      expect(r.ruleId).toBe(f.rule);
      expect(sarif.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(f.rule);
      expect(r.level).toBe({ error: 'error', warning: 'warning', info: 'note' }[f.severity]);
      expect(r.message.text).toContain(f.message);
      const loc = r.locations[0].physicalLocation;
      expect(loc.artifactLocation).toMatchObject({ uri: f.path, uriBaseId: '%SRCROOT%' });
      expect(loc.artifactLocation.uri).toMatch(/^sources\/[^/]+\.md$/);
      expect(loc.region).toMatchObject({ startLine: f.position.start.line, startColumn: f.position.start.column, endLine: f.position.end.line, endColumn: f.position.end.column });
      expect(loc.region.snippet?.text).toBe(f.text);
      expect(loc.contextRegion?.snippet.text).toContain(f.text.split('\n')[0]);
    }
  });

  it('region columns are exact: the file’s characters between start and (exclusive) end are the quote', () => {
    for (const r of sarif.runs[0].results) {
      const loc = r.locations[0].physicalLocation;
      const lines = readFileSync(join(dir, decodeURIComponent(loc.artifactLocation.uri)), 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
      const { startLine, startColumn, endLine, endColumn } = loc.region;
      if (endLine !== startLine) continue;
      expect(lines[startLine - 1].slice(startColumn - 1, endColumn! - 1)).toBe(loc.region.snippet?.text);
    }
  });

  it('fingerprints are present, distinct and computed from the claim (not from its line)', () => {
    const prints = sarif.runs[0].results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
    expect(prints.every((p) => /^[0-9a-f]{32}:\d+$/.test(p))).toBe(true);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('keeps every fingerprint when lines are inserted above the claims', () => {
    const before = new Map(sarif.runs[0].results.map((r) => [r.partialFingerprints[FINGERPRINT_KEY], r]));
    const edited = projectWithSources();
    const page = join(edited, 'sources/mesotherapy-en.md');
    const text = readFileSync(page, 'utf8');
    const body = text.indexOf('\n---', 3) + 5; // just after the front matter
    writeFileSync(page, `${text.slice(0, body)}\nA new introduction.\n\nAnother paragraph, added by an editor.\n${text.slice(body)}`);
    const after: SarifLog = JSON.parse(check(edited, '--format', 'sarif', '--no-write').stdout);
    expectValidSarif(after);
    const moved = after.runs[0].results.filter((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'sources/mesotherapy-en.md');
    expect(moved.length).toBeGreaterThan(3);
    for (const r of moved) {
      const old = before.get(r.partialFingerprints[FINGERPRINT_KEY]);
      expect(old, r.message.text).toBeDefined();
      expect(r.locations[0].physicalLocation.region.startLine).toBe(old!.locations[0].physicalLocation.region.startLine + 4);
    }
    expect(new Set(after.runs[0].results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]))).toEqual(new Set(before.keys()));
  });

  it('offers the reference’s wording as a fix replacing the quote', () => {
    const withSuggestion = report.findings.filter((f) => f.suggestion && f.text);
    expect(withSuggestion.length).toBeGreaterThan(0);
    const results = sarif.runs[0].results.filter((r) => !r.suppressions);
    for (const [i, f] of report.findings.entries()) {
      const fixes = results[i].fixes;
      if (!f.suggestion) {
        expect(fixes).toBeUndefined();
        continue;
      }
      const change = fixes![0].artifactChanges[0];
      expect(change.artifactLocation.uri).toBe(f.path);
      expect(change.replacements[0]).toEqual({
        deletedRegion: { startLine: f.position.start.line, startColumn: f.position.start.column, endLine: f.position.end.line, endColumn: f.position.end.column },
        insertedContent: { text: f.suggestion },
      });
    }
  });

  it('points cross-source conflicts at the other pages as related locations', () => {
    const results = sarif.runs[0].results.filter((r) => r.ruleId === 'cross-source-conflict');
    expect(results.length).toBeGreaterThan(0);
    const sessions = results.find((r) => /3 -5 sedute/.test(r.message.text))!;
    expect(sessions.relatedLocations).toEqual([
      expect.objectContaining({ id: 1, message: { text: 'mesoterapia-antalgica: 4–5 sessions' }, physicalLocation: expect.objectContaining({ artifactLocation: expect.objectContaining({ uri: 'sources/mesoterapia-antalgica.md' }) }) }),
    ]);
  });

  it('is deterministic: byte-identical on a second run', () => {
    const again = check(dir, '--format', 'sarif', '--no-write');
    expect(again.stdout).toBe(run.stdout);
  });
});

describe('SARIF suppressions', () => {
  it('keeps suppressed and waived findings as results with an inSource / external suppression and its reason', () => {
    const page = EN_PAGE.replace('We use 6 mm', '<!-- claimlint-disable-next-line contradicts-reference -- the scalp protocol uses 6 mm, ticket 12 -->\nWe use 6 mm');
    const dir = project({ 'page.md': page, 'claims/.keep': '' });
    const args = ['check', 'page.md', '--reference', SAFE_FIX_REFERENCE, '--no-write'];
    const first: Report = JSON.parse(runCli([...args, '--format', 'json'], dir).stdout);
    const target = first.findings.find((f) => f.rule === 'unsupported-claim')!;
    writeFileSync(
      join(dir, 'claims/waivers.yaml'),
      `waivers:\n  - fingerprint: "${target.fingerprint}"\n    rule: unsupported-claim\n    source: page\n    reason: "Reviewed wording."\n    reviewer: "Dr. Rossi"\n    date: "2026-01-10"\n    expiry: "2999-12-31"\n`,
    );
    const sarif: SarifLog = JSON.parse(runCli([...args, '--format', 'sarif'], dir).stdout);
    expectValidSarif(sarif);
    const results = sarif.runs[0].results;
    const inline = results.find((r) => r.ruleId === 'contradicts-reference' && r.suppressions)!;
    expect(inline.suppressions).toEqual([
      expect.objectContaining({ kind: 'inSource', status: 'accepted', justification: 'the scalp protocol uses 6 mm, ticket 12' }),
    ]);
    const waived = results.find((r) => r.ruleId === 'unsupported-claim')!;
    expect(waived.suppressions).toEqual([expect.objectContaining({ kind: 'external', justification: 'Reviewed wording.', properties: expect.objectContaining({ reviewer: 'Dr. Rossi' }) })]);
    expect(waived.partialFingerprints[FINGERPRINT_KEY]).toBe(target.fingerprint);
    // The other 6 mm claim is not suppressed.
    expect(results.filter((r) => r.ruleId === 'contradicts-reference' && !r.suppressions)).toHaveLength(1);
  });
});

describe('unreadable sources', () => {
  it('a source-error is a valid SARIF result at the file, and an rdjson diagnostic with a zero-length range', () => {
    const dir = project({ 'pages/binary.md': '', 'pages/good.md': '---\nlanguage: en\n---\nWe use 6 mm needles.\n' });
    writeFileSync(join(dir, 'pages/binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    const args = ['check', 'pages', '--reference', REFERENCE, '--no-write'];
    const sarif: SarifLog = JSON.parse(runCli([...args, '--format', 'sarif'], dir).stdout);
    expectValidSarif(sarif);
    const error = sarif.runs[0].results.find((r) => r.ruleId === 'source-error')!;
    expect(error.level).toBe('error');
    expect(error.locations[0].physicalLocation.artifactLocation.uri).toBe('pages/binary.md');
    expect(error.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1 });
    const rd = JSON.parse(runCli([...args, '--format', 'rdjson'], dir).stdout);
    const diag = rd.diagnostics.find((d: { code: { value: string } }) => d.code.value === 'source-error');
    expect(diag.location).toEqual({ path: 'pages/binary.md', range: { start: { line: 1, column: 1 } } });
  });
});

describe('fingerprint', () => {
  it('ignores case, spacing and typographic variants, but not the source, rule or kind', () => {
    const base = { rule: 'unsupported-claim', source: 'a', kind: 'safety', text: 'Non ha  effetti\ncollaterali' };
    expect(fingerprint(base)).toBe(fingerprint({ ...base, text: 'non ha effetti collaterali' }));
    expect(normalizeForFingerprint('l’ago “corto” – 4 mm')).toBe('l\'ago "corto" - 4 mm');
    expect(fingerprint(base)).not.toBe(fingerprint({ ...base, source: 'b' }));
    expect(fingerprint(base)).not.toBe(fingerprint({ ...base, rule: 'unverified-claim' }));
    expect(fingerprint(base)).not.toBe(fingerprint({ ...base, kind: 'efficacy' }));
  });

  it('normalises plain ASCII (its quicker path) exactly as any other text', () => {
    for (let c = 0; c < 256; c++) {
      const text = `  Ago ${String.fromCharCode(c)}X  4mm `; // printable ASCII for c from 0x20 to 0x7e: the quick path
      expect(normalizeForFingerprint(text)).toBe(normalizeAnyText(text));
    }
    // A text on the quick path and its variant on the full one (a no-break space) share a fingerprint.
    expect(fingerprint({ rule: 'unsupported-claim', source: 'a', kind: 'safety', text: 'Painless treatment' })).toBe(
      fingerprint({ rule: 'unsupported-claim', source: 'a', kind: 'safety', text: 'painless\u00a0TREATMENT' }),
    );
  });
});

describe('github workflow commands', () => {
  const saved = process.env.GITHUB_STEP_SUMMARY;
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_STEP_SUMMARY;
    else process.env.GITHUB_STEP_SUMMARY = saved;
  });

  const COMMAND = /^::(error|warning|notice) ((?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*)::([^\r\n]*)$/;
  const unescape = (s: string) => s.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

  it('prints one parseable, escaped annotation per finding and appends a Markdown summary to $GITHUB_STEP_SUMMARY', () => {
    const dir = projectWithSources();
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, 'previous step\n');
    process.env.GITHUB_STEP_SUMMARY = summary;
    const run = check(dir, '--format', 'github');
    expect(run.code).toBe(1);
    const report: Report = JSON.parse(readFileSync(join(dir, 'reports/report.json'), 'utf8'));
    const lines = run.stdout.trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(report.findings.length);
    expect(lines.at(-1)).toMatch(/^claimlint: \d+ findings \(\d+ errors, \d+ warnings, \d+ info\) in 5 sources$/);
    for (const [i, f] of report.findings.entries()) {
      const m = COMMAND.exec(commands[i])!;
      expect(m, commands[i]).not.toBeNull();
      expect(m[1]).toBe({ error: 'error', warning: 'warning', info: 'notice' }[f.severity]);
      const props = Object.fromEntries(m[2].split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), unescape(kv.slice(kv.indexOf('=') + 1))]));
      expect(props).toEqual({
        file: f.path,
        line: String(f.position.start.line),
        col: String(f.position.start.column),
        endLine: String(f.position.end.line),
        endColumn: String(f.position.end.column),
        title: `claimlint ${f.rule}`,
      });
      expect(unescape(m[3])).toContain(f.message);
    }
    const written = readFileSync(summary, 'utf8');
    expect(written.startsWith('previous step\n## claimlint\n')).toBe(true);
    expect(written).toContain(`| error | ${report.summary.bySeverity.error} |`);
    const rows = written.split('\n').filter((l) => /^\| `sources\//.test(l));
    expect(rows).toHaveLength(report.findings.length);
  });

  it('writes no summary when $GITHUB_STEP_SUMMARY is not set', () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    const dir = tmp('gh');
    writeFileSync(join(dir, 'page.md'), '---\nlanguage: it\n---\nUsiamo aghi da 6 mm.\n');
    const run = runCli(['check', 'page.md', '--reference', REFERENCE, '--no-write', '--format', 'github'], dir);
    expect(run.stdout).toMatch(/^::error file=page\.md,line=4,col=\d+,endLine=4,endColumn=\d+,title=claimlint contradicts-reference::/m);
    expect(readdirSync(dir).filter((f) => !f.startsWith('.'))).toEqual(['page.md']); // (a cache directory may appear)
  });

  it('escapes %, CR, LF in messages and also : and , in properties', () => {
    expect(escapeData('50% of 3:2,\r\nnext')).toBe('50%25 of 3:2,%0D%0Anext');
    expect(escapeProperty('a:b,c%d\ne')).toBe('a%3Ab%2Cc%25d%0Ae');
  });

  it('escapes table cells of the summary', () => {
    const dir = tmp('gh2');
    writeFileSync(join(dir, 'page.md'), '---\nlanguage: en\n---\nWe use 6 mm needles.\n');
    const report: Report = JSON.parse(runCli(['check', 'page.md', '--reference', REFERENCE, '--no-write', '--format', 'json'], dir).stdout);
    report.findings[0].message = 'a | b\nc <script>';
    const rows = renderStepSummary(report)
      .split('\n')
      .filter((l) => l.startsWith('| `page.md:'));
    expect(rows).toHaveLength(report.findings.length);
    for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(7);
    expect(rows[0]).toContain('a \\| b c &lt;script>');
  });
});

describe('GitHub code scanning limits', () => {
  it('warns, in the annotations and the job summary, when report.sarif holds more results than code scanning accepts', () => {
    const dir = tmp('gh-limit');
    writeFileSync(join(dir, 'page.md'), '---\nlanguage: en\n---\nWe use 6 mm needles.\n');
    const report: Report = JSON.parse(runCli(['check', 'page.md', '--reference', REFERENCE, '--no-write', '--format', 'json'], dir).stdout);
    const finding = report.findings[0];
    const withResults = (findings: number, suppressed: number): Report => ({ ...report, findings: Array(findings).fill(finding), suppressed: Array(suppressed).fill(finding) });
    const warnings = (r: Report) => renderGithubCommands(r).split('\n').filter((l) => l.startsWith('::warning title=claimlint%3A too many results'));
    // At the limit (suppressed findings are SARIF results too): nothing to say.
    const atLimit = withResults(CODE_SCANNING_MAX_RESULTS - 10, 10);
    expect(warnings(atLimit)).toHaveLength(0);
    expect(renderStepSummary(atLimit)).not.toContain('Code scanning');
    const over = withResults(CODE_SCANNING_MAX_RESULTS - 10, 11);
    const [warning] = warnings(over);
    expect(warning).toContain(`report.sarif holds ${CODE_SCANNING_MAX_RESULTS + 1} results`);
    expect(warning).toContain('--changed-since');
    // After the findings' annotations, before the closing count.
    const lines = renderGithubCommands(over).trimEnd().split('\n');
    expect(lines.at(-2)).toBe(warning);
    expect(lines.at(-1)).toMatch(/^claimlint: /);
    expect(renderStepSummary(over)).toMatch(/^> \*\*Code scanning:\*\* report\.sarif holds 25001 results/m);
    // Printed in whole lines a thousand findings at a time, not made into one string.
    const chunks = [...githubCommandChunks(over)];
    expect(chunks).toHaveLength(Math.floor(over.findings.length / 1000) + 1);
    for (const chunk of chunks) expect(chunk.endsWith('\n')).toBe(true);
    expect(chunks[0].split('\n').slice(0, -1)).toEqual(Array(1000).fill(workflowCommand(finding)));
    expect(chunks.join('').split('\n').slice(0, -3)).toEqual(Array(over.findings.length).fill(workflowCommand(finding)));
  });
});

describe('rdjson (reviewdog)', () => {
  it('writes reports/report.rdjson.json: 1-based lines, UTF-8 byte columns, exclusive ends, suggestions as range + text', () => {
    const dir = projectWithSources();
    const run = check(dir, '--format', 'rdjson');
    const rd = JSON.parse(run.stdout);
    expect(readFileSync(join(dir, 'reports/report.rdjson.json'), 'utf8')).toBe(run.stdout);
    const report: Report = JSON.parse(readFileSync(join(dir, 'reports/report.json'), 'utf8'));
    expect(rd.source).toEqual(TOOL_HOMEPAGE ? { name: 'claimlint', url: TOOL_HOMEPAGE } : { name: 'claimlint' });
    expect(rd.severity).toBe('ERROR');
    expect(rd.diagnostics).toHaveLength(report.findings.length);
    let multibyte = 0;
    for (const [i, f] of report.findings.entries()) {
      const d = rd.diagnostics[i];
      expect(d).toMatchObject({ location: { path: f.path }, severity: f.severity.toUpperCase(), code: { value: f.rule } });
      expect(d.message).toContain(f.message);
      const { start, end } = d.location.range;
      expect(start.line).toBe(f.position.start.line);
      expect(start.column).toBeGreaterThanOrEqual(1);
      if (end.line !== start.line) continue;
      // The bytes of the line from start (inclusive) to end (exclusive) are the quote.
      const line = Buffer.from(readFileSync(join(dir, f.path), 'utf8').split(/\r\n|\r|\n/)[start.line - 1], 'utf8');
      expect(line.subarray(start.column - 1, end.column - 1).toString('utf8')).toBe(f.text);
      if (start.column !== f.position.start.column) multibyte++;
      if (f.suggestion) expect(d.suggestions).toEqual([{ range: d.location.range, text: f.suggestion }]);
      else expect(d.suggestions).toBeUndefined();
    }
    expect(multibyte).toBeGreaterThan(0); // the Italian pages have accented letters before some quotes
  });
});

