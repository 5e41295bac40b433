/**
 * Corpus generator for benchmarks: N clinic-style mesotherapy pages in it/en/fr/es,
 * reproducible from a seed. Pages mix what the extractor reads (needle length and
 * depth, session counts, ranges and number words, frequencies, contraindication
 * lists, adverse effects, negations, hedges, safety and efficacy claims) with the
 * noise of real pages (breadcrumbs, cookie banners, share counters, phones,
 * prices, repeated paragraphs).
 *
 *   tsx bench/generate.ts --pages 1000 --seed 1 --out bench/corpus/1000
 */
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** mulberry32: a small, seeded PRNG (same seed → same corpus on every machine). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
const chance = (r: Rng, p: number): boolean => r() < p;
const some = <T>(r: Rng, xs: readonly T[], lo: number, hi: number): T[] => {
  const copy = [...xs];
  const n = Math.min(copy.length, int(r, lo, hi));
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(copy.splice(Math.floor(r() * copy.length), 1)[0]);
  return out;
};

interface Lang {
  code: 'it' | 'en' | 'fr' | 'es';
  words: string[]; // number words 0..10
  title: string[];
  publisher: string[];
  cities: string[];
  crumbs: string;
  cookie: string;
  share: (n: number) => string;
  phone: (r: Rng) => string;
  price: (n: number) => string;
  intro: string[];
  needle: Array<(mm: string) => string>;
  depth: Array<(mm: string) => string>;
  sessions: Array<(a: string, b: string) => string>;
  frequency: string[];
  maintenance: string[];
  ciLead: string;
  conditions: string[];
  ciNegated: string;
  effects: string[];
  effectLine: (list: string) => string;
  noEffects: string[];
  hedged: string[];
  safety: string[];
  efficacy: string[];
  filler: string[];
  headings: string[];
}

