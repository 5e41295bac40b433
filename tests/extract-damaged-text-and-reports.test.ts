/**
 * Text damaged on its way to the page (a wrong charset, left-over character references, invisible
 * characters, fullwidth forms, Word's bullets), and claims a page reports rather than makes
 * (slogans in a table or a bracket, lines a cross mark opens, zero counts). Each rule came from a
 * blind gold set (tests/gold-fresh81 to fresh85). Damage is read through in parse/normalize.ts
 * with the text's length kept, so every claim still points at the file's own characters.
 */
import { describe, expect, it } from 'vitest';
import { decodeDamagedWords, normalizeChars, undoShifts } from '../src/parse/normalize.js';
import { claimsOf, conditionsOf, valuesOf, countsOf as counts, effectsOf, assertionsOf as assertions } from './helpers/engine.js';

/** Each claim's quote, checked against the file's own characters at its offsets. */
const quotes = (text: string, lang: string) =>
  claimsOf(text, lang).map((c) => {
    expect(text.slice(c.position.start.offset, c.position.end.offset)).toBe(c.text);
    return `${c.kind} ${c.text}`;
  });

describe('a UTF-8 page read as Windows-1252 (mojibake)', () => {
  it('is read through, word by word, and the text keeps its length', () => {
    const { text, shifts } = decodeDamagedWords('perchÃ¨ la mesoterapia Ã¨ sicura, donâ€™t worry');
    expect(text).toBe("perchè  la mesoterapia è  sicura, don't   worry");
    expect(text.length).toBe('perchÃ¨ la mesoterapia Ã¨ sicura, donâ€™t worry'.length);
    // After "perchè" the offsets are one short of the file's.
    expect(undoShifts(shifts, 6)).toBe(7);
  });

  it('leaves alone what is no mojibake: Portuguese capitals, a lone accent', () => {
    expect(decodeDamagedWords('NÃO SÃO caffè').text).toBe('NÃO SÃO caffè');
  });

  it('claims are found in damaged text and quote the file', () => {
    const page = 'La mesoterapia Ã¨ una tecnica sicura. Servono 6â€“8 sedute. Si usano aghi da 4Â\u00a0mm, perchÃ© piÃ¹ corti.';
    expect(quotes(page, 'it')).toEqual(['safety tecnica sicura', 'sessions.count 6â€“8 sedute', 'needle da 4Â\u00a0mm']);
  });
});

describe('character references and invisible characters', () => {
  it('a doubly escaped reference stands for what it escapes', () => {
    expect(decodeDamagedWords('l&amp;rsquo;ago').text.startsWith("l'ago")).toBe(true);
    expect(counts('Mésothérapie : 3 &amp;ndash; 5 s&eacute;ances.', 'fr')).toEqual(['3-5']);
  });

  it('soft hyphens and zero-width spaces inside words are read through', () => {
    const page = 'Mesotherapy takes 4\u00ad–6 treat\u00adments, every two\u200b weeks; contra\u00adindicated in preg\u00adnancy.';
    expect(quotes(page, 'en')).toEqual(['sessions.count 4\u00ad–6 treat\u00adments', 'sessions.frequency every two\u200b weeks', 'contraindication preg\u00adnancy']);
  });

  it('fullwidth forms and the wave dash are ASCII; a character lost between figures was a dash', () => {
    expect(normalizeChars('３２G ４～６ 4〜6 5\ufffd8 R\ufffdtungen')).toBe('32G 4-6 4-6 5-8 R\ufffdtungen');
    expect(counts('Ｑ．How many sessions? Ａ．Usually ４～６ sessions.', 'en')).toEqual(['4-6']);
    expect(counts('Üblich sind 5\ufffd8 Sitzungen.', 'de')).toEqual(['5-8']);
  });
});

