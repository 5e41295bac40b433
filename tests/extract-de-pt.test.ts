import { describe, expect, it } from 'vitest';
import { claimsOf, conditionsOf, getEngine, valuesOf } from './helpers/engine.js';
import { detectLanguage } from '../src/vocab/load.js';

/**
 * German and Portuguese (Brazilian and European) are read through data alone:
 * vocab/de.yaml, vocab/pt.yaml and the reference's de/pt terms. The sentences are
 * written for these tests, in the style of clinic pages.
 */
const mm = (aspect: string, min: number | null, max: number | null, approximate = false) => ({ aspect, min, max, unit: 'mm', approximate });
const count = (min: number | null, max: number | null, approximate = false) => ({ min, max, approximate });
const kinds = (text: string, language: string, kind: string) =>
  claimsOf(text, language)
    .filter((c) => c.kind === kind)
    .map((c) => c.value);

describe('German', () => {
  it('reads needle lengths, compounds, gauges and depths', () => {
    expect(valuesOf('Wir verwenden sehr feine Nadeln mit einer Länge von 4 mm.', 'de', 'needle')).toEqual([mm('length', 4, 4)]);
    expect(valuesOf('Die Wirkstoffe werden mit einer 13-mm-Nadel (30 Gauge) injiziert.', 'de', 'needle')).toEqual([
      mm('length', 13, 13),
      { aspect: 'gauge', min: 30, max: 30, unit: 'G', approximate: false },
    ]);
    expect(valuesOf('Die Nadel dringt höchstens 4 mm tief in die Haut ein.', 'de', 'needle')).toEqual([mm('depth', null, 4)]);
    expect(valuesOf('Die Injektionen erfolgen in ca. 2–4 mm Tiefe.', 'de', 'needle')).toEqual([mm('depth', 2, 4, true)]);
    // A thickness is neither a length nor a depth.
    expect(valuesOf('Die Nadeln sind 0,3 mm dick und 4 mm lang.', 'de', 'needle')).toEqual([mm('length', 4, 4)]);
  });

  it('reads session counts: number words, ranges, bounds, compounds and "eine einzige"', () => {
    expect(valuesOf('Wir empfehlen zwischen sechs und zehn Sitzungen.', 'de', 'sessions.count')).toEqual([count(6, 10)]);
    const hedged = claimsOf('Meist sind 4–6 Mesotherapie-Sitzungen nötig.', 'de').filter((c) => c.kind === 'sessions.count');
    expect(hedged.map((c) => c.value)).toEqual([count(4, 6)]);
    expect(hedged[0].modifiers.hedged).toBe(true);
    expect(valuesOf('Es sind mindestens 8 Behandlungen erforderlich.', 'de', 'sessions.count')).toEqual([count(8, null)]);
    expect(valuesOf('Eine Kur umfasst ein bis zwei Behandlungssitzungen pro Monat über ein halbes Jahr, insgesamt etwa zehn Sitzungen.', 'de', 'sessions.count')).toEqual([
      count(10, 10, true),
    ]);
    expect(valuesOf('Oft genügt eine einzige Sitzung.', 'de', 'sessions.count')).toEqual([count(1, 1)]);
  });

  it('does not read minutes, prices, articles or elapsed sessions as a course', () => {
    expect(valuesOf('Eine Sitzung dauert etwa 30 Minuten.', 'de', 'sessions.count')).toEqual([]);
    expect(valuesOf('Rechnen Sie mit 30 Minuten pro Sitzung.', 'de', 'sessions.count')).toEqual([]);
    expect(valuesOf('Das Paket mit 6 Sitzungen kostet 450 €.', 'de', 'sessions.count')).toEqual([]);
    expect(valuesOf('Preis: 5 Sitzungen für 400 Euro.', 'de', 'sessions.count')).toEqual([]);
    expect(valuesOf('Nach 3 Sitzungen sind erste Ergebnisse sichtbar.', 'de', 'sessions.count')).toEqual([]);
    // "Eine Sitzung pro Woche" is a rate, not a course of one session.
    expect(claimsOf('Eine Sitzung pro Woche reicht aus.', 'de').map((c) => [c.kind, c.value])).toEqual([['sessions.frequency', { interval: 'P1W', phase: 'initial' }]]);
  });

  it('reads frequencies: weekly, intervals in days and weeks, rates and maintenance', () => {
    expect(valuesOf('Die Sitzungen finden einmal wöchentlich statt.', 'de', 'sessions.frequency')).toEqual([{ interval: 'P1W', phase: 'initial' }]);
    expect(valuesOf('Die Sitzungen erfolgen im Abstand von 10 bis 14 Tagen.', 'de', 'sessions.frequency')).toEqual([{ interval: 'P10D', intervalMax: 'P2W', phase: 'initial' }]);
    expect(valuesOf('Die Behandlung wird 1-2 mal pro Woche durchgeführt.', 'de', 'sessions.frequency')).toEqual([{ interval: 'P0.5W', intervalMax: 'P1W', phase: 'initial' }]);
    expect(valuesOf('Behandelt wird im 14-tägigen Rhythmus.', 'de', 'sessions.frequency')).toEqual([{ interval: 'P2W', phase: 'initial' }]);
    expect(valuesOf('Anfangs behandeln wir zweimal pro Woche. Zur Erhaltung genügt dann eine Sitzung alle vier Wochen.', 'de', 'sessions.frequency')).toEqual([
      { interval: 'P0.5W', phase: 'initial' },
      { interval: 'P4W', phase: 'maintenance' },
    ]);
  });

  it('reads contraindications from cues, lead-ins and exceptions', () => {
    expect(valuesOf('Die Mesotherapie darf in der Schwangerschaft und Stillzeit nicht angewendet werden.', 'de', 'contraindication')).toEqual([
      { condition: 'pregnancy', strength: 'unspecified' },
      { condition: 'breastfeeding', strength: 'unspecified' },
    ]);
    expect(valuesOf('Nicht geeignet ist die Behandlung für Patienten mit Gerinnungsstörungen oder unter Marcumar.', 'de', 'contraindication')).toEqual([
      { condition: 'coagulation-disorder', strength: 'unspecified' },
      { condition: 'anticoagulant-therapy', strength: 'unspecified' },
    ]);
    expect(valuesOf('Bei Krebserkrankungen ist die Mesotherapie kontraindiziert.', 'de', 'contraindication')).toEqual([{ condition: 'cancer', strength: 'unspecified' }]);
    expect(valuesOf('Gegenanzeigen:\n\n- Diabetes\n- Herzerkrankungen\n- Autoimmunerkrankungen', 'de', 'contraindication').map((v) => (v as { condition: string }).condition)).toEqual([
      'diabetes',
      'heart-disease',
      'autoimmune-disease',
    ]);
    const exception = claimsOf('Die Mesotherapie ist für jeden geeignet, ausgenommen Schwangere.', 'de').filter((c) => c.kind === 'contraindication');
    expect(exception.map((c) => c.value)).toEqual([{ condition: 'pregnancy', strength: 'unspecified' }]);
    expect(exception[0].modifiers.exception).toBe(true);
    const hypothetical = claimsOf('Sollten Sie schwanger sein, ist die Behandlung nicht möglich.', 'de').filter((c) => c.kind === 'contraindication');
    expect(hypothetical.map((c) => c.value)).toEqual([{ condition: 'pregnancy', strength: 'unspecified' }]);
    expect(hypothetical[0].modifiers.hypothetical).toBe(true);
  });

  it('tells pre-treatment advice from a contraindication', () => {
    expect(valuesOf('Blutverdünner wie Aspirin sollten 5 Tage vorher abgesetzt werden.', 'de', 'contraindication')).toEqual([]);
    expect(valuesOf('Informieren Sie uns, wenn Sie Blutverdünner einnehmen.', 'de', 'contraindication')).toEqual([]);
  });

  it('reads adverse effects, with hedges and rarity, and not negated ones', () => {
    const effects = claimsOf('Es können leichte Rötungen, Schwellungen und kleine blaue Flecken auftreten.', 'de').filter((c) => c.kind === 'adverse-effect');
    expect(effects.map((c) => (c.value as { effect: string }).effect)).toEqual(['erythema', 'swelling', 'bruising']);
    expect(effects.every((c) => c.modifiers.hedged)).toBe(true);
    expect(valuesOf('In seltenen Fällen kommt es zu Hämatomen oder Juckreiz.', 'de', 'adverse-effect')).toEqual([
      { effect: 'hematoma', frequency: 'rare' },
      { effect: 'itching', frequency: 'rare' },
    ]);
    expect(valuesOf('Es treten keine Schwellungen auf.', 'de', 'adverse-effect')).toEqual([]);
    // "Keine Sorge" does not negate the bruises.
    expect(valuesOf('Keine Sorge, kleine blaue Flecken verschwinden nach wenigen Tagen.', 'de', 'adverse-effect')).toEqual([{ effect: 'bruising', severity: 'mild' }]);
    // "lediglich" ends the scope of "keine".
    const mixed = claimsOf('Die Behandlung verursacht keine Nebenwirkungen, lediglich leichte Rötungen.', 'de');
    expect(mixed.map((c) => [c.kind, c.value])).toEqual([
      ['safety', { assertion: 'no-side-effects' }],
      ['adverse-effect', { effect: 'erythema', severity: 'mild' }],
    ]);
  });

  it('reads safety assertions', () => {
    expect(kinds('Die Behandlung ist nahezu schmerzfrei und tut nicht weh.', 'de', 'safety')).toEqual([{ assertion: 'painless' }]);
    expect(kinds('Es gibt keine schweren Nebenwirkungen.', 'de', 'safety')).toEqual([{ assertion: 'no-serious-side-effects' }]);
    expect(kinds('Schwerwiegende Nebenwirkungen sind nicht bekannt.', 'de', 'safety')).toEqual([{ assertion: 'no-serious-side-effects' }]);
    expect(kinds('Nebenwirkungen sind selten.', 'de', 'safety')).toEqual([{ assertion: 'rare-side-effects' }]);
    expect(kinds('Es gibt keine Gegenanzeigen.', 'de', 'safety')).toEqual([{ assertion: 'no-contraindications' }]);
    expect(kinds('Die Mesotherapie ist eine absolut sichere Methode.', 'de', 'safety')).toEqual([{ assertion: 'safe' }]);
  });

  it('reads efficacy assertions, and not negated ones', () => {
    expect(kinds('Die Mesotherapie entgiftet und entschlackt den Körper.', 'de', 'efficacy')).toEqual([{ assertion: 'detox' }]);
    expect(kinds('Zudem stärkt sie das Immunsystem.', 'de', 'efficacy')).toEqual([{ assertion: 'immune-stimulation' }]);
    expect(kinds('Das Fett wird dauerhaft aufgelöst.', 'de', 'efficacy')).toEqual([{ assertion: 'fat-removal' }, { assertion: 'permanent-results' }]);
    expect(kinds('Die Cellulite verschwindet nach wenigen Sitzungen.', 'de', 'efficacy')).toEqual([{ assertion: 'cellulite-removal' }]);
    expect(kinds('Die Ergebnisse sind sofort sichtbar.', 'de', 'efficacy')).toEqual([{ assertion: 'fast-onset' }]);
    expect(kinds('Wir garantieren Ihnen ein sichtbares Ergebnis.', 'de', 'efficacy')).toEqual([{ assertion: 'guaranteed' }]);
    expect(kinds('Die Ergebnisse sind nicht sofort sichtbar.', 'de', 'efficacy')).toEqual([]);
  });
});

