import { describe, expect, it } from 'vitest';
import { claimsOf, valuesOf } from './helpers/engine.js';

describe('needle', () => {
  it('reads a needle length in brackets with a hedge ("aghi … (circa 4mm)")', () => {
    expect(valuesOf('Si utilizzano degli aghi molto piccoli e sottili (circa 4mm), e si effettuano microiniezioni.', 'it', 'needle')).toEqual([
      { aspect: 'length', min: 4, max: 4, unit: 'mm', approximate: true },
    ]);
  });

  it('reads an injection depth across a non-breaking space ("penetra a circa\\u00a06 mm di profondità")', () => {
    const claims = claimsOf("L'anestetico è necessario a causa della lunghezza dell'ago, che penetra a circa\u00a06 mm di profondità.").filter((c) => c.kind === 'needle');
    expect(claims.map((c) => c.value)).toEqual([{ aspect: 'depth', min: 6, max: 6, unit: 'mm', approximate: true }]);
    expect(claims[0].text).toBe('circa\u00a06 mm');
  });

  it('reads "6 mm needles" as a length in English', () => {
    expect(valuesOf('In traditional mesotherapy usually 6 mm needles are used, which penetrate deep into the mesoderm.', 'en', 'needle')).toEqual([
      { aspect: 'length', min: 6, max: 6, unit: 'mm', approximate: false },
    ]);
  });

  it('does not read "mm" inside a word ("somministrazione") or a number without unit', () => {
    expect(valuesOf('La somministrazione di 4 farmaci con ago sottile avviene in 3 punti.', 'it', 'needle')).toEqual([]);
  });

  it('reads bounds and alternatives', () => {
    expect(valuesOf('The product is injected no more than 4mm deep.', 'en', 'needle')).toEqual([{ aspect: 'depth', min: null, max: 4, unit: 'mm', approximate: false }]);
    expect(valuesOf('Usiamo aghi da 4 o 6mm.', 'it', 'needle')).toEqual([{ aspect: 'length', min: 4, max: 6, unit: 'mm', approximate: false }]);
    expect(valuesOf('Injections are made from 1 to 4 millimeters into the skin.', 'en', 'needle')).toEqual([{ aspect: 'depth', min: 1, max: 4, unit: 'mm', approximate: false }]);
  });

  it('reads a gauge', () => {
    expect(valuesOf('Usiamo aghi da 4 mm, calibro 27.', 'it', 'needle')).toContainEqual({ aspect: 'gauge', min: 27, max: 27, unit: 'G', approximate: false });
    expect(valuesOf('We use a 13 mm needle, 30G.', 'en', 'needle')).toContainEqual({ aspect: 'gauge', min: 30, max: 30, unit: 'G', approximate: false });
  });
});

describe('sessions', () => {
  it('reads "3 -5 sedute a cadenza settimanale" as a count and a weekly frequency', () => {
    const claims = claimsOf('Mediamente si parla di 3 -5 sedute a cadenza settimanale.');
    expect(claims.filter((c) => c.kind === 'sessions.count').map((c) => [c.value, c.text])).toEqual([[{ min: 3, max: 5, approximate: false }, '3 -5 sedute']]);
    expect(claims.filter((c) => c.kind === 'sessions.frequency').map((c) => c.value)).toEqual([{ interval: 'P1W', phase: 'initial' }]);
    expect(claims.every((c) => c.modifiers.hedged)).toBe(true);
  });

  it('reads ranges, bounds and number words', () => {
    expect(valuesOf('Le sedute, solitamente settimanali, sono in totale 4-5 sessioni.', 'it', 'sessions.count')).toEqual([{ min: 4, max: 5, approximate: false }]);
    expect(valuesOf('Servono dalle 8 alle 15 sedute.', 'it', 'sessions.count')).toEqual([{ min: 8, max: 15, approximate: false }]);
    expect(valuesOf('Consigliamo 10/12 sedute.', 'it', 'sessions.count')).toEqual([{ min: 10, max: 12, approximate: false }]);
    expect(valuesOf('Servono almeno 8 sedute.', 'it', 'sessions.count')).toEqual([{ min: 8, max: null, approximate: false }]);
    expect(valuesOf('A course is between 3 to 15 sessions.', 'en', 'sessions.count')).toEqual([{ min: 3, max: 15, approximate: false }]);
    expect(valuesOf('A typical course is six to eight sessions.', 'en', 'sessions.count')).toEqual([{ min: 6, max: 8, approximate: false }]);
  });

  it('tells a rate from a course and a price from a count', () => {
    expect(valuesOf('Nella fase acuta si fanno 2 sedute a settimana.', 'it', 'sessions.count')).toEqual([]);
    expect(valuesOf('Nella fase acuta si fanno 2 sedute a settimana.', 'it', 'sessions.frequency')).toEqual([{ interval: 'P0.5W', phase: 'initial' }]);
    expect(valuesOf('Il pacchetto da 10 sedute costa € 750.', 'it', 'sessions.count')).toEqual([]);
    expect(valuesOf('Una seduta dura circa 20 minuti.', 'it', 'sessions.count')).toEqual([]);
    expect(valuesOf('A volte basta una sola seduta.', 'it', 'sessions.count')).toEqual([{ min: 1, max: 1, approximate: false }]);
  });

  it('does not take a point in the course for its length ("dopo 3 sedute", "after three sessions")', () => {
    expect(valuesOf('Dopo 3 sedute si vedono i primi risultati.', 'it', 'sessions.count')).toEqual([]);
    expect(valuesOf('After three sessions I could play again.', 'en', 'sessions.count')).toEqual([]);
    expect(valuesOf('Después de tres sesiones volví a jugar.', 'es', 'sessions.count')).toEqual([]);
    expect(valuesOf('Il ciclo prevede 6 sedute.', 'it', 'sessions.count')).toEqual([{ min: 6, max: 6, approximate: false }]);
  });

  it('reads intervals and maintenance', () => {
    expect(valuesOf('Le sedute si ripetono ogni 15 giorni.', 'it', 'sessions.frequency')).toEqual([{ interval: 'P15D', phase: 'initial' }]);
    expect(valuesOf('Sessions are repeated every 7 to 10 days.', 'en', 'sessions.frequency')).toEqual([{ interval: 'P1W', intervalMax: 'P10D', phase: 'initial' }]);
    expect(valuesOf('Then a monthly maintenance session is advised.', 'en', 'sessions.frequency')).toEqual([{ interval: 'P1M', phase: 'maintenance' }]);
  });
});

