/**
 * Pages saved from a CMS: character references inside words ("sess&otilde;es") and raw HTML
 * blocks ("<h2>…</h2>", "<ul><li>…</li></ul>", "&bull; item;<br>") are read as the text and the
 * structure they stand for, and claims are still placed on the file's own characters.
 */
import { describe, expect, it } from 'vitest';
import { decodeDamagedWords, undoShifts } from '../src/parse/normalize.js';
import { parseSentences } from '../src/parse/sentences.js';
import { claimsOf } from './helpers/engine.js';

describe('character references in words', () => {
  it.each([
    ['8 a 10 sess&otilde;es com', '8 a 10 sessões com'],
    ['infec&ccedil;&atilde;o ou feridas', 'infecção ou feridas'],
    ['de 4&nbsp;mm e', 'de 4 mm e'],
    ['&Eacute; um procedimento', 'É um procedimento'],
    ['perch&#232; no', 'perchè no'],
    ['caf&#xe9; e', 'café e'],
  ])('%s reads as %s, each word mapping back to its characters', (source, words) => {
    const { text, shifts } = decodeDamagedWords(source);
    expect(text).toHaveLength(source.length);
    expect(text.replace(/\s+/g, ' ').trim()).toBe(words.replace(/\u00a0/g, ' '));
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      const from = undoShifts(shifts, m.index ?? 0);
      const to = undoShifts(shifts, (m.index ?? 0) + m[0].length);
      expect(decodeDamagedWords(source.slice(from, to)).text.trim()).toBe(m[0]);
    }
  });

  it('leaves unknown names and text without references as they are', () => {
    expect(decodeDamagedWords('a &foo; b')).toEqual({ text: 'a &foo; b' });
    expect(decodeDamagedWords('no references')).toEqual({ text: 'no references' });
  });

  it('places claims on the file’s characters', () => {
    const text = 'Em m&eacute;dia s&atilde;o indicadas de <strong>8 a 10 sess&otilde;es</strong>, com intervalo de 7 dias.';
    const [count] = claimsOf(text, 'pt').filter((c) => c.kind === 'sessions.count');
    expect(count.value).toMatchObject({ min: 8, max: 10 });
    expect(count.text).toMatch(/8 a 10 sess&otilde;es$/);
    expect(text.slice(count.position.start.offset, count.position.end.offset)).toBe(count.text);
  });
});

describe('raw HTML blocks', () => {
  const page = [
    '<h2>Quem n&atilde;o pode fazer mesoterapia?</h2>',
    'A mesoterapia &eacute; contraindicada para:<br>',
    '&bull; gestantes;<br>',
    '&bull; pessoas com diabetes descompensado;<br>',
    '&bull; <span class="x">quem usa <em>anticoagulantes</em>.</span>',
    '',
    '<ul><li>Gordura localizada</li><li>Celulite</li></ul>',
  ].join('\n');

  it('reads headings, lines and list items, with the list’s lead-in', () => {
    const sentences = parseSentences(page);
    const row = (s: (typeof sentences)[number]) => [s.blockType, s.normalized.replace(/\s+/g, ' ').trim()];
    expect(sentences.map(row)).toEqual([
      ['heading', 'Quem não pode fazer mesoterapia?'],
      ['paragraph', 'A mesoterapia é contraindicada para:'],
      ['listItem', 'gestantes;'],
      ['listItem', 'pessoas com diabetes descompensado;'],
      ['listItem', 'quem usa anticoagulantes .'], // the closing tags are blanks
      ['listItem', 'Gordura localizada'],
      ['listItem', 'Celulite'],
    ]);
    expect(sentences[2].leadIn).toBe(sentences[1].block);
  });

  it('finds the contraindications the list states, on the file’s characters', () => {
    const claims = claimsOf(page, 'pt').filter((c) => c.kind === 'contraindication');
    expect(claims.map((c) => (c.value as { condition: string }).condition)).toEqual(['pregnancy', 'diabetes', 'anticoagulant-therapy']);
    for (const c of claims) expect(page.slice(c.position.start.offset, c.position.end.offset)).toBe(c.text);
  });

  it('reads no markup, scripts or comments as text', () => {
    const text = parseSentences('<div class="a" data-x="mesoterapia 4 mm"><!-- 6 mm --><script>var x = "30G";</script>Texto.</div>')
      .map((s) => s.normalized.trim())
      .join('|');
    expect(text).toBe('Texto.');
  });
});