describe('Portuguese', () => {
  it('reads needle lengths, gauges and depths', () => {
    expect(valuesOf('Utilizamos agulhas de 4 mm de comprimento.', 'pt', 'needle')).toEqual([mm('length', 4, 4)]);
    expect(valuesOf('A aplicação é feita com agulha de 13 mm e calibre 30G.', 'pt', 'needle')).toEqual([
      mm('length', 13, 13),
      { aspect: 'gauge', min: 30, max: 30, unit: 'G', approximate: false },
    ]);
    expect(valuesOf('O produto é injetado a uma profundidade de 2 a 4 mm.', 'pt', 'needle')).toEqual([mm('depth', 2, 4)]);
    expect(valuesOf('A agulha penetra no máximo 4 mm na pele.', 'pt', 'needle')).toEqual([mm('depth', null, 4)]);
    expect(valuesOf('As agulhas têm 0,3 mm de diâmetro e 4 mm de comprimento.', 'pt', 'needle')).toEqual([mm('length', 4, 4)]);
  });

  it('reads session counts: number words, ranges, bounds, "aplicações" and "uma única"', () => {
    expect(valuesOf('São necessárias de 8 a 10 sessões.', 'pt', 'sessions.count')).toEqual([count(8, 10)]);
    expect(valuesOf('O tratamento completo tem entre quatro e seis sessões.', 'pt', 'sessions.count')).toEqual([count(4, 6)]);
    expect(valuesOf('Recomendamos no mínimo 6 sessões.', 'pt', 'sessions.count')).toEqual([count(6, null)]);
    expect(valuesOf('Em geral bastam cerca de 10 aplicações.', 'pt', 'sessions.count')).toEqual([count(10, 10, true)]);
    expect(valuesOf('Uma única sessão pode ser suficiente.', 'pt', 'sessions.count')).toEqual([count(1, 1)]);
  });

  it('does not read minutes, prices, articles or elapsed sessions as a course', () => {
    expect(valuesOf('Cada sessão dura cerca de 30 minutos.', 'pt', 'sessions.count')).toEqual([]);
    expect(valuesOf('O procedimento leva 30 minutos por sessão.', 'pt', 'sessions.count')).toEqual([]);
    expect(valuesOf('Pacote com 10 sessões por R$ 900.', 'pt', 'sessions.count')).toEqual([]);
    expect(valuesOf('Promoção: 5 sessões por 300 euros.', 'pt', 'sessions.count')).toEqual([]);
    expect(valuesOf('Após 3 sessões já é possível notar resultados.', 'pt', 'sessions.count')).toEqual([]);
    expect(claimsOf('Uma sessão por semana é suficiente.', 'pt').map((c) => [c.kind, c.value])).toEqual([['sessions.frequency', { interval: 'P1W', phase: 'initial' }]]);
  });

  it('reads frequencies: weekly, "a cada", "de 15 em 15 dias", "quinzenal", rates and maintenance', () => {
    expect(valuesOf('As sessões são semanais.', 'pt', 'sessions.frequency')).toEqual([{ interval: 'P1W', phase: 'initial' }]);
    expect(valuesOf('As aplicações são realizadas a cada 7 a 10 dias.', 'pt', 'sessions.frequency')).toEqual([{ interval: 'P1W', intervalMax: 'P10D', phase: 'initial' }]);
    expect(valuesOf('As sessões acontecem de 15 em 15 dias.', 'pt', 'sessions.frequency')).toEqual([{ interval: 'P15D', phase: 'initial' }]);
    // "Quinzenal": every fifteen days, as written (a "quinzena"), as the pt and fresh15 gold sets' annotators read it.
    expect(valuesOf('As sessões são quinzenais.', 'pt', 'sessions.frequency')).toEqual([{ interval: 'P15D', phase: 'initial' }]);
    expect(valuesOf('No início, duas vezes por semana; depois, uma sessão de manutenção por mês.', 'pt', 'sessions.frequency')).toEqual([
      { interval: 'P0.5W', phase: 'initial' },
      { interval: 'P1M', phase: 'maintenance' },
    ]);
    expect(valuesOf('Fazemos as sessões com intervalo de uma semana.', 'pt', 'sessions.frequency')).toEqual([{ interval: 'P1W', phase: 'initial' }]);
  });

  it('reads contraindications from cues, lead-ins, refusals and exceptions', () => {
    expect(valuesOf('A mesoterapia é contraindicada na gravidez e na amamentação.', 'pt', 'contraindication')).toEqual([
      { condition: 'pregnancy', strength: 'unspecified' },
      { condition: 'breastfeeding', strength: 'unspecified' },
    ]);
    expect(valuesOf('O tratamento não é indicado para pessoas com diabetes ou doenças cardíacas.', 'pt', 'contraindication')).toEqual([
      { condition: 'diabetes', strength: 'unspecified' },
      { condition: 'heart-disease', strength: 'unspecified' },
    ]);
    expect(valuesOf('Não realizamos o procedimento em grávidas.', 'pt', 'contraindication')).toEqual([{ condition: 'pregnancy', strength: 'unspecified' }]);
    expect(valuesOf('## Quem não pode fazer?\n\n- Pessoas com distúrbios de coagulação\n- Quem usa anticoagulantes\n- Pacientes com câncer', 'pt', 'contraindication').map((v) => (v as { condition: string }).condition)).toEqual([
      'coagulation-disorder',
      'anticoagulant-therapy',
      'cancer',
    ]);
    const exception = claimsOf('A mesoterapia pode ser feita por todos, exceto gestantes.', 'pt').filter((c) => c.kind === 'contraindication');
    expect(exception.map((c) => c.value)).toEqual([{ condition: 'pregnancy', strength: 'unspecified' }]);
    expect(exception[0].modifiers.exception).toBe(true);
    // European Portuguese spelling and the older "contra-indicações".
    expect(valuesOf('Contra-indicações: gravidez, aleitamento, doenças auto-imunes.', 'pt', 'contraindication').map((v) => (v as { condition: string }).condition)).toEqual([
      'pregnancy',
      'breastfeeding',
      'autoimmune-disease',
    ]);
  });

  it('tells pre-treatment advice from a contraindication', () => {
    expect(valuesOf('Quem toma anticoagulantes deve suspender o medicamento 5 dias antes.', 'pt', 'contraindication')).toEqual([]);
    expect(valuesOf('Se estiver grávida ou amamentando, informe o médico.', 'pt', 'contraindication')).toEqual([]);
  });

  it('reads adverse effects (Brazilian and European words), and not negated ones', () => {
    const effects = claimsOf('Podem surgir pequenos hematomas, vermelhidão e inchaço no local.', 'pt').filter((c) => c.kind === 'adverse-effect');
    expect(effects.map((c) => (c.value as { effect: string }).effect)).toEqual(['hematoma', 'erythema', 'swelling']);
    expect(effects.every((c) => c.modifiers.hedged)).toBe(true);
    expect(valuesOf('Raramente ocorrem roxos, coceira ou ardência.', 'pt', 'adverse-effect').map((v) => (v as { effect: string }).effect)).toEqual(['bruising', 'itching', 'burning']);
    expect(valuesOf('Podem surgir nódoas negras e comichão, e a infeção no local é rara.', 'pt', 'adverse-effect').map((v) => (v as { effect: string }).effect)).toEqual([
      'bruising',
      'itching',
      'infection',
    ]);
    expect(valuesOf('A mesoterapia não deixa cicatrizes.', 'pt', 'adverse-effect')).toEqual([]);
    const mixed = claimsOf('Sem efeitos colaterais, apenas uma leve vermelhidão.', 'pt');
    expect(mixed.map((c) => [c.kind, c.value])).toEqual([
      ['safety', { assertion: 'no-side-effects' }],
      ['adverse-effect', { effect: 'erythema', severity: 'mild' }],
    ]);
  });

  it('reads safety assertions', () => {
    expect(kinds('A mesoterapia é indolor e não tem efeitos colaterais.', 'pt', 'safety')).toEqual([{ assertion: 'painless' }, { assertion: 'no-side-effects' }]);
    expect(kinds('A aplicação não dói.', 'pt', 'safety')).toEqual([{ assertion: 'painless' }]);
    expect(kinds('Não há efeitos secundários graves.', 'pt', 'safety')).toEqual([{ assertion: 'no-serious-side-effects' }]);
    expect(kinds('Os efeitos colaterais são raros.', 'pt', 'safety')).toEqual([{ assertion: 'rare-side-effects' }]);
    expect(kinds('Não existem contraindicações.', 'pt', 'safety')).toEqual([{ assertion: 'no-contraindications' }]);
    expect(kinds('É um procedimento totalmente seguro e sem riscos.', 'pt', 'safety')).toEqual([{ assertion: 'safe' }]);
  });

  it('reads efficacy assertions, and not negated ones', () => {
    expect(kinds('A mesoterapia desintoxica o organismo.', 'pt', 'efficacy')).toEqual([{ assertion: 'detox' }]);
    expect(kinds('O tratamento fortalece o sistema imunológico.', 'pt', 'efficacy')).toEqual([{ assertion: 'immune-stimulation' }]);
    expect(kinds('A mesoterapia elimina a gordura de forma definitiva.', 'pt', 'efficacy')).toEqual([{ assertion: 'fat-removal' }, { assertion: 'permanent-results' }]);
    expect(kinds('O tratamento acaba com a celulite.', 'pt', 'efficacy')).toEqual([{ assertion: 'cellulite-removal' }]);
    expect(kinds('Os resultados são imediatos e garantidos.', 'pt', 'efficacy')).toEqual([{ assertion: 'fast-onset' }, { assertion: 'guaranteed' }]);
    expect(kinds('Resultados garantidos desde a primeira sessão!', 'pt', 'efficacy')).toEqual([{ assertion: 'guaranteed' }, { assertion: 'fast-onset' }]);
    expect(kinds('Os resultados não são imediatos.', 'pt', 'efficacy')).toEqual([]);
  });
});

