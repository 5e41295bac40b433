/** A quoted claim introduced by a reporting word is someone else's claim, not the page's. */
import { describe, expect, it } from 'vitest';
import { claimsOf } from './helpers/engine.js';

const assertions = (text: string, lang: string) =>
  claimsOf(text, lang)
    .filter((c) => c.kind === 'safety' || c.kind === 'efficacy')
    .map((c) => (c.value as { assertion: string }).assertion);

describe('reported claims', () => {
  it.each([
    ['en', 'Beware of clinics that promise "eliminates toxins" or "no side effects".'],
    ['en', 'Claims such as “melts fat for good” are not supported.'],
    ['it', 'Diffidate di chi parla di “risultati immediati” e “zero effetti collaterali”.'],
    ['fr', 'Certains centres affirment que la mésothérapie « élimine les toxines ».'],
    ['es', 'Algunas clínicas prometen “resultados inmediatos”.'],
    ['de', 'Seien Sie skeptisch bei Versprechen wie „sofort sichtbare Ergebnisse“.'],
    ['pt', 'Há clínicas que anunciam que o tratamento “elimina toxinas”.'],
    ['en', 'I’ve read that mesotherapy “melts fat” and “detoxes” the body. Is that true?'],
    ['en', 'Adverts seen by the Courier promised “permanent fat removal” and “zero side effects”.'],
    ['en', 'A salon owner told the Courier that the treatment was “completely safe”.'],
    ['en', 'Injections marketed online as a way to “melt fat without surgery”.'],
    ['es', 'Desconfíe de quien le prometa que es «totalmente segura» o que sus efectos son «para siempre».'],
    // Single quotes (British and Dutch typography), apostrophes inside them.
    ['en', 'Beware of salons advertising ‘fat-dissolving’ injections and ‘zero side effects’.'],
    ['en', 'Be wary of clinics that promise ‘results you’ll see at once’.'],
    ['en', 'Some clinics use the word for injections that are said to ‘melt’ fat or get rid of cellulite.'],
    ['de', '„Es heißt oft, Mesotherapie lasse Fett für immer verschwinden und entgifte den Körper. Das ist nicht seriös.“'],
    ['en', 'Proponents claim that mesotherapy dissolves fat permanently and eliminates cellulite; these claims are not supported.'],
    ['en', 'Several regulators have issued warnings about unlicensed “fat-dissolving” injections sold online.'],
    ['en', 'Some clinics advertise “guaranteed results” or “permanent fat loss” from mesotherapy.'],
    // A quote answered by a verdict right after it (a myths page).
    ['en', '❌ "It melts fat forever" → FALSE. It does not destroy fat cells.'],
    ['it', '«Scioglie il grasso»: falso.'],
    // A colon that introduces the quotes is no stop for the reporting word.
    ['fr', 'Les offres se ressemblent : « Élimine la cellulite », « Résultats définitifs garantis », « zéro effet secondaire ».'],
    ['de', 'Auf ihrer Website wirbt sie mit „Fettabbau ohne OP“ und „dauerhaft straffer Haut“.'],
    // A numbered myth heading.
    ['de', '## Irrtum 6: „Mesotherapie hat überhaupt keine Nebenwirkungen.“'],
    ['it', '«Sento dire che la mesoterapia “scioglie il grasso” o “elimina la cellulite per sempre”: non è così.»'],
    ['fr', 'À ce jour, aucune étude sérieuse ne montre que la mésothérapie élimine la cellulite ou les toxines.'],
    ['it', 'La mia estetista dice che la mesoterapia elimina la cellulite in 5 sedute e che non ha nessun effetto collaterale.'],
    // A pseudo-negation ("non è esente da…") that reaches into the assertion's own words denies it.
    ['it', 'Come ogni procedura che comporta iniezioni, la mesoterapia non è esente da rischi.'],
    // A list of quotes after one reporting word, the last far from it.
    ['fr', 'On lit sur certains sites qu’elle « fait fondre la graisse », qu’elle « détoxifie l’organisme » ou qu’elle donne des « résultats définitifs ».'],
  ])('%s: %s', (lang, text) => expect(assertions(text, lang)).toEqual([]));

  it('still reads the page’s own claims, quoted or not', () => {
    // Quotation marks alone are not a report: pages quote their own slogans.
    expect(assertions('La mesoterapia “elimina le tossine” in poche sedute.', 'it')).toContain('detox');
    // A reporting word without quotation marks is not enough either.
    expect(assertions('Beware: the treatment eliminates toxins from the body.', 'en')).toContain('detox');
    // Nor is a quote far from a reported list.
    expect(assertions('Some sites promise “instant results”. Our treatment “eliminates toxins” in a few sessions.', 'en')).toContain('detox');
    // An apostrophe is no quotation mark: "don't" and "patients'" open and close nothing.
    expect(assertions("Our patients' results are guaranteed and it's practically painless, say the doctors' notes.", 'en')).toEqual(['guaranteed', 'painless']);
  });
});

describe('hearsay', () => {
  const claims = (text: string, lang: string) => claimsOf(text, lang).map((c) => [c.kind, c.text]);

  it.each([
    ['es', 'Un amigo me dijo que es mágica, que con una sola sesión el dolor desaparece para siempre.'],
    ['es', 'No es cierto que con una sola sesión el dolor desaparezca para siempre.'],
    ['it', 'Chi promette risultati definitivi non dice la verità.'],
    ['it', 'Mi hanno promesso risultati garantiti e che scioglie il grasso in 2 settimane.'],
    ['fr', 'Rien ne prouve que la mésothérapie élimine la cellulite.'],
    ['en', 'A friend told me that one session melts fat for good.'],
  ])('%s: the clause after a hearsay word is no claim of the page: %s', (lang, text) => expect(claims(text, lang)).toEqual([]));

  it('ends with its clause', () => {
    expect(claims('Chi promette miracoli sbaglia; noi garantiamo risultati definitivi.', 'it').map((c) => c[0])).toEqual(['efficacy']);
  });
});

