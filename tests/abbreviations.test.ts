/** Abbreviations are data (vocab/<lang>.yaml): each language says which full stops do not end a sentence. */
import { describe, expect, it } from 'vitest';
import { parseSentences } from '../src/parse/sentences.js';
import { abbreviationPattern, isAbbreviation } from '../src/parse/abbreviations.js';
import { claimsOf, getEngine } from './helpers/engine.js';

const sentencesIn = (text: string, lang: string) => parseSentences(text, { abbreviations: getEngine().languages.get(lang)!.abbreviations }).map((s) => text.slice(s.start, s.end));

describe('abbreviations per language', () => {
  it('keeps "z. B.", "z.B.", "bzw." and "max." inside a German sentence', () => {
    expect(sentencesIn('Kontraindikationen sind z. B. Schwangerschaft und Stillzeit. Danach folgt mehr.', 'de')).toEqual(['Kontraindikationen sind z. B. Schwangerschaft und Stillzeit.', 'Danach folgt mehr.']);
    expect(sentencesIn('Die Nadeln sind max. 4 mm lang, z.B. bei Cellulite bzw. Rückenschmerzen.', 'de')).toHaveLength(1);
  });

  it('reads "max. 4 mm" as at most 4 mm once the sentence holds together', () => {
    expect(claimsOf('Die Nadeln sind max. 4 mm lang.', 'de').find((c) => c.kind === 'needle')?.value).toMatchObject({ min: null, max: 4 });
  });

  it('keeps "aprox." and "p. ex." inside a Portuguese sentence', () => {
    expect(sentencesIn('A agulha tem aprox. 4 mm, p. ex. na face. Depois descansa.', 'pt')).toEqual(['A agulha tem aprox. 4 mm, p. ex. na face.', 'Depois descansa.']);
  });

  it("uses each language's own list: Italian \"es.\" is an abbreviation, Spanish \"es.\" ends a sentence", () => {
    expect(sentencesIn('Alcuni farmaci, es. anticoagulanti, sono da evitare.', 'it')).toHaveLength(1);
    expect(sentencesIn('Lo importante es. Después viene lo demás.', 'es')).toHaveLength(2);
  });

  it('finds the full stops of an abbreviation, with or without the inner space, and no others', () => {
    const re = abbreviationPattern(['z. B.', 'ca']);
    const stops = (text: string) => [...text].flatMap((c, i) => (c === '.' && isAbbreviation(text, i, 0, re) ? [i] : []));
    expect(stops('wie z. B. hier.')).toEqual([5, 8]);
    expect(stops('wie z.B. hier.')).toEqual([5, 7]);
    expect(stops('(z.B. ca. 4)')).toEqual([2, 4, 8]);
    expect(stops('Zeca. xz.B. Ende z.')).toEqual([]);
    expect(isAbbreviation('ca. 4', 2, 0, abbreviationPattern([]))).toBe(false);
  });
});