describe('lists whose marks Markdown does not read', () => {
  it('Word’s Wingdings bullets, “§” and “Ø” before a tab or spaces, open list items', () => {
    const page = 'Il trattamento NON deve essere eseguito in caso di:\n\nØ  gravidanza accertata o presunta;\nØ  terapia anticoagulante orale;\nØ  neoplasie in fase attiva.\n';
    expect(conditionsOf(page, 'it')).toEqual(['pregnancy', 'anticoagulant-therapy', 'cancer']);
    // Not a word that happens to be one letter: "Ø" with one space after it opens no item.
    expect(conditionsOf('Il trattamento NON deve essere eseguito in caso di:\n\nØ gravidanza accertata o presunta.\n', 'it')).toEqual([]);
  });

  it('a colon-closed line leads in each unpunctuated line after it, as a Japanese “・” list has them', () => {
    const page = 'Ａ．We do not perform it for：\n・pregnant women\n・people with bleeding tendency\n・people who had allergy to medicine\nPlease tell us if you take any medicine.\n';
    expect(conditionsOf(page, 'en')).toEqual(['pregnancy', 'coagulation-disorder', 'drug-allergy']);
  });
});

describe('claims a page reports', () => {
  it('a quoted list in a bracket after a reporting word', () => {
    expect(assertions('Les allégations relevées dans la communication des centres (« détox », « résultats garantis », « sans aucun effet secondaire ») ne reposent sur aucune donnée.', 'fr')).toEqual([]);
  });

  it('a table column of slogans under a reporting word; a column of properties is claimed', () => {
    const survey = '| Aussage | Häufigkeit |\n|---|---|\n| „völlig schmerzlos“ | 64 von 120 |\n| „ohne Nebenwirkungen“ | 41 von 120 |\n| „Erfolg garantiert“ | 9 von 120 |\n';
    expect(assertions(survey, 'de')).toEqual([]);
    expect(assertions('| Behandlung | Eigenschaft |\n|---|---|\n| Mesotherapie | völlig schmerzlos |\n', 'de')).toEqual(['painless']);
  });

  it('a line a cross mark opens states no safety or efficacy claim, but a crossed condition is still refused', () => {
    const never = 'Comunicazione – cosa NON promettere\n✗ “Le elimina il dolore per sempre”\n✗ “Risultato garantito”\n✗ “Non sentirà niente”\n';
    expect(assertions(never, 'it')).toEqual([]);
    expect(conditionsOf('Nicht geeignet bei:\n✗ Schwangerschaft\n✗ Blutverdünnern\n', 'de')).toEqual(['pregnancy', 'anticoagulant-therapy']);
  });

  it('what providers advertise, marketing materials state, promises a clip makes', () => {
    expect(assertions('Manche Anbieter werben damit, dass die Mesotherapie „entschlackt“, das Immunsystem stärkt oder Fett „für immer“ entfernt.', 'de')).toEqual([]);
    expect(assertions('Marketing materials commonly state that mesotherapy is "painless," "completely safe" and that fat loss is "permanent."', 'en')).toEqual([]);
    expect(assertions('It is usually attached to promises that it "melts fat forever" or "detoxes your body".', 'en')).toEqual([]);
    expect(assertions('Steeds meer leden krijgen mesotherapie aangeboden, vaak met beloften als “ontgift je lichaam” en “pijnloos”.', 'nl')).toEqual([]);
  });
});

describe('a label whose value is zero', () => {
  it('denies what it labels, item by item on a line of them', () => {
    expect(effectsOf('Infezioni: 0 · Necrosi: 0 · Reazioni allergiche sistemiche: 0', 'it')).toEqual([]);
    expect(effectsOf('Hematoma: 14 (11%)\nReacción alérgica: 0 · Infección: 0', 'es')).toEqual(['hematoma']);
    expect(effectsOf('Infecção: nenhum caso', 'pt')).toEqual([]);
  });
});

