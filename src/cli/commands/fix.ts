import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { runCheck } from '../../pipeline.js';
import { resolveSettings, pipelineOptions } from '../../config/settings.js';
import { planFixes, encodeLike } from '../../fix/plan.js';
import { applyEdits, unifiedDiff } from '../../fix/diff.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { EXIT } from '../exit-codes.js';

export const FIX_HELP = `claimlint fix [PATH...]          apply the suggestions the reference marks safeFix; prints a unified diff first
  --dry-run            print the diff only; change nothing
  --config FILE, --reference FILE, --waivers FILE   as for check`;

export function fixCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      config: { type: 'string' },
      reference: { type: 'string' },
      waivers: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const settings = resolveSettings(values, positionals);
  for (const note of settings.notes) process.stderr.write(`claimlint: ${note}\n`);
  const { report, results, engine } = runCheck(pipelineOptions(settings));
  const plan = planFixes(report, results, engine.reference);
  const updated = plan.files.map((f) => ({ ...f, next: applyEdits(f.text, f.edits) }));
  process.stdout.write(updated.map((f) => unifiedDiff(f.path, f.text, f.edits)).join(''));
  if (!values['dry-run']) for (const f of updated) writeFileAtomic(resolve(f.path), encodeLike(resolve(f.path), f.next));
  const edits = plan.files.reduce((n, f) => n + f.edits.length, 0);
  const verb = values['dry-run'] ? 'would apply' : 'applied';
  const notes = [
    `${verb} ${edits} fix${edits === 1 ? '' : 'es'} in ${plan.files.length} file${plan.files.length === 1 ? '' : 's'}`,
    ...(plan.needsEditor ? [`${plan.needsEditor} finding${plan.needsEditor === 1 ? '' : 's'} with a suggestion need an editor (their reference fact is not marked safeFix)`] : []),
    ...(plan.skipped ? [`${plan.skipped} overlapping fix${plan.skipped === 1 ? '' : 'es'} skipped`] : []),
  ];
  process.stderr.write(`claimlint: ${notes.join('; ')}\n`);
  return EXIT.OK;
}