const LANGS: Lang[] = [
  {
    code: 'it',
    words: ['zero', 'una', 'due', 'tre', 'quattro', 'cinque', 'sei', 'sette', 'otto', 'nove', 'dieci'],
    title: ['Mesoterapia', 'Mesoterapia antalgica', 'Mesoterapia per la cellulite', 'Mesoterapia: cos’è e come funziona'],
    publisher: ['Centro Medico', 'Poliambulatorio', 'Studio Medico', 'Clinica Dermatologica', 'Centro Estetico'],
    cities: ['Milano', 'Roma', 'Torino', 'Bologna', 'Napoli', 'Firenze', 'Bari'],
    crumbs: 'Home > Trattamenti > Mesoterapia',
    cookie: 'Questo sito utilizza cookie tecnici e di profilazione. Continuando la navigazione accetti. [Accetta] [Rifiuta]',
    share: (n) => `Condividi · ${n} condivisioni · Mi piace`,
    phone: (r) => `Tel. 0${int(r, 2, 9)}${int(r, 1000000, 9999999)}`,
    price: (n) => `- Seduta di mesoterapia: ${n} €`,
    intro: [
      'La mesoterapia è una tecnica che consiste nell’iniezione intradermica di piccole quantità di farmaco nella zona da trattare.',
      'La mesoterapia nasce in Francia negli anni Cinquanta ed è oggi diffusa in molti paesi europei.',
      'Con la mesoterapia il farmaco viene somministrato localmente, con dosi ridotte rispetto alla via sistemica.',
    ],
    needle: [(mm) => `Si utilizzano aghi da ${mm} mm, molto sottili.`, (mm) => `Le iniezioni vengono eseguite con aghi lunghi ${mm} mm.`, (mm) => `L’ago utilizzato è di ${mm} mm.`],
    depth: [(mm) => `Il farmaco viene iniettato a una profondità di ${mm} mm.`, (mm) => `Le microiniezioni raggiungono una profondità di circa ${mm} mm.`],
    sessions: [(a, b) => `Sono necessarie da ${a} a ${b} sedute.`, (a, b) => `Mediamente si parla di ${a}-${b} sedute a cadenza settimanale.`, (a) => `Il ciclo prevede almeno ${a} sedute.`, (a) => `In genere bastano ${a} sedute.`],
    frequency: ['Le sedute sono solitamente settimanali.', 'Le sedute si eseguono una volta alla settimana.', 'Le sedute vengono ripetute ogni 15 giorni.'],
    maintenance: ['Segue una seduta di mantenimento ogni mese.', 'Il mantenimento prevede una seduta al mese.'],
    ciLead: 'La mesoterapia è controindicata in caso di:',
    conditions: ['gravidanza', 'allattamento', 'terapia anticoagulante', 'allergia ai farmaci', 'infezioni cutanee', 'diabete scompensato'],
    ciNegated: 'Non esistono vere controindicazioni al trattamento.',
    effects: ['piccoli ematomi', 'arrossamento', 'gonfiore', 'dolore nella sede di iniezione', 'prurito'],
    effectLine: (list) => `Dopo la seduta possono comparire ${list}, che scompaiono in pochi giorni.`,
    noEffects: ['La mesoterapia non ha effetti collaterali.', 'Il trattamento è del tutto privo di effetti collaterali.'],
    hedged: ['Forse la mesoterapia potrebbe aiutare a ridurre il dolore cronico.', 'Sembra che la mesoterapia possa migliorare la circolazione.'],
    safety: ['La mesoterapia è un trattamento sicuro e indolore.', 'Si tratta di una tecnica sicura al 100%.'],
    efficacy: ['La mesoterapia elimina le tossine e stimola il sistema immunitario.', 'La mesoterapia elimina definitivamente la cellulite.', 'Il trattamento è efficace contro il mal di schiena.'],
    filler: [
      'Il nostro staff è composto da medici esperti, sempre disponibili per una consulenza personalizzata.',
      'Prenota una visita: il medico valuterà il trattamento più adatto alle tue esigenze.',
      'Il centro è facilmente raggiungibile con i mezzi pubblici e dispone di un parcheggio convenzionato.',
    ],
    headings: ['## Come funziona', '## Quante sedute servono?', '## Controindicazioni', '## Effetti collaterali', '## Prezzi'],
  },
  {
    code: 'en',
    words: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
    title: ['Mesotherapy', 'Mesotherapy for pain', 'Mesotherapy for cellulite', 'What is mesotherapy?'],
    publisher: ['Body Clinic', 'Sports & Spine Centre', 'Medical Aesthetics', 'Med Spa', 'Hair & Skin Clinic'],
    cities: ['London', 'Manchester', 'Leeds', 'Bristol', 'Dublin', 'Glasgow'],
    crumbs: 'Home › Treatments › Mesotherapy',
    cookie: 'We use cookies to improve your experience. By continuing to browse you agree to our use of cookies. [Accept all] [Settings]',
    share: (n) => `Share · ${n} shares · Tweet`,
    phone: (r) => `Call 020 ${int(r, 1000, 9999)} ${int(r, 1000, 9999)}`,
    price: (n) => `- Mesotherapy session: £${n}`,
    intro: [
      'Mesotherapy is a technique in which small amounts of medicine are injected into the skin over the area to be treated.',
      'Mesotherapy was developed in France in 1952 and is now used in many countries.',
      'With mesotherapy the active ingredient is delivered locally, in smaller doses than by mouth.',
    ],
    needle: [(mm) => `We use very fine ${mm} mm needles.`, (mm) => `The injections are given with ${mm} mm needles.`, (mm) => `The needle used is ${mm} mm long.`],
    depth: [(mm) => `The medicine is injected at a depth of ${mm} mm.`, (mm) => `The micro-injections reach a depth of about ${mm} mm.`],
    sessions: [(a, b) => `Most patients need ${a} to ${b} sessions.`, (a, b) => `A course is usually ${a}-${b} sessions.`, (a) => `You will need at least ${a} sessions.`, (a) => `Usually ${a} sessions are enough.`],
    frequency: ['Sessions are usually weekly.', 'Sessions take place once a week.', 'Sessions are repeated every two weeks.'],
    maintenance: ['A maintenance session every month is then advised.', 'Maintenance is one session a month.'],
    ciLead: 'Mesotherapy is contraindicated in:',
    conditions: ['pregnancy', 'breastfeeding', 'anticoagulant therapy', 'drug allergy', 'skin infections', 'uncontrolled diabetes'],
    ciNegated: 'There are no real contraindications to this treatment.',
    effects: ['small bruises', 'redness', 'swelling', 'pain at the injection site', 'itching'],
    effectLine: (list) => `After a session you may notice ${list}, which fade within a few days.`,
    noEffects: ['Mesotherapy has no side effects.', 'No side effects and no pain!'],
    hedged: ['Mesotherapy may possibly help with chronic pain.', 'It seems that mesotherapy might improve circulation.'],
    safety: ['Mesotherapy is a safe and painless treatment.', 'The treatment is 100% safe.'],
    efficacy: ['Mesotherapy removes toxins and boosts the immune system.', 'Mesotherapy permanently eliminates cellulite.', 'The treatment is effective against back pain.'],
    filler: [
      'Our team of experienced doctors is always available for a personal consultation.',
      'Book an appointment: the doctor will recommend the treatment that suits you best.',
      'The clinic is close to the station and has free parking for patients.',
    ],
    headings: ['## How it works', '## How many sessions?', '## Contraindications', '## Side effects', '## Prices'],
  },
  {
    code: 'fr',
    words: ['zéro', 'une', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix'],
    title: ['Mésothérapie', 'Mésothérapie antalgique', 'Mésothérapie anti-cellulite', 'La mésothérapie, comment ça marche ?'],
    publisher: ['Cabinet Esthétique', 'Centre de Rhumatologie', 'Institut Silhouette', 'Clinique Esthétique', 'Centre Médical'],
    cities: ['Paris', 'Lyon', 'Bordeaux', 'Lille', 'Genève', 'Bruxelles'],
    crumbs: 'Accueil > Soins du corps > Mésothérapie',
    cookie: 'Ce site utilise des cookies pour mesurer l’audience. En poursuivant votre navigation, vous acceptez leur utilisation. [J’accepte] [Paramétrer]',
    share: (n) => `Partager · ${n} partages`,
    phone: (r) => `Tél. 01 ${int(r, 10, 99)} ${int(r, 10, 99)} ${int(r, 10, 99)} ${int(r, 10, 99)}`,
    price: (n) => `- Séance de mésothérapie : ${n} €`,
    intro: [
      'La mésothérapie consiste à injecter, à l’aide d’aiguilles très fines, de petites quantités de produits actifs dans le derme.',
      'La mésothérapie a été mise au point par le Dr Michel Pistor en 1952.',
      'La mésothérapie permet d’administrer le médicament au plus près de la zone douloureuse, à faibles doses.',
    ],
    needle: [(mm) => `Le médecin utilise des aiguilles de ${mm} mm.`, (mm) => `Les injections sont réalisées avec des aiguilles de ${mm} mm.`],
    depth: [(mm) => `Le produit est injecté à une profondeur de ${mm} mm.`, (mm) => `Les micro-injections atteignent une profondeur d’environ ${mm} mm.`],
    sessions: [(a, b) => `Le protocole comprend habituellement de ${a} à ${b} séances.`, (a, b) => `Il faut compter ${a} à ${b} séances.`, (a) => `Il faut au moins ${a} séances.`, (a) => `En général ${a} séances suffisent.`],
    frequency: ['Les séances sont hebdomadaires.', 'Les séances ont lieu une fois par semaine.', 'Des séances espacées de 15 jours laissent à la peau le temps de récupérer.'],
    maintenance: ['Un entretien tous les deux mois peut être proposé ensuite.', 'Une séance d’entretien par mois est conseillée.'],
    ciLead: 'La mésothérapie est contre-indiquée en cas de :',
    conditions: ['grossesse', 'allaitement', 'traitement anticoagulant', 'allergie aux médicaments', 'infection cutanée', 'diabète déséquilibré'],
    ciNegated: 'Il n’existe pas de véritable contre-indication à ce traitement.',
    effects: ['des bleus', 'des rougeurs', 'un gonflement', 'une douleur au point d’injection', 'des démangeaisons'],
    effectLine: (list) => `Après la séance peuvent apparaître ${list} ; ils disparaissent en quelques jours.`,
    noEffects: ['La mésothérapie n’a aucun effet secondaire.', 'Le traitement est sans effets secondaires.'],
    hedged: ['La mésothérapie pourrait peut-être soulager certaines douleurs chroniques.', 'Il semble que la mésothérapie puisse améliorer la circulation.'],
    safety: ['La mésothérapie est un traitement sûr et indolore.', 'Le traitement est sûr à 100 %.'],
    efficacy: ['La mésothérapie aide à drainer les toxines et stimule le système immunitaire.', 'La mésothérapie élimine définitivement la cellulite.', 'Le traitement est efficace contre le mal de dos.'],
    filler: [
      'Notre équipe de médecins expérimentés vous reçoit pour une consultation personnalisée.',
      'Prenez rendez-vous : le médecin vous proposera le soin le plus adapté.',
      'Le cabinet est situé à deux pas du métro, au deuxième étage avec ascenseur.',
    ],
    headings: ['## Déroulement de la séance', '## Combien de séances ?', '## Contre-indications', '## Effets secondaires', '## Tarifs'],
  },
  {
    code: 'es',
    words: ['cero', 'una', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez'],
    title: ['Mesoterapia', 'Mesoterapia para el dolor', 'Mesoterapia corporal anticelulítica', '¿Qué es la mesoterapia?'],
    publisher: ['Clínica Dermoestética', 'Centro Médico', 'Bella Figura', 'Institut Dermatològic', 'Clínica Integral'],
    cities: ['Madrid', 'Barcelona', 'Valencia', 'Sevilla', 'Salamanca', 'Ciudad de México'],
    crumbs: 'Inicio > Tratamientos > Mesoterapia',
    cookie: 'Utilizamos cookies propias y de terceros. Si continúa navegando, acepta su uso. [Aceptar] [Configurar]',
    share: (n) => `Compartir · ${n} veces compartido`,
    phone: (r) => `Tel. 9${int(r, 10, 99)} ${int(r, 100, 999)} ${int(r, 100, 999)}`,
    price: (n) => `- Sesión de mesoterapia: ${n} €`,
    intro: [
      'La mesoterapia consiste en la inyección intradérmica de pequeñas cantidades de medicamento en la zona a tratar.',
      'La mesoterapia fue desarrollada en Francia en 1952 y hoy se utiliza en muchos países.',
      'Con la mesoterapia el principio activo se aplica localmente, en dosis menores que por vía oral.',
    ],
    needle: [(mm) => `Se utilizan agujas muy finas de ${mm} mm.`, (mm) => `Las inyecciones se realizan con agujas de ${mm} mm.`],
    depth: [(mm) => `El producto se inyecta a una profundidad de ${mm} mm.`, (mm) => `Las microinyecciones alcanzan una profundidad de unos ${mm} mm.`],
    sessions: [(a, b) => `Se necesitan entre ${a} y ${b} sesiones.`, (a, b) => `Normalmente son ${a}-${b} sesiones.`, (a) => `Se requieren al menos ${a} sesiones.`, (a) => `Suelen bastar ${a} sesiones.`],
    frequency: ['Las sesiones son semanales.', 'Las sesiones se realizan una vez por semana.', 'Las sesiones se repiten cada 15 días.'],
    maintenance: ['Después se recomienda una sesión de mantenimiento al mes.', 'El mantenimiento es de una sesión mensual.'],
    ciLead: 'La mesoterapia está contraindicada en caso de:',
    conditions: ['embarazo', 'lactancia', 'tratamiento anticoagulante', 'alergia a medicamentos', 'infecciones cutáneas', 'diabetes descompensada'],
    ciNegated: 'No existen contraindicaciones reales para este tratamiento.',
    effects: ['pequeños hematomas', 'enrojecimiento', 'hinchazón', 'dolor en la zona de inyección', 'picor'],
    effectLine: (list) => `Después de la sesión pueden aparecer ${list}, que desaparecen en pocos días.`,
    noEffects: ['La mesoterapia no tiene efectos secundarios.', 'El tratamiento no produce efectos secundarios.'],
    hedged: ['Quizás la mesoterapia podría ayudar con el dolor crónico.', 'Parece que la mesoterapia puede mejorar la circulación.'],
    safety: ['La mesoterapia es un tratamiento seguro e indoloro.', 'El tratamiento es 100 % seguro.'],
    efficacy: ['La mesoterapia elimina toxinas y refuerza el sistema inmunitario.', 'La mesoterapia elimina definitivamente la celulitis.', 'El tratamiento es eficaz contra el dolor de espalda.'],
    filler: [
      'Nuestro equipo de médicos especialistas le atenderá en una consulta personalizada.',
      'Pida cita: el médico le recomendará el tratamiento más adecuado para usted.',
      'La clínica está junto al metro y dispone de aparcamiento concertado.',
    ],
    headings: ['## Cómo funciona', '## ¿Cuántas sesiones?', '## Contraindicaciones', '## Efectos secundarios', '## Precios'],
  },
];

const MM = ['4', '6', '13', '0,5', '1', '2', '4-6', '1,5'];

/** One page: front matter (most pages) and a body of roughly 1.5–5 KB. */
export function generatePage(r: Rng, index: number): { name: string; text: string } {
  const L = LANGS[index % LANGS.length];
  const city = pick(r, L.cities);
  const publisher = `${pick(r, L.publisher)} ${city}`;
  const id = `${L.code}-${String(index).padStart(6, '0')}`;
  const num = (n: number) => (chance(r, 0.3) && n <= 10 ? L.words[n] : String(n));
  const parts: string[] = [];
  if (chance(r, 0.9)) parts.push(`---\nid: ${id}\ntitle: "${pick(r, L.title)} – ${publisher}"\npublisher: "${publisher}"\nlanguage: ${L.code}\nretrieved: 2026-11-${String(int(r, 10, 28)).padStart(2, '0')}\n---`);
  parts.push(L.crumbs);
  if (chance(r, 0.6)) parts.push(L.cookie);
  parts.push(`# ${pick(r, L.title)}`);
  if (chance(r, 0.5)) parts.push(L.share(int(r, 0, 2500)));
  const intro = some(r, L.intro, 1, 3);
  parts.push(intro.join(' '));
  parts.push(L.headings[0]);
  const how: string[] = [];
  if (chance(r, 0.7)) how.push(pick(r, L.needle)(pick(r, MM)));
  if (chance(r, 0.4)) how.push(pick(r, L.depth)(pick(r, MM)));
  how.push(pick(r, L.filler));
  parts.push(how.join(' '));
  parts.push(L.headings[1]);
  const a = int(r, 1, 6);
  const b = a + int(r, 1, 6);
  const sess: string[] = [pick(r, L.sessions)(num(a), num(b)), pick(r, L.frequency)];
  if (chance(r, 0.5)) sess.push(pick(r, L.maintenance));
  parts.push(sess.join(' '));
  parts.push(L.headings[2]);
  if (chance(r, 0.15)) parts.push(L.ciNegated);
  else {
    const conds = some(r, L.conditions, 2, 5);
    if (chance(r, 0.5)) parts.push(`${L.ciLead}\n\n${conds.map((c) => `- ${c}`).join('\n')}`);
    else parts.push(`${L.ciLead} ${conds.join(', ')}.`);
  }
  parts.push(L.headings[3]);
  if (chance(r, 0.25)) parts.push(pick(r, L.noEffects));
  else parts.push(L.effectLine(some(r, L.effects, 1, 3).join(', ')));
  const claims: string[] = [];
  if (chance(r, 0.5)) claims.push(pick(r, L.safety));
  if (chance(r, 0.5)) claims.push(pick(r, L.efficacy));
  if (chance(r, 0.4)) claims.push(pick(r, L.hedged));
  if (claims.length) parts.push(claims.join(' '));
  for (let i = int(r, 1, 4); i > 0; i--) parts.push(pick(r, L.filler));
  if (chance(r, 0.3)) parts.push(intro[0]); // scraped twice
  parts.push(L.headings[4]);
  parts.push([L.price(int(r, 50, 150)), L.price(int(r, 60, 200))].join('\n'));
  parts.push(`${publisher} – ${L.phone(r)}`);
  return { name: `${id}.md`, text: `${parts.join('\n\n')}\n` };
}

/** Writes `pages` pages into `out` (cleared first), in subdirectories of 1,000. Returns total bytes. */
export function generateCorpus(out: string, pages: number, seed = 1): number {
  rmSync(out, { recursive: true, force: true });
  const r = prng(seed);
  let bytes = 0;
  for (let i = 0; i < pages; i++) {
    const dir = join(out, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    const page = generatePage(r, i);
    writeFileSync(join(dir, page.name), page.text);
    bytes += Buffer.byteLength(page.text);
  }
  return bytes;
}

if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) {
  const { values } = parseArgs({ options: { pages: { type: 'string', default: '1000' }, seed: { type: 'string', default: '1' }, out: { type: 'string' } } });
  const pages = Number(values.pages);
  const out = values.out ?? join('bench', 'corpus', String(pages));
  const bytes = generateCorpus(out, pages, Number(values.seed));
  process.stdout.write(`${pages} pages, ${(bytes / 1e6).toFixed(1)} MB → ${out}\n`);
}
