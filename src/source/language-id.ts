/**
 * Names the language of a page that no vocabulary's function words account for.
 *
 * A page's language is guessed from the function words of the languages claimlint has a
 * vocabulary for (vocab/*.yaml). A page in another language (Polish, Romanian, Greek…) then
 * matches none of them, or a few by chance, and was read with the wrong vocabulary: nothing was
 * extracted and the run said "0 findings" — an all-clear for a page nobody checked. Here a
 * trigram language identifier (franc, 187 languages) looks at such a page; when it is sure the
 * page is in a language without a vocabulary, the page is refused with a message that names the
 * language, rather than passed as clean.
 *
 * franc is asked only when the function words are weak (most pages never reach it), and it is
 * loaded on first use: it builds its trigram tables when loaded, some 25 ms.
 */
import { createRequire } from 'node:module';
import type { LanguageGuess } from '../vocab/load.js';

type Franc = typeof import('franc');

/**
 * A page whose best language has at least this share of function words among its words is that
 * language: measured on the 1,017 gold pages, the lowest share is 8 % (ads, price lists), and 91 %
 * of pages are above 15 %; pages in Polish, Czech, Romanian or Catalan reach 5–11 % of some
 * vocabulary's words by chance.
 */
const SURE_SHARE = 0.15;

/**
 * Below this many letters, franc's guess is not trusted: on the gold pages cut to their first 300
 * characters it named a neighbour (Galician for Portuguese, Catalan for Spanish, Scots for
 * English) eight times; with 300 letters or more, never.
 */
const MIN_LETTERS = 300;

/**
 * A listed language that franc scores at least this close to its best (scores are relative, the
 * best is 1) stands: Portuguese pages scored 0.99999 beside Galician, English 0.999 beside Scots;
 * Catalan pages score Spanish 0.96, Romanian pages Italian 0.90. Among the listed languages, a
 * runner-up this close leaves the choice to the configured default.
 */
const NEAR_LISTED = 0.98;

/**
 * A page whose function words name no language (two or fewer seen) is given the listed language
 * franc ranks first among the listed ones, from this many letters on; a shorter one keeps the
 * configured default, and so does a page on which franc ranks a second listed language within
 * NEAR_LISTED of the first. On the gold pages cut to their first 150 characters (front matter
 * removed), the function words name no language for 554 of 1,017; franc picks for 484 of those,
 * 28 wrongly, where one default language for all would be right for at most 147.
 */
const MIN_LETTERS_LISTED = 100;

interface Identifier {
  francAll: Franc['francAll'];
  /** ISO 639-3 → ISO 639-1, where there is one. */
  to1: Record<string, string>;
}

let loaded: Identifier | undefined;

function identifier(): Identifier {
  if (!loaded) {
    // Loaded synchronously on first use (franc is ESM; require of ESM needs Node 20.19 or later).
    const load = createRequire(import.meta.url);
    loaded = {
      francAll: (load('franc') as Franc).francAll,
      to1: (load('iso-639-3/iso6393-to-1.js') as { iso6393To1: Record<string, string> }).iso6393To1,
    };
  }
  return loaded;
}

/** What franc makes of a page the function words were not sure of. */
export type IdentifiedLanguage =
  /** A language with a vocabulary (its key in the vocabularies). */
  | { listed: true; language: string }
  /** A language without one: its ISO 639-1 code where there is one, else ISO 639-3 (what vocab/<code>.yaml would be named), and its English name. */
  | { listed: false; code: string; name: string };

const NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/**
 * Looks again at a page whose function words are weak (guessLanguage's share under 15 %): a page
 * franc is sure is in a language without a vocabulary is that language; a page whose function
 * words named no language gets franc's pick among the listed ones. Undefined when the function
 * words stand (or the page is too short to say).
 *
 * @param guess the function words' guess (src/vocab/load.ts guessLanguage)
 * @param listed the languages with a vocabulary, by key
 */
export function identifyLanguage(text: string, guess: LanguageGuess, listed: ReadonlyMap<string, unknown>): IdentifiedLanguage | undefined {
  if (guess.share >= SURE_SHARE) return undefined;
  let letters = 0;
  for (const word of text.match(/\p{L}+/gu) ?? []) letters += word.length;
  if (letters < MIN_LETTERS_LISTED) return undefined;
  const { francAll, to1 } = identifier();
  const key = (iso6393: string): string => to1[iso6393] ?? iso6393;
  if (letters >= MIN_LETTERS) {
    const ranked = francAll(text);
    const best = ranked[0][0];
    if (best !== 'und') {
      const code = key(best);
      if (listed.has(code)) return guess.language ? undefined : { listed: true, language: code };
      if (!ranked.some(([lang, score]) => score >= NEAR_LISTED && listed.has(key(lang)))) return { listed: false, code, name: NAMES.of(code) ?? code };
    }
  }
  if (guess.language) return undefined;
  const only = Object.keys(to1).filter((iso6393) => listed.has(to1[iso6393]));
  for (const lang of listed.keys()) if (!to1[lang] && !only.includes(lang)) only.push(lang); // a vocabulary named by its ISO 639-3 code
  const ranked = francAll(text, { only });
  // A runner-up within NEAR_LISTED of the pick makes it a coin toss: the configured default stands.
  if (ranked[0][0] === 'und' || (ranked[1]?.[1] ?? 0) >= NEAR_LISTED) return undefined;
  return { listed: true, language: key(ranked[0][0]) };
}