describe('contraindications', () => {
  it('splits a coordinated list into one claim per condition, with strength', () => {
    const claims = claimsOf(
      'Finally, mesotherapy is absolutely contraindicated if you have leukemia, diabetes, blood infections, HIV / AIDS, heart disease or if you have been treated in the past with chemotherapy or radiotherapy.',
      'en',
    ).filter((c) => c.kind === 'contraindication');
    expect(claims.map((c) => [(c.value as { condition: string }).condition, c.text])).toEqual([
      ['leukemia', 'leukemia'],
      ['diabetes', 'diabetes'],
      ['blood-infection', 'blood infections'],
      ['hiv-aids', 'HIV / AIDS'],
      ['heart-disease', 'heart disease'],
      ['prior-chemotherapy', 'chemotherapy'],
      ['prior-radiotherapy', 'radiotherapy'],
    ]);
    expect(claims.every((c) => (c.value as { strength: string }).strength === 'absolute')).toBe(true);
  });

  it('reads "sconsigliata" and "controindicazioni relative" as relative', () => {
    expect(valuesOf('La tecnica è sconsigliata alle donne in gravidanza e in allattamento.', 'it', 'contraindication')).toEqual([
      { condition: 'pregnancy', strength: 'relative' },
      { condition: 'breastfeeding', strength: 'relative' },
    ]);
    expect(valuesOf('Controindicazioni relative riguardano i pazienti che assumono antiaggreganti o anticoagulanti.', 'it', 'contraindication')).toEqual([
      { condition: 'antiplatelet-therapy', strength: 'relative' },
      { condition: 'anticoagulant-therapy', strength: 'relative' },
    ]);
  });

  it('reads exceptions as contraindications and keeps advice and mere mentions apart', () => {
    expect(valuesOf('Il trattamento può essere eseguito su tutti al di fuori di gravidanza ed allattamento.', 'it', 'contraindication')).toEqual([
      { condition: 'pregnancy', strength: 'unspecified' },
      { condition: 'breastfeeding', strength: 'unspecified' },
    ]);
    expect(valuesOf('It is suitable for everyone except pregnant women.', 'en', 'contraindication')).toEqual([{ condition: 'pregnancy', strength: 'unspecified' }]);
    expect(valuesOf('Segnalate al medico eventuali allergie ai farmaci.', 'it', 'contraindication')).toEqual([]);
    expect(valuesOf('If you take aspirin, stop it 2–3 days before the session to avoid bruising.', 'en', 'contraindication')).toEqual([]);
  });

  it('reads list items under a contraindications lead-in', () => {
    expect(valuesOf('Controindicazioni:\n\n- gravidanza\n- diabete\n', 'it', 'contraindication')).toEqual([
      { condition: 'pregnancy', strength: 'unspecified' },
      { condition: 'diabetes', strength: 'unspecified' },
    ]);
  });

  it('reads "there are no contraindications" as a safety claim, not a contraindication', () => {
    const claims = claimsOf('There are no real contraindications to this treatment.', 'en');
    expect(claims.filter((c) => c.kind === 'contraindication')).toEqual([]);
    expect(claims.filter((c) => c.kind === 'safety').map((c) => c.value)).toEqual([{ assertion: 'no-contraindications' }]);
  });
});

