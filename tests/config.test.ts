import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../src/report/model.js';
import { loadConfig } from '../src/config/load.js';
import { sha256 } from '../src/util/hash.js';
import { runCli } from './helpers/cli.js';
import { ROOT } from './helpers/engine.js';
import { EN_PAGE, project, SAFE_FIX_REFERENCE } from './helpers/project.js';

const json = (stdout: string) => JSON.parse(stdout) as Report;

describe('claimlint.config.yaml', () => {
  it('reports every config problem at its line and column and exits 2', () => {
    const dir = project({ 'page.md': EN_PAGE, 'claimlint.config.yaml': 'sources: [page.md]\nfailOn: sometimes\nrules:\n  contradicts-reference: fatal\n  no-such-rule: "off"\nreprotDir: out\n' });
    const r = runCli(['check', '--no-write'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('claimlint.config.yaml:2:9: /failOn: must be equal to one of the allowed values: error, warning, info, never');
    expect(r.stderr).toContain('claimlint.config.yaml:4:26: /rules/contradicts-reference: must be equal to one of the allowed values: off, info, warning, error');
    expect(r.stderr).toContain('claimlint.config.yaml:6:1: (root): unknown property "reprotDir"');
    expect(r.stdout).toBe('');
  });

  it('names an unknown rule id at its line, and YAML syntax errors at theirs', () => {
    const unknown = project({ 'page.md': EN_PAGE, 'claimlint.config.yaml': 'rules:\n  contradicts-reference: warning\n  contradict-reference: "off"\n' });
    const a = runCli(['check', 'page.md', '--no-write'], unknown);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/claimlint\.config\.yaml:3:3: \/rules: unknown rule "contradict-reference"; known rules: /);
    const broken = project({ 'page.md': EN_PAGE, 'claimlint.config.yaml': 'sources:\n  - page.md\n failOn: error\n' });
    const b = runCli(['check', '--no-write'], broken);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/claimlint\.config\.yaml:3:\d+: /);
    const missing = runCli(['check', '--config', 'nope.yaml', '--no-write'], broken);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml:1:1: config file not found/);
  });

  it('takes sources (globs), ignores, reference, report dir and failOn from the config, relative to it, and records its SHA-256', () => {
    const config = `sources:\n  - "pages/**/*.md"\n  - notes\nignore:\n  - "**/drafts/**"\nreference: ${JSON.stringify(SAFE_FIX_REFERENCE)}\nreportDir: out/reports\nclaimsDir: out/claims\nfailOn: warning\n`;
    const dir = project({
      'claimlint.config.yaml': config,
      'pages/a.md': EN_PAGE,
      'pages/drafts/b.md': EN_PAGE.replace('6 mm', '7 mm'),
      'pages/c.txt': 'not matched by the glob',
      'notes/d.txt': '---\nlanguage: en\n---\nWe use 4 mm needles.\n',
    });
    const r = runCli(['check'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'out/reports/report.json'), 'utf8')) as Report;
    expect(report.sources.map((s) => s.path)).toEqual(['notes/d.txt', 'pages/a.md']);
    expect(report.reference.id).toBe('minimal');
    expect(report.config).toEqual({ path: 'claimlint.config.yaml', sha256: sha256(config) });
    expect(existsSync(join(dir, 'out/claims/a.yaml'))).toBe(true);
  });

  it('sets rule severities (off removes the rule); command-line flags override the config', () => {
    const dir = project({ 'page.md': EN_PAGE, 'claimlint.config.yaml': `reference: ${JSON.stringify(SAFE_FIX_REFERENCE)}\nrules:\n  contradicts-reference: warning\n  unsupported-claim: off\n` });
    const r = runCli(['check', 'page.md', '--no-write', '--format', 'json'], dir);
    const report = json(r.stdout);
    expect(report.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['contradicts-reference:warning', 'contradicts-reference:warning']);
    expect(r.code).toBe(0);
    expect(runCli(['check', 'page.md', '--no-write', '--fail-on', 'warning'], dir).code).toBe(1);
    // --reference wins over the config's reference
    const real = json(runCli(['check', 'page.md', '--no-write', '--format', 'json', '--reference', `${ROOT}claims/canonical/mesotherapy.yaml`], dir).stdout);
    expect(real.reference.id).toBe('mesotherapy');
  });

  it('claimlint init writes a commented starter config that validates, and refuses to overwrite it without --force', () => {
    const dir = project({});
    const first = runCli(['init'], dir);
    expect(first.code).toBe(0);
    const text = readFileSync(join(dir, 'claimlint.config.yaml'), 'utf8');
    expect(text).toMatch(/^# claimlint configuration/);
    expect(text).toMatch(/# unsupported-claim: +error/);
    expect(loadConfig(undefined, dir)!.config).toMatchObject({ sources: ['sources'], reference: 'claims/canonical/mesotherapy.yaml', failOn: 'error' });
    writeFileSync(join(dir, 'claimlint.config.yaml'), 'failOn: never\n');
    const again = runCli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; use --force/);
    expect(readFileSync(join(dir, 'claimlint.config.yaml'), 'utf8')).toBe('failOn: never\n');
    expect(runCli(['init', '--force'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'claimlint.config.yaml'), 'utf8')).toBe(text);
  });

  it("the repository's own config is valid and keeps the defaults", () => {
    expect(loadConfig(undefined, ROOT)!.config).toMatchObject({ sources: ['sources'], reference: 'claims/canonical/mesotherapy.yaml', reportDir: 'reports', failOn: 'error' });
  });
});