describe('German and Portuguese: cue phrases, word order and synonyms found on the dev sets', () => {
  const effects = (text: string, language: string) => valuesOf(text, language, 'adverse-effect').map((v) => (v as { effect: string }).effect);

  it('German: refusals with the verb first, "Bluterguss" as haematoma, inflected and compound terms', () => {
    expect(conditionsOf('Wir behandeln nicht in der Schwangerschaft und bei Autoimmunerkrankungen.', 'de')).toEqual(['pregnancy', 'autoimmune-disease']);
    expect(conditionsOf('In der Stillzeit behandle ich nicht.', 'de')).toEqual(['breastfeeding']);
    expect(conditionsOf('Nicht behandelt wird bei einer bekannten Lidocain-Allergie.', 'de')).toEqual(['drug-allergy']);
    expect(conditionsOf('Schwangere dürfen auf keinen Fall behandelt werden.', 'de')).toEqual(['pregnancy']);
    expect(conditionsOf('Nicht geeignet ist die Behandlung bei nicht eingestelltem Diabetes.', 'de')).toEqual(['diabetes']);
    expect(valuesOf('Bei Fettpolstern wird ins Fettgewebe injiziert, etwa 6 mm.', 'de', 'needle')).toEqual([mm('depth', 6, 6, true)]);
    expect(effects('Es können kleine Blutergüsse entstehen.', 'de')).toEqual(['hematoma']);
    expect(effects('Danach hat es kurz nachgeblutet.', 'de')).toEqual(['bleeding']);
    expect(effects('Man spürt nur einen kleinen Pieks.', 'de')).toEqual([]);
    expect(kinds('Viele berichten von einer sofortigen Besserung.', 'de', 'efficacy')).toEqual([{ assertion: 'fast-onset' }]);
  });

  it('German: a negation after the verb, with adverbials between', () => {
    expect(kinds('Schwere Nebenwirkungen sind bei korrekter Technik nicht zu erwarten.', 'de', 'safety')).toEqual([{ assertion: 'no-serious-side-effects' }]);
    expect(kinds('Kontraindikationen gibt es so gut wie keine.', 'de', 'safety')).toEqual([{ assertion: 'no-contraindications' }]);
    expect(kinds('Die Behandlung entfernt Cellulite nicht.', 'de', 'efficacy')).toEqual([]);
    expect(kinds('Die Wirkung ist in keinem Fall dauerhaft.', 'de', 'efficacy')).toEqual([]);
    expect(kinds('Dass Fett dauerhaft abgebaut wird, ist nicht belegt.', 'de', 'efficacy')).toEqual([]);
  });

  it('German: "pro Monat" after a length is not a frequency; "angeboten" is not a price', () => {
    expect(valuesOf('Die Haare wachsen etwa 1 cm pro Monat.', 'de', 'sessions.frequency')).toEqual([]);
    expect(valuesOf('Zur Erhaltung genügt danach eine Behandlung pro Monat.', 'de', 'sessions.frequency')).toEqual([{ interval: 'P1M', phase: 'maintenance' }]);
    expect(valuesOf('Die Ärztin hat mir Mesotherapie angeboten, sie meint, ich brauche 6 Sitzungen.', 'de', 'sessions.count')).toEqual([count(6, 6)]);
  });

  it('Portuguese: uncontrolled conditions, "nem quem", the treated site, "nunca mais que"', () => {
    expect(conditionsOf('Não aplicamos em pacientes com diabetes não controlada.', 'pt')).toEqual(['diabetes']);
    expect(conditionsOf('Grávidas não devem fazer o tratamento, nem quem tem leucemia.', 'pt')).toEqual(['pregnancy', 'leukemia']);
    expect(conditionsOf('Não tratamos pessoas com infecção no couro cabeludo.', 'pt')).toEqual(['skin-infection']);
    expect(valuesOf('A agulha penetra na pele, nunca mais que 4 mm.', 'pt', 'needle')).toEqual([mm('depth', null, 4)]);
    expect(valuesOf('Nos protocolos para gordura, a aplicação vai ao tecido adiposo, de 6 a 8 mm.', 'pt', 'needle')).toEqual([mm('depth', 6, 8)]);
    expect(valuesOf('Também oferecemos 2 sessões avulsas.', 'pt', 'sessions.count')).toEqual([]);
  });

  it('Portuguese: pain said colloquially, negated serious side effects, debunked efficacy', () => {
    expect(effects('Dói um pouco na hora da aplicação.', 'pt')).toEqual(['pain']);
    expect(kinds('Não tem efeitos colaterais graves.', 'pt', 'safety')).toEqual([{ assertion: 'no-serious-side-effects' }]);
    expect(kinds('Não existe qualquer prova de que o tratamento elimine toxinas.', 'pt', 'efficacy')).toEqual([]);
  });
});