describe('context: negation, hedging, assertions', () => {
  it('reads "non ha effetti collaterali importanti" as no-serious-side-effects, not an adverse effect', () => {
    const claims = claimsOf('La mesoterapia inizia ad agire dalle prime sedute e non ha effetti collaterali importanti.');
    expect(claims.filter((c) => c.kind === 'safety').map((c) => [c.value, c.text])).toEqual([[{ assertion: 'no-serious-side-effects' }, 'non ha effetti collaterali importanti']]);
    expect(claims.filter((c) => c.kind === 'efficacy').map((c) => c.value)).toEqual([{ assertion: 'fast-onset' }]);
  });

  it('reads a denial after what it denies: "Effetti collaterali gravi non ne abbiamo mai visti"', () => {
    const claims = claimsOf('**È sicura?** Sì. Effetti collaterali gravi non ne abbiamo mai visti, in dodici anni di attività.');
    expect(claims.filter((c) => c.kind === 'safety').map((c) => [c.value, c.text])).toEqual([
      [{ assertion: 'safe' }, 'Sì'],
      [{ assertion: 'no-serious-side-effects' }, 'Effetti collaterali gravi non ne abbiamo mai visti'],
    ]);
    expect(claims.filter((c) => c.kind === 'adverse-effect')).toEqual([]);
  });

  it('reads rare and reduced side effects', () => {
    expect(valuesOf('Consente un rilascio prolungato del farmaco, con rari effetti collaterali.', 'it', 'safety')).toEqual([{ assertion: 'rare-side-effects' }]);
    expect(valuesOf('Questo approccio consente di limitare gli effetti collaterali.', 'it', 'safety')).toEqual([{ assertion: 'reduced-side-effects' }]);
  });

  it('does not take a negated effect for an adverse effect ("senza lividi", "no pain")', () => {
    expect(valuesOf('Il trattamento si svolge senza lividi.', 'it', 'adverse-effect')).toEqual([]);
    const en = claimsOf('No side effects and no pain!', 'en');
    expect(en.filter((c) => c.kind === 'adverse-effect')).toEqual([]);
    expect(en.filter((c) => c.kind === 'safety').map((c) => c.value)).toEqual([{ assertion: 'no-side-effects' }, { assertion: 'painless' }]);
  });

  it('keeps "no lack of side effects" from being read as a denial', () => {
    expect(valuesOf('Although it is considered safe, there is no lack of possible side effects.', 'en', 'safety')).not.toContainEqual({ assertion: 'no-side-effects' });
  });

  it('reads detox and immune-stimulation claims', () => {
    expect(valuesOf('I farmaci e le sostanze utilizzate eliminano le scorie e le tossine.', 'it', 'efficacy')).toEqual([{ assertion: 'detox' }]);
    expect(valuesOf("La mesoterapia si pone l'obiettivo di disintossicare l'organismo.", 'it', 'efficacy')).toEqual([{ assertion: 'detox' }]);
    expect(valuesOf('Stimolazione immunologica: induce una risposta immunitaria.', 'it', 'efficacy')).toEqual([{ assertion: 'immune-stimulation' }]);
  });

  it('marks hedged and hypothetical claims', () => {
    const [c] = claimsOf('If you take anticoagulants, mesotherapy is contraindicated.', 'en').filter((x) => x.kind === 'contraindication');
    expect(c.modifiers.hypothetical).toBe(true);
    const [h] = claimsOf('Le sedute sono solitamente settimanali.').filter((x) => x.kind === 'sessions.frequency');
    expect(h.modifiers.hedged).toBe(true);
  });
});

describe('page noise and repetition', () => {
  it('finds no claims in a share counter, phone numbers, dates and addresses', () => {
    const text = '0 3.797\n\nTel. 0331/02.83.38\n\nIl webinar si terrà sabato 30/05/2020 dalle ore 14:00 alle ore 15:00.\n\nVia San Domenico 1 – 20025 Legnano (Mi)\n';
    expect(claimsOf(text)).toEqual([]);
  });

  it('yields the claims of a paragraph scraped twice once, with both places', () => {
    const p = 'Le sedute di mesoterapia, solitamente settimanali, vengono eseguite per un totale di 4-5 sessioni.';
    const text = `${p}\n\nAltro testo.\n\n${p}\n`;
    const counts = claimsOf(text).filter((c) => c.kind === 'sessions.count');
    expect(counts).toHaveLength(1);
    expect(counts[0].occurrences).toHaveLength(1);
    expect(counts[0].occurrences![0].start.line).toBe(5);
  });

  it('reads nothing from questions or URLs', () => {
    expect(claimsOf('Esistono controindicazioni in gravidanza?')).toEqual([]);
    expect(claimsOf('Leggi anche: https://www.example.it/blog/ematoma-dopo-mesoterapia', 'it')).toEqual([]);
  });
});

describe('pages saved with raw HTML', () => {
  it('reads the text of HTML blocks, decodes character references in place, and skips scripts and comments', () => {
    const html = '<div><p>Usiamo aghi di circa 4&nbsp;mm, perch&egrave; sono sottili.</p>\n<script>var x = "aghi da 6 mm";</script>\n<!-- aghi da 9 mm -->\n<p>La tecnica &egrave; sconsigliata in gravidanza.</p></div>\n';
    const claims = claimsOf(html);
    expect(claims.map((c) => [c.kind, c.text])).toEqual([
      ['needle', 'circa 4&nbsp;mm'],
      ['contraindication', 'gravidanza'],
    ]);
  });
});
