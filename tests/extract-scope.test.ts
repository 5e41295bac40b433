/** Claims about another treatment the page names beside this one are not this treatment's. */
import { describe, expect, it } from 'vitest';
import { claimsOf, getEngine } from './helpers/engine.js';

const kinds = (text: string, lang: string) => claimsOf(text, lang).map((c) => [c.kind, c.text]);

describe('the reference says which treatment it is about', () => {
  it('names it and the others as topic concepts', () => {
    const ref = getEngine().reference;
    expect(ref.scope).toEqual({ treatment: 'treatment', others: 'other-treatments' });
    expect(ref.concepts.get('other-treatments')?.kind).toBe('topic');
  });
});

describe('a sentence, a section or a column about another treatment', () => {
  it('a sentence that names another treatment and not this one, and the rest of its paragraph', () => {
    expect(kinds('La cryolipolyse, elle, détruit définitivement les cellules graisseuses. Une séance suffit.', 'fr')).toEqual([]);
    // Naming this one too keeps it.
    expect(kinds('La mesoterapia, come la carbossiterapia, è controindicata in gravidanza.', 'it').map((k) => k[0])).toEqual(['contraindication']);
  });

  it('a section under a heading that names another treatment, until the next heading', () => {
    const page =
      '## La carbossiterapia\n\nIl ciclo prevede 10–12 sedute, due a settimana. Può residuare un piccolo ematoma.\n\n' +
      '## La mesoterapia\n\nIl ciclo prevede 6 sedute. Può residuare un piccolo ematoma.\n';
    expect(kinds(page, 'it')).toEqual([
      ['sessions.count', '6 sedute'],
      ['adverse-effect', 'ematoma'],
    ]);
  });

  it('a table column whose header names another treatment', () => {
    const table = '| | Mésothérapie | Cryolipolyse |\n|---|---|---|\n| Nombre de séances | 6 à 10 séances | 1 séance |\n| Effets | Bleus | Engourdissement, douleur retardée |\n';
    expect(kinds(table, 'fr')).toEqual([
      ['sessions.count', '6 à 10 séances'],
      ['adverse-effect', 'Bleus'],
    ]);
  });
});

describe('a section of citations or links', () => {
  it('yields no claims, up to the next heading', () => {
    const page = '## Criticism\n\nIt eliminates cellulite.\n\n## References\n\n1. ^ "Consumer alert: fat-dissolving injections". *Healthwatch*.\n\n## See also\n\n- Lipodissolve\n\n## Notes on safety\n\nIt is completely safe.';
    expect(kinds(page, 'en')).toEqual([
      ['efficacy', 'eliminates cellulite'],
      ['safety', 'completely safe'],
    ]);
    expect(kinds('## Bibliografia\n\n- Rossi A. Mesoterapia: elimina la cellulite? 2019.\n\n## Note\n\nSconsigliata in gravidanza.', 'it')).toEqual([['contraindication', 'gravidanza']]);
  });
});

describe('a product for another injection treatment', () => {
  it('is another treatment', () => {
    expect(kinds('Injectable deoxycholic acid, a product that permanently destroys fat cells under the chin, has been approved.', 'en')).toEqual([]);
  });
});

describe('a heading that denies being another treatment', () => {
  it('opens no section about it', () => {
    const page = '### „Keine Fettweg-Spritze“\n\nMesotherapie ist nicht für Schwangere geeignet.\n\n### Die Fettweg-Spritze\n\nSie löst das Fett für immer auf.';
    expect(kinds(page, 'de')).toEqual([['contraindication', 'Schwangere']]);
  });
});

describe('fillers and injection lipolysis are other treatments', () => {
  it.each([
    ['it', '**Filler.** Il filler di acido ialuronico riempie un volume. Un filler dura 6–12 mesi e può dare ematomi.'],
    ['en', 'Injection lipolysis is usually given as 2 to 4 treatments, 4 to 6 weeks apart.'],
  ])('%s: %s', (lang, text) => expect(kinds(text, lang)).toEqual([]));
});