describe('a statement the next sentence denies', () => {
  const claims = (text: string, lang: string) => claimsOf(text, lang).map((c) => [c.kind, c.text]);

  it.each([
    ['fr', '### 1. « La mésothérapie fait fondre la graisse pour toujours. »\n\n**Faux.** Les produits injectés peuvent améliorer l’aspect de la peau.'],
    ['es', '## «Elimina la grasa para siempre»\n\nFalso: la grasa vuelve si no se cuida la alimentación.'],
    ['en', 'Mesotherapy melts fat for good. Myth: fat cells come back without diet and exercise.'],
    ['it', '**La mesoterapia non ha effetti collaterali.**\n\nFalso! Possono comparire piccoli lividi.'],
  ])('%s: is no claim of the page', (lang, text) => {
    const [statement] = text.split(/\n|(?<=\.) /);
    expect(claims(text, lang).filter((c) => statement.includes(c[1] as string) && (c[0] === 'efficacy' || c[0] === 'safety'))).toEqual([]);
  });

  it('is a claim when the verdict agrees, or when nothing follows', () => {
    expect(claims('### « Elle est sans danger entre des mains expertes. »\n\n**Vrai.** Pratiquée par un médecin, c’est une technique sûre.', 'fr').map((c) => c[0])).toEqual(['safety', 'safety']);
    expect(claims('Mesotherapy melts fat for good.', 'en').map((c) => c[0])).toEqual(['efficacy', 'efficacy']);
  });
});

describe('claims passed on in social posts', () => {
  const assertions = (text: string, lang: string) =>
    claimsOf(text, lang)
      .filter((c) => c.kind === 'safety' || c.kind === 'efficacy')
      .map((c) => (c.value as { assertion: string }).assertion);
  it.each([
    ['en', 'Booked it because someone online said it "dissolves fat permanently". Nothing has changed.'],
    ['en', 'lol at the salons promising "permanent results" 🙄'],
    ['es', '(Y no, no es verdad lo que dicen por TikTok de que "elimina la celulitis para siempre" 🙃)'],
    ['nl', 'Mijn vriendin zei dat het ‘helemaal veilig’ is omdat het natuurlijke stoffen zijn.'],
    ['de', 'ja und dann da wird ja oft gesagt die löst das Fett für immer auf das stimmt äh so nicht'],
  ])('%s: %s', (lang, text) => expect(assertions(text, lang)).toEqual([]));
});

describe('claims a page says there is no evidence for, or that someone promises', () => {
  it.each([
    ['it', 'Non esistono inoltre prove che la mesoterapia rafforzi le difese immunitarie.'],
    ['en', 'There is no evidence to support claims of “detoxification” or immune stimulation.'],
    ['en', 'Some people report that mesotherapy is “painless”.'],
    ['it', 'Se un centro vi promette «risultati garantiti in tre sedute», cambiate centro.'],
  ])('%s: %s', (lang, text) => expect(assertions(text, lang)).toEqual([]));

  it('keeps what a numbered myth heading is followed by, and what comes before it', () => {
    const page = '## Mito 2: «Duele muchísimo»\n\n**Falso.** En zonas sensibles hay personas que notan un dolor moderado durante la sesión.\n\n## Mito 3: «Sirve para adelgazar»\n\n**Falso.** No es un método para perder peso.';
    expect(claimsOf(page, 'es').map((c) => [c.kind, (c.value as { effect?: string }).effect])).toEqual([['adverse-effect', 'pain']]);
  });

  it('keeps a quote that no verdict answers: the page’s own slogan', () => {
    expect(assertions('Our motto: “no serious side effects” – and ten years of records back it.', 'en')).toEqual(['no-serious-side-effects']);
  });

  it('says a condition that is no reason to avoid the treatment is no contraindication', () => {
    expect(claimsOf('Diabetes is not a reason to avoid it.', 'en').filter((c) => c.kind === 'contraindication')).toEqual([]);
  });
});

describe('the words of a no-obstacle phrase are no contraindication cue', () => {
  it('keeps the whole sentence free of contraindications', () => {
    expect(claimsOf('Diabetes is not a reason to avoid it, although tendons do heal more slowly in people with diabetes.', 'en').filter((c) => c.kind === 'contraindication')).toEqual([]);
  });
});

describe('statements set out as someone else’s, plural denials and indirect questions', () => {
  it.each([
    ['it', '## 3. «Non ha effetti collaterali»\n\nLa verità è che gli ematomi sono frequenti.'],
    ['en', '**Myth:** “Cellulite mesotherapy has no side effects.”\n\n**Fact:** bruising is common.'],
    ['it', 'Il diabete e l’ipotiroidismo in cura, invece, non sono controindicazioni: li valutiamo in visita.'],
    ['en', 'People often ask me whether side effects are rare. I’d call them common but mild.'],
  ])('%s: %s', (lang, text) => expect(assertions(text, lang)).toEqual([]));

  it('still reads a heading that is the page’s own', () => {
    expect(assertions('## Safe and painless\n\nNo side effects.', 'en')).toEqual(['painless', 'no-side-effects']);
  });
});

describe('a needle’s pinch is not itching', () => {
  it('reads "pizzicore" as no adverse effect', () => {
    expect(claimsOf('Si sente solo un pizzicore a ogni iniezione, niente di più.', 'it').filter((c) => c.kind === 'adverse-effect')).toEqual([]);
  });
});
