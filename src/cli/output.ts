import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Report } from '../report/model.js';
import type { SourceResult } from '../pipeline.js';
import type { Reference } from '../reference/load.js';
import { FORMATS, sourceTexts } from '../report/formats.js';
import type { BaselineComparison } from '../report/baseline.js';
import { claimsFileOf, renderClaimsFile } from '../report/claims-file.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export interface WriteOptions {
  reportDir?: string;
  claimsDir?: string;
  /** Remove claims files of sources no longer present (off for partial runs such as shards). */
  pruneClaims?: boolean;
  /** Comparison with --baseline, shown in the Markdown and HTML reports. */
  baseline?: BaselineComparison;
}

/** Writes claims files and reports; each file whole or not at all. */
export function writeOutputs(report: Report, results: SourceResult[], ref: Reference, options: WriteOptions): string[] {
  const written: string[] = [];
  if (options.claimsDir) {
    const keep = new Set<string>();
    for (const r of results) {
      const file = claimsFileOf(r);
      if (!file) continue;
      const path = join(options.claimsDir, `${file.source}.yaml`);
      writeFileAtomic(path, renderClaimsFile(file));
      keep.add(`${file.source}.yaml`);
      written.push(path);
    }
    if (options.pruneClaims) {
      for (const name of safeList(options.claimsDir)) if (name.endsWith('.yaml') && !keep.has(name)) rmSync(join(options.claimsDir, name), { force: true });
    }
  }
  if (options.reportDir) {
    // Render every report first, then write: a rendering error leaves all previous reports untouched.
    const rendered = FORMATS.filter((f) => f.file).map((f) => [join(options.reportDir!, f.file!), f.render(report, { ref, tty: false, texts: sourceTexts(results), baseline: options.baseline })] as const);
    for (const [path, content] of rendered) {
      writeFileAtomic(path, content);
      written.push(path);
    }
  }
  return written;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
