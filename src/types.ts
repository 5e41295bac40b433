/**
 * The values that flow between pipeline stages:
 * Document → Sentence[] → Claim[] → Finding[] → Report.
 * The JSON Schemas in schemas/ are the published contracts; tests validate
 * every written claim file and report against them, so these types and the
 * schemas cannot drift apart silently.
 */

export type Language = string; // BCP-47 primary subtag: it, en, fr, es, …

export interface Point {
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units (as editors and SARIF count by default). */
  column: number;
  /** 0-based offset into the file's decoded text. */
  offset: number;
}

export interface Position {
  start: Point;
  end: Point;
}

/** A decoded source file with its front matter. */
export interface SourceDocument {
  id: string;
  /** Path relative to the working directory, with forward slashes. */
  path: string;
  /** Full decoded text of the file (BOM removed); every offset refers to this. */
  text: string;
  /** Offset where the body (after front matter) begins. */
  bodyOffset: number;
  meta: {
    title?: string;
    publisher?: string;
    language: Language;
    languageSource: 'front-matter' | 'detected' | 'default';
    retrieved?: string;
    [key: string]: unknown;
  };
  /** SHA-256 of the raw bytes. */
  sha256: string;
}

export interface Sentence {
  /** Offsets into SourceDocument.text. */
  start: number;
  end: number;
  /** Same length as text.slice(start, end); markup masked by spaces and characters normalised 1:1. */
  normalized: string;
  /** `normalized`, lower-cased one unit at a time (same length): what the term regexes read. */
  folded: string;
  /** Index of the block (paragraph, heading, list item) the sentence belongs to. */
  block: number;
  blockType: 'heading' | 'paragraph' | 'listItem' | 'tableCell';
  /** For list items: index of the lead-in block before the list, if any. */
  leadIn?: number;
  /** Words hyphenated across line ends that `normalized` joins: offsets in (from, to] are `delta` short of the file's. */
  joins?: Array<{ from: number; to: number; delta: number }>;
  /** Words with character references that `normalized` decodes and closes up ("sess&otilde;es"): offsets in (from, to] are `delta` short (applied after `joins`). */
  shifts?: Array<{ from: number; to: number; delta: number }>;
  /** For the value cell of a two-cell table row: the normalised text of its label cell ("Agulha" for "32 G, 4 mm"). */
  label?: string;
  /** For table cells: the case-folded text of the whole row, its cells joined by " | ". */
  row?: string;
  /** For a header cell and each data cell under it: the case-folded text of its whole column (header first), cells joined by " | ". */
  column?: string;
}

/** Claim kinds whose value names a concept of the reference (one list, used by the reference and the extractors). */
export const CONCEPT_CLAIM_KINDS = ['contraindication', 'adverse-effect', 'safety', 'efficacy', 'indication', 'substance', 'aftercare', 'history'] as const;
export type ConceptClaimKind = (typeof CONCEPT_CLAIM_KINDS)[number];

export type ClaimKind = 'needle' | 'sessions.count' | 'sessions.frequency' | ConceptClaimKind;

export interface Modifiers {
  negated: boolean;
  hedged: boolean;
  hypothetical: boolean;
  exception: boolean;
  advice: boolean;
}

export interface NeedleValue {
  aspect: 'length' | 'depth' | 'gauge';
  min: number | null;
  max: number | null;
  unit: 'mm' | 'G';
  approximate: boolean;
}
export interface CountValue {
  min: number | null;
  max: number | null;
  approximate: boolean;
}
export interface FrequencyValue {
  interval: string;
  intervalMax?: string;
  phase: 'initial' | 'maintenance';
}
export interface ContraindicationValue {
  condition: string;
  strength: 'absolute' | 'relative' | 'unspecified';
}
export interface AdverseEffectValue {
  effect: string;
  frequency?: 'rare' | 'common';
  severity?: 'mild' | 'severe';
}
export interface AssertionValue {
  assertion: string;
}
export interface ConceptValue {
  concept: string;
}

export type ClaimValue =
  | NeedleValue
  | CountValue
  | FrequencyValue
  | ContraindicationValue
  | AdverseEffectValue
  | AssertionValue
  | ConceptValue;

export interface Claim {
  id: string;
  source: string;
  path: string;
  kind: ClaimKind;
  value: ClaimValue;
  /** The exact characters of the file at `position`. */
  text: string;
  sentence: string;
  position: Position;
  language: Language;
  modifiers: Modifiers;
  /** Further places where the same sentence (scraped twice) makes the same claim. */
  occurrences?: Position[];
}

export type Verdict = 'supported' | 'contradicted' | 'unverified';
export type Severity = 'error' | 'warning' | 'info';

export interface EvidenceRef {
  id: string;
  citation: string;
  kind: string;
  status: 'verified' | 'secondary' | 'unverified';
  doi?: string;
  pmid?: string;
  url?: string;
}

export interface RelatedValue {
  source: string;
  path: string;
  claim: string;
  value: string;
  text: string;
  position: Position;
}

export interface Finding {
  id: string;
  rule: string;
  severity: Severity;
  verdict: Verdict | 'conflict' | 'error';
  source: string;
  path: string;
  position: Position;
  text: string;
  claims: string[];
  /** The attribute the finding is about, e.g. "needle.length" or "contraindication:pregnancy". */
  attribute?: string;
  message: string;
  expected?: string;
  evidence: EvidenceRef[];
  suggestion?: string;
  related?: RelatedValue[];
  /** Stable across edits elsewhere in the file (src/check/fingerprint.ts); what waivers and SARIF key on. */
  fingerprint?: string;
  /** Set on findings taken out of the failing set by an inline comment or a waiver (report.suppressed). */
  suppression?: SuppressionRecord;
}

/** Why a finding does not fail the run: an inline suppression comment or a waiver in claims/waivers.yaml. */
export interface SuppressionRecord {
  kind: 'inline' | 'waiver';
  reason: string;
  /** File holding the comment or the waiver, and its place there. */
  path: string;
  line: number;
  column: number;
  reviewer?: string;
  date?: string;
  expiry?: string;
}

export interface ClaimVerdict {
  claim: string;
  verdict: Verdict;
  fact?: string;
}
