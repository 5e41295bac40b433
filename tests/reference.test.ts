import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReference } from '../src/reference/load.js';
import { ConfigError } from '../src/util/yaml-load.js';
import { REFERENCE, ROOT } from './helpers/engine.js';
import { runCli } from './helpers/cli.js';

const MINIMAL = join(ROOT, 'tests/fixtures/reference/minimal.yaml');
const minimal = readFileSync(MINIMAL, 'utf8');

function variant(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-ref-'));
  const file = join(dir, 'reference.yaml');
  writeFileSync(file, text);
  return file;
}

function problemsOf(file: string) {
  try {
    loadReference(file);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('canonical reference', () => {
  it('loads and validates the mesotherapy reference', () => {
    const ref = loadReference(REFERENCE);
    expect(ref.id).toBe('mesotherapy');
    expect(ref.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The facts the checker relies on, each with evidence.
    for (const key of ['needle.length', 'needle.depth', 'sessions.count', 'sessions.frequency', 'safety:no-side-effects', 'efficacy:detox', 'efficacy:immune-stimulation']) {
      const fact = ref.facts.get(key);
      expect(fact, key).toBeDefined();
      expect(fact!.evidence.length, key).toBeGreaterThan(0);
    }
    expect(ref.facts.get('needle.length')!.values).toEqual([4, 13]);
    expect(ref.facts.get('needle.depth')!.range).toEqual({ min: 0.1, max: 4 });
    expect(ref.facts.get('sessions.frequency')!.values).toEqual(['P1W']);
    // Statuses stay honest: the contraindication lists are not verified.
    const ci = ref.facts.get('contraindication:pregnancy')!;
    expect(ci.verdict).toBe('unverified');
    // The advertising rules are cited for "no side effects".
    const cited = ref.facts.get('safety:no-serious-side-effects')!.evidence.map((id) => ref.evidence.get(id)!);
    expect(cited.some((e) => e.kind === 'law' && /2001\/83/.test(e.citation))).toBe(true);
    expect(cited.some((e) => e.kind === 'law' && /2006, n\. 219/.test(e.citation))).toBe(true);
  });

  it('loads a minimal valid reference', () => {
    expect(problemsOf(MINIMAL)).toEqual([]);
  });

  it('reports a schema violation at its line and column', () => {
    const text = minimal.replace('    status: verified', '    status: probably');
    const [p] = problemsOf(variant(text));
    expect(p.line).toBe(lineOf(text, 'status: probably'));
    expect(p.column).toBe(13);
    expect(p.message).toMatch(/status/);
  });

  it('reports an unknown property at its key', () => {
    const text = minimal.replace('    tolerance: 0.5', '    tolerance: 0.5\n    tolerence: 1');
    const [p] = problemsOf(variant(text));
    expect(p.line).toBe(lineOf(text, 'tolerence'));
    expect(p.message).toMatch(/unknown property "tolerence"/);
  });

  it('reports a fact citing evidence that does not exist', () => {
    const text = minimal.replace('    evidence: [sim-pain-ther-2016]\n  - id: safety', '    evidence: [no-such-paper]\n  - id: safety');
    const [p] = problemsOf(variant(text));
    expect(p.message).toMatch(/unknown evidence id "no-such-paper"/);
    expect(p.line).toBe(lineOf(text, 'no-such-paper'));
  });

  it('reports broken YAML and duplicate keys with their place', () => {
    const broken = minimal.replace('title: Minimal test reference', 'title: [unclosed');
    expect(problemsOf(variant(broken))[0].line).toBeGreaterThan(0);
    const dup = minimal.replace('version: 0.1.0', 'version: 0.1.0\nversion: 0.2.0');
    const [p] = problemsOf(variant(dup));
    expect(p.line).toBe(lineOf(dup, 'version: 0.2.0'));
  });

  it('stops the run with exit code 2 and the place of the problem', () => {
    const file = variant(minimal.replace('    status: verified', '    status: probably'));
    const { code, stderr } = runCli(['check', join(ROOT, 'sources'), '--reference', file, '--no-write']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/reference\.yaml:\d+:13: .*status/);
  });
});