describe('terms', () => {
  it('fine print, slogans and other treatments in more words', () => {
    expect(conditionsOf('Non valido in gravidanza e allattamento.', 'it')).toEqual(['pregnancy', 'breastfeeding']);
    expect(conditionsOf('I won’t treat you if you have an infection at or near the site.', 'en')).toEqual(['skin-infection']);
    expect(assertions('Schluss mit Cellulite!', 'de')).toEqual(['cellulite-removal']);
    expect(assertions('Mesoterapia sicura al 100 %.', 'it')).toEqual(['safe']);
    expect(counts('Injectable skin boosters are a different product: they are usually given as two treatments, four weeks apart.', 'en')).toEqual([]);
    expect(counts('Prescription deoxycholic-acid injections usually take 2–4 treatments spaced a month apart.', 'en')).toEqual([]);
  });
});

describe('quoted phrases a reporting label leads in (fresh86 to fresh90)', () => {
  it('a “never say” label over quoted phrases reports them; a check mark approves its line', () => {
    const never = '**À ne jamais dire** (charte communication) :\n- « résultats garantis », « élimine définitivement la cellulite », « fait fondre la graisse »\n- « aucune contre-indication », « zéro effet secondaire »\n';
    expect(assertions(never, 'fr')).toEqual([]);
    const both = 'NUNCA decir:\n✗ “No duele nada”\n✗ “Resultados garantizados”\nSÍ decir:\n✓ “Es un procedimiento médico seguro cuando lo realiza personal cualificado”\n';
    expect(assertions(both, 'es')).toEqual(['safe']);
    // Unquoted items under such a label are the page's own words.
    expect(assertions('**À ne jamais dire** :\n- la mésothérapie est une technique sûre\n', 'fr')).toEqual(['safe']);
  });

  it('what a patient asked, evidence an authority has not seen, wording a leaflet used, what a clinic was condemned for announcing', () => {
    expect(assertions('She also asked whether it "melts fat permanently". I said no.', 'en')).toEqual([]);
    expect(assertions('We had not seen evidence that mesotherapy removed fat permanently, or that it had any detoxifying effect.', 'en')).toEqual([]);
    expect(assertions('Aveva firmato un modulo nel quale il trattamento era descritto come «privo di rischi».', 'it')).toEqual([]);
    expect(assertions('Condenada una clínica por anunciar que la mesoterapia «elimina la grasa para siempre».', 'es')).toEqual([]);
  });
});

describe('section titles and more terms (fresh86 to fresh90)', () => {
  it('a numbered section title in capitals, read by Markdown as a list of one item, heads what follows', () => {
    const sheet = 'Texte.\n\n6. CONTRE-INDICATIONS\n\nAbsolues :\n- grossesse ;\n- allergie connue à l’un des médicaments injectés.\n';
    expect(conditionsOf(sheet, 'fr')).toEqual(['pregnancy', 'drug-allergy']);
    // A numbered list of several items in capitals stays a list.
    expect(claimsOf('1. GRAVIDANZA\n2. ALLATTAMENTO\n', 'it').filter((c) => c.kind === 'contraindication')).toEqual([]);
  });

  it('depth and bounds, rates and ranges in more words', () => {
    const needles = (text: string, lang: string) => valuesOf(text, lang, 'needle').map((v) => { const n = v as { aspect: string; min: number | null; max: number | null }; return `${n.aspect} ${n.min ?? ''}-${n.max ?? ''}`; });
    expect(needles('Aghi da 4 mm e 32 G, ma sul viso non si scende oltre i 2 mm.', 'it')).toEqual(['length 4-4', 'gauge 32-32', 'depth -2']);
    expect(needles('The needle is four millimetres long but she only goes in about one millimetre.', 'en')).toEqual(['length 4-4', 'depth 1-1']);
    expect(needles('Usamos agujas ultrafinas de 4 ó 6 mm.', 'es')).toEqual(['length 4-6']);
    expect(valuesOf('Ensuite, une séance d’entretien par trimestre.', 'fr', 'sessions.frequency').map((v) => (v as { interval: string }).interval)).toEqual(['P3M']);
    expect(effectsOf('Day 3. Injection sites sore to touch.', 'en')).toEqual(['pain']);
  });
});
