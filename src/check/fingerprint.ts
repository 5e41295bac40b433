/**
 * Stable fingerprints of findings, computed from WHAT the page says (source,
 * claim kind, rule, normalised text), never from WHERE it says it: a finding
 * keeps its fingerprint when lines are inserted or removed above it.
 *
 * SARIF `partialFingerprints` (GitHub code scanning matches alerts across
 * commits with them) and the waivers file key on these values.
 */
import type { Claim, Finding } from '../types.js';
import { sha256Prefix } from '../util/hash.js';
import { flatAscii } from '../util/strings.js';

/** Version of the fingerprint recipe; bump it if the recipe changes (the SARIF key carries it). */
export const FINGERPRINT_VERSION = 1;
/** The SARIF `partialFingerprints` key. */
export const FINGERPRINT_KEY = `claimlint/v${FINGERPRINT_VERSION}`;

export interface FingerprintParts {
  rule: string;
  source: string;
  /** Claim kind (needle, safety, …), or the rule id for findings without a claim. */
  kind: string;
  /** The quoted text (normalised here) or, for findings without a claim, the message. */
  text: string;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Case, Unicode form, spacing, dashes and quotes do not change a fingerprint. */
export function normalizeForFingerprint(text: string): string {
  // Printable ASCII is its own NFKC form and has no dashes or quotes to fold: most quotes are.
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase().replace(/\s+/g, ' ').trim();
  return normalizeAnyText(text);
}

/** normalizeForFingerprint for any text, step by step (exported for the test that the quick path agrees). */
export function normalizeAnyText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The base fingerprint: 32 hex digits of SHA-256 over the parts. */
export function fingerprint(parts: FingerprintParts): string {
  return sha256Prefix([`v${FINGERPRINT_VERSION}`, parts.rule, parts.source, parts.kind, normalizeForFingerprint(parts.text)].join('\u0000'), 32);
}

/** The parts of a finding, with the kind of its (first) claim when known. */
export function findingParts(finding: Finding, claimKind?: string): FingerprintParts {
  const hasClaim = finding.claims.length > 0 && Boolean(finding.text);
  return {
    rule: finding.rule,
    source: finding.source,
    kind: claimKind ?? (hasClaim ? (finding.attribute?.split(/[.:]/)[0] ?? finding.rule) : finding.rule),
    text: hasClaim ? finding.text : finding.message,
  };
}

/**
 * Fingerprints of every finding, keyed by finding id: `<hash>:<n>` where n
 * counts findings with the same hash in the same source, in document order
 * (the same claim made twice on a page gets :1 and :2), as GitHub does for
 * its own line hashes. Findings must be in report order (sorted by place).
 */
export function fingerprintFindings(findings: Iterable<Finding>, claims: readonly Pick<Claim, 'id' | 'kind'>[] | ((claimId: string) => string | undefined) = []): Map<string, string> {
  const kinds = typeof claims === 'function' ? undefined : new Map(claims.map((c) => [c.id, c.kind]));
  const kindOf = typeof claims === 'function' ? claims : (id: string) => kinds!.get(id);
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  for (const f of findings) {
    const hash = fingerprint(findingParts(f, f.claims.length ? kindOf(f.claims[0]) : undefined));
    const n = (seen.get(hash) ?? 0) + 1;
    seen.set(hash, n);
    out.set(f.id, flatAscii(`${hash}:${n}`));
  }
  return out;
}

/**
 * Lists of findings known to carry every fingerprint (the gate gave each one): a writer need not
 * read them all to find out (a large corpus's findings are read from disk).
 */
export const fingerprinted = new WeakSet<object>();

/** The fingerprint of one finding in its report (see fingerprintFindings). */
export function findingFingerprint(finding: Finding, report: { findings: readonly Finding[]; claims: readonly Pick<Claim, 'id' | 'kind'>[] }): string | undefined {
  return fingerprintFindings(report.findings, report.claims).get(finding.id);
}
