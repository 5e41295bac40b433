/**
 * `claimlint fix`: which suggestions may be applied without an editor. Only
 * findings in force (not suppressed or waived) whose reference fact is marked
 * `safeFix: true` qualify; the suggestion replaces exactly the claim's span
 * (and the same claim's repeated occurrences), after checking that the file
 * still holds the quoted text there.
 */
import { readFileSync } from 'node:fs';
import type { Report } from '../report/model.js';
import type { SourceResult } from '../pipeline.js';
import type { Fact, Reference } from '../reference/load.js';
import type { Position } from '../types.js';
import type { TextEdit } from './diff.js';

export interface FilePlan {
  path: string;
  text: string;
  edits: TextEdit[];
}

export interface FixPlan {
  files: FilePlan[];
  /** Findings in force with a suggestion whose fact is not marked safe: they need an editor. */
  needsEditor: number;
  /** Edits dropped because they overlapped another one. */
  skipped: number;
}

export function planFixes(report: Report, results: SourceResult[], ref: Reference): FixPlan {
  const factsById = new Map<string, Fact>([...ref.facts.values()].map((f) => [f.id, f]));
  const claims = new Map(report.claims.map((c) => [c.id, c]));
  const texts = new Map(results.flatMap((r) => (r.doc ? [[r.doc.path, r.doc.text] as const] : [])));
  const byPath = new Map<string, TextEdit[]>();
  let needsEditor = 0;
  for (const f of report.findings) {
    if (!f.suggestion) continue;
    const claim = f.claims.length ? claims.get(f.claims[0]) : undefined;
    const fact = claim?.fact ? factsById.get(claim.fact) : undefined;
    if (!claim || fact?.safeFix !== true) {
      needsEditor++;
      continue;
    }
    const text = texts.get(claim.path);
    if (text === undefined) continue;
    const edits = byPath.get(claim.path) ?? [];
    for (const p of [claim.position, ...(claim.occurrences ?? [])] as Position[]) {
      if (text.slice(p.start.offset, p.end.offset) !== claim.text) continue;
      edits.push({ start: p.start.offset, end: p.end.offset, text: f.suggestion });
    }
    byPath.set(claim.path, edits);
  }
  let skipped = 0;
  const files: FilePlan[] = [];
  for (const [path, edits] of [...byPath].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const kept: TextEdit[] = [];
    for (const e of [...edits].sort((a, b) => a.start - b.start || a.end - b.end)) {
      const last = kept[kept.length - 1];
      if (last && last.start === e.start && last.end === e.end && last.text === e.text) continue;
      if (last && e.start < last.end) {
        skipped++;
        continue;
      }
      kept.push(e);
    }
    if (kept.length) files.push({ path, text: texts.get(path)!, edits: kept });
  }
  return { files, needsEditor, skipped };
}

/** The bytes to write for new text, in the file's own encoding (UTF-8, with its BOM if it had one, or UTF-16 with BOM). */
export function encodeLike(originalPath: string, text: string): Buffer {
  const head = readFileSync(originalPath).subarray(0, 3);
  if (head[0] === 0xff && head[1] === 0xfe) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (head[0] === 0xfe && head[1] === 0xff) return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  return Buffer.from(text, 'utf8');
}