describe('language detection of German and Portuguese pages', () => {
  const packs = () => getEngine().languages;
  it('detects a German page', () => {
    expect(
      detectLanguage(
        'Die Mesotherapie ist eine Behandlung, bei der kleine Mengen von Wirkstoffen mit sehr feinen Nadeln in die Haut eingebracht werden. Sie wird bei uns von einer Ärztin durchgeführt.',
        packs(),
      ),
    ).toBe('de');
  });

  it('detects a Brazilian and a European Portuguese page, and still tells Spanish from Portuguese', () => {
    expect(detectLanguage('A mesoterapia é um tratamento em que pequenas doses de medicamentos são aplicadas na pele com agulhas muito finas. Você pode voltar às suas atividades no mesmo dia.', packs())).toBe('pt');
    expect(detectLanguage('Na nossa clínica, o tratamento é feito por uma médica e não tem contraindicações para a maioria dos doentes; também pode ser feito no verão.', packs())).toBe('pt');
    expect(detectLanguage('La mesoterapia es una técnica que consiste en inyectar medicamentos en la piel con agujas finas para el dolor.', packs())).toBe('es');
    expect(detectLanguage('La mesoterapia è una tecnica che consiste nella somministrazione di farmaci con aghi sottili.', packs())).toBe('it');
  });
});
