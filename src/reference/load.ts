import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { compileTerms } from '../extract/terms.js';
import { ConfigError, loadYamlCached, yamlLocator, type FileProblem } from '../util/yaml-load.js';
import { sha256 } from '../util/hash.js';
import type { Qualifier } from '../vocab/load.js';
import { CONCEPT_CLAIM_KINDS, type ConceptClaimKind } from '../types.js';

/** A concept is a claim value, or a topic: a cue word the extractors read (needle, session, …). */
export type ConceptKind = ConceptClaimKind | 'topic';

export interface Evidence {
  id: string;
  citation: string;
  doi?: string;
  pmid?: string;
  pmcid?: string;
  url?: string;
  kind: string;
  status: 'verified' | 'secondary' | 'unverified';
  note?: string;
}

export interface Concept {
  id: string;
  kind: ConceptKind;
  label: Record<string, string>;
  terms: Record<string, string[]>;
  /** Yes/no questions whose bare answer makes this claim (see the schema). */
  askedAs?: { yes?: Record<string, string[]>; no?: Record<string, string[]>; figures?: Record<string, string[]> };
}

export interface Derivation {
  assertion: string;
  concept: string;
  negated?: boolean;
  qualifier?: Qualifier;
  /** A second qualifier the mention must have as well (see the schema). */
  alsoQualifier?: Qualifier;
  /** A mention of a concept of this kind in the same clause stops the derivation (see the schema). */
  unlessNamed?: ConceptKind;
}

export type Localized = Record<string, string>;

export interface Fact {
  id: string;
  attribute: string;
  concept?: string;
  values?: Array<number | string>;
  range?: { min: number; max: number };
  tolerance?: number;
  outside?: 'contradicted' | 'unverified';
  verdict?: 'supported' | 'contradicted' | 'unverified';
  severity?: 'error' | 'warning' | 'info';
  /** The reference's position in a few English words, for tables and messages. */
  position?: string;
  statement: Localized;
  evidence: string[];
  suggestion?: Localized;
  safeFix?: boolean;
}

export interface ReferenceFile {
  id: string;
  version: string;
  title: string;
  languages: string[];
  evidence: Evidence[];
  concepts: Concept[];
  derivations: Derivation[];
  facts: Fact[];
  scope?: Scope;
}

/** The treatment a reference is about, and the others pages name beside it (ids of topic concepts). */
export interface Scope {
  treatment: string;
  others: string;
}

export interface Reference {
  id: string;
  version: string;
  title: string;
  path: string;
  sha256: string;
  languages: string[];
  evidence: Map<string, Evidence>;
  concepts: Map<string, Concept>;
  derivations: Derivation[];
  /** The treatment the reference is about and the others pages name beside it, if it says. */
  scope?: Scope;
  /** Facts by attribute ("needle.length") or attribute and concept ("contraindication:pregnancy"). */
  facts: Map<string, Fact>;
  /** One regex per language per concept, compiled on first use. */
  matcher(language: string, conceptId: string): RegExp;
}

export function factKey(attribute: string, concept?: string): string {
  return concept ? `${attribute}:${concept}` : attribute;
}

const CONCEPT_ATTRIBUTES = new Set<string>(CONCEPT_CLAIM_KINDS);

/** Loads, validates and cross-checks the reference; any problem throws ConfigError (exit 2). */
export function loadReference(path: string): Reference {
  const display = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([{ file: display, line: 1, column: 1, message: `cannot read the reference: ${(error as Error).message}` }]);
  }
  const data = loadYamlCached<ReferenceFile>(display, text, 'reference');
  // The YAML is parsed a second time, for places, only when there is a problem to place.
  let locator: ReturnType<typeof yamlLocator> | undefined;
  const locate: ReturnType<typeof yamlLocator> = (path, message) => (locator ??= yamlLocator(display, text))(path, message);
  const problems: FileProblem[] = [];
  const evidence = new Map<string, Evidence>();
  data.evidence.forEach((e, i) => {
    if (evidence.has(e.id)) problems.push(locate(['evidence', i, 'id'], `duplicate evidence id "${e.id}"`));
    evidence.set(e.id, e);
  });
  const concepts = new Map<string, Concept>();
  data.concepts.forEach((c, i) => {
    if (concepts.has(c.id)) problems.push(locate(['concepts', i, 'id'], `duplicate concept id "${c.id}"`));
    concepts.set(c.id, c);
  });
  data.derivations.forEach((d, i) => {
    if (concepts.get(d.assertion)?.kind !== 'safety' && concepts.get(d.assertion)?.kind !== 'efficacy')
      problems.push(locate(['derivations', i, 'assertion'], `derivation assertion "${d.assertion}" is not a safety or efficacy concept`));
    if (!concepts.has(d.concept)) problems.push(locate(['derivations', i, 'concept'], `unknown concept "${d.concept}"`));
  });
  if (data.scope)
    for (const key of ['treatment', 'others'] as const)
      if (concepts.get(data.scope[key])?.kind !== 'topic') problems.push(locate(['scope', key], `scope ${key} "${data.scope[key]}" is not a topic concept`));
  const facts = new Map<string, Fact>();
  data.facts.forEach((f, i) => {
    const isConcept = CONCEPT_ATTRIBUTES.has(f.attribute);
    if (isConcept && !f.concept) problems.push(locate(['facts', i], `fact "${f.id}" on ${f.attribute} needs a concept`));
    if (f.concept && !concepts.has(f.concept)) problems.push(locate(['facts', i, 'concept'], `unknown concept "${f.concept}"`));
    if (isConcept && !f.verdict) problems.push(locate(['facts', i], `fact "${f.id}" needs a verdict`));
    if (!isConcept && !f.values && !f.range) problems.push(locate(['facts', i], `fact "${f.id}" needs values or a range`));
    f.evidence.forEach((id, j) => {
      if (!evidence.has(id)) problems.push(locate(['facts', i, 'evidence', j], `unknown evidence id "${id}"`));
    });
    const key = factKey(f.attribute, isConcept ? f.concept : undefined);
    if (facts.has(key)) problems.push(locate(['facts', i], `a second fact for ${key}`));
    facts.set(key, f);
  });
  if (problems.length) throw new ConfigError(problems);

  const compiled = new Map<string, RegExp>();
  return {
    id: data.id,
    version: data.version,
    title: data.title,
    path: display,
    sha256: sha256(text),
    languages: data.languages,
    evidence,
    concepts,
    derivations: data.derivations,
    ...(data.scope && { scope: data.scope }),
    facts,
    matcher(language, conceptId) {
      const key = `${language}\u0000${conceptId}`;
      let re = compiled.get(key);
      if (!re) {
        re = compileTerms(concepts.get(conceptId)?.terms[language] ?? []);
        compiled.set(key, re);
      }
      return re;
    },
  };
}
