/**
 * A page in a language with no vocabulary is refused with the language's name (src/source/language-id.ts),
 * never passed as a clean page with nothing extracted from it.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processSource } from '../src/pipeline.js';
import { identifyLanguage } from '../src/source/language-id.js';
import { guessLanguage } from '../src/vocab/load.js';
import type { Report } from '../src/report/model.js';
import { getEngine, REFERENCE, ROOT } from './helpers/engine.js';
import { runCli } from './helpers/cli.js';

const FIXTURES = join(ROOT, 'tests/fixtures/unlisted-languages');
const NAMES: Record<string, string> = { pl: 'Polish', ro: 'Romanian', el: 'Greek', tr: 'Turkish', ca: 'Catalan', cs: 'Czech' };

/** An Italian price list: few function words (under 15 % of its words), so the identifier is asked. */
const ITALIAN_PRICE_LIST = `# Listino prezzi 2025 – Studio Medico Aurora

| Trattamento | Sedute | Prezzo |
|---|---|---|
| Mesoterapia viso con acido ialuronico | 1 | 120 € |
| Mesoterapia corpo cellulite, ritenzione idrica | 1 | 90 € |
| Pacchetto mesoterapia corpo | 6 | 480 € |
| Mesoterapia antalgica cervicale, lombare, spalla | 1 | 70 € |
| Biorivitalizzazione viso, collo, décolleté | 1 | 150 € |
| Peeling chimico medicale | 1 | 80 € |
| Visita medica estetica preliminare | – | 50 € |

Prenotazioni telefoniche lunedì–venerdì 9:00–19:00. Pagamento bancomat, carta, contanti. Prezzi IVA inclusa.
`;

describe('pages in a language without a vocabulary', () => {
  it('refuses each with the language named, at the first letter of its text', () => {
    for (const file of readdirSync(FIXTURES).sort()) {
      const code = file.replace('.md', '');
      const r = processSource(join(FIXTURES, file), getEngine());
      expect(r.claims, file).toEqual([]);
      expect(r.problem?.message, file).toBe(
        `the page reads as ${NAMES[code]} (${code}), a language with no vocabulary, so nothing in it can be checked: add vocab/${code}.yaml (README, "Add a language"), or set "language:" in its front matter if the guess is wrong`,
      );
      expect(r.problem?.point).toEqual({ line: 1, column: 1, offset: 0 });
    }
  });

  it('points after the front matter, and a language the front matter sets is obeyed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-unlisted-'));
    const polish = readFileSync(join(FIXTURES, 'pl.md'), 'utf8');
    writeFileSync(join(dir, 'titled.md'), `---\ntitle: Mezoterapia\n---\n\n${polish}`);
    writeFileSync(join(dir, 'declared.md'), `---\nlanguage: en\n---\n${polish}`);
    const titled = processSource(join(dir, 'titled.md'), getEngine());
    expect(titled.problem?.message).toMatch(/^the page reads as Polish \(pl\)/);
    expect(titled.problem?.point).toEqual({ line: 5, column: 1, offset: 28 });
    const declared = processSource(join(dir, 'declared.md'), getEngine());
    expect(declared.problem).toBeUndefined();
    expect(declared.doc?.meta).toMatchObject({ language: 'en', languageSource: 'front-matter' });
  });

  it('reads a page in a listed language with too few function words to name it, and leaves a short page to the default', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-unlisted-'));
    writeFileSync(join(dir, 'listino.md'), ITALIAN_PRICE_LIST);
    // Too short for a sure guess (under 300 letters): read as before, in the default language.
    writeFileSync(join(dir, 'short.md'), 'Mezoterapia igłowa: seria 4–6 zabiegów co 2 tygodnie.\n');
    const engine = getEngine();
    expect(guessLanguage(ITALIAN_PRICE_LIST, engine.languages).share).toBeLessThan(0.15);
    const listino = processSource(join(dir, 'listino.md'), engine);
    expect(listino.problem).toBeUndefined();
    expect(guessLanguage(ITALIAN_PRICE_LIST, engine.languages).language).toBeUndefined();
    expect(listino.doc?.meta).toMatchObject({ language: 'it', languageSource: 'detected' });
    expect(listino.claims.length).toBeGreaterThan(0);
    const short = processSource(join(dir, 'short.md'), engine);
    expect(short.problem).toBeUndefined();
    expect(short.doc?.meta).toMatchObject({ language: 'en', languageSource: 'default' });
    // Long, but franc ranks Portuguese, Italian and Dutch within 0.2 % of each other: the default stands.
    writeFileSync(join(dir, 'undecided.md'), 'aghi da 6 mm\n'.repeat(100));
    expect(processSource(join(dir, 'undecided.md'), engine, 'it').doc?.meta).toMatchObject({ language: 'it', languageSource: 'default' });
  });

  it('stops refusing a language once it has a vocabulary (the check is data, not code)', () => {
    const polish = readFileSync(join(FIXTURES, 'pl.md'), 'utf8');
    const languages = getEngine().languages;
    const guess = guessLanguage(polish, languages);
    expect(identifyLanguage(polish, guess, languages)).toEqual({ listed: false, code: 'pl', name: 'Polish' });
    const withPolish = new Map<string, unknown>([...languages, ['pl', {}]]);
    expect(identifyLanguage(polish, { language: undefined, share: 0 }, withPolish)).toEqual({ listed: true, language: 'pl' });
  });

  it('reports the page as a source-error and checks the others in the batch', () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-unlisted-'));
    writeFileSync(join(dir, 'pl.md'), readFileSync(join(FIXTURES, 'pl.md')));
    writeFileSync(join(dir, 'it.md'), '---\nlanguage: it\n---\nLa mesoterapia usa aghi lunghi 6 mm.\n');
    const run = runCli(['check', dir, '--reference', REFERENCE, '--format', 'json', '--no-write'], dir);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.filter((f) => f.rule === 'source-error').map((f) => [f.path, f.severity])).toEqual([['pl.md', 'error']]);
    expect(report.claims.some((c) => c.source === 'it' && c.kind === 'needle')).toBe(true);
  });
});
