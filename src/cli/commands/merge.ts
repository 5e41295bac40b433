import { parseArgs } from 'node:util';
import { CHECK_OPTIONS, checkCommand } from './check.js';
import { UsageError } from '../args.js';
import { loadEngine } from '../../pipeline.js';
import { resolveSettings } from '../../config/settings.js';
import { engineFingerprint } from '../../run/fingerprint.js';
import { mergeShards, ShardError } from '../../run/shard.js';
import { EXIT } from '../exit-codes.js';

export const MERGE_HELP = `claimlint merge DIR...           combine the shard.jsonl of every \`check --shard I/N\` run into the
                                 report a single run gives (cross-source findings included);
                                 takes check's options (--report-dir, --format, --fail-on, --config...)`;

/** `claimlint merge DIR...`: the check of the whole corpus, from shard outputs instead of the sources. */
export function mergeCommand(argv: string[]): number {
  const { tokens } = parseArgs({ args: argv, allowPositionals: true, options: CHECK_OPTIONS, tokens: true });
  const dirs = tokens.flatMap((t) => (t.kind === 'positional' ? [t.value] : []));
  const rest = argv.filter((_, i) => !tokens.some((t) => t.kind === 'positional' && t.index === i));
  if (dirs.length === 0) throw new UsageError('merge needs the directories holding shard.jsonl (the --report-dir of each shard run)');
  if (rest.includes('--shard')) throw new UsageError('merge takes no --shard');
  const { values } = parseArgs({ args: rest, options: CHECK_OPTIONS });
  let merged;
  try {
    merged = mergeShards(dirs);
  } catch (error) {
    if (!(error instanceof ShardError)) throw error;
    process.stderr.write(`claimlint merge: ${error.message}\n`);
    return EXIT.CONFIG;
  }
  const settings = resolveSettings(values, merged.paths);
  if (engineFingerprint(loadEngine(settings.referencePath), settings.defaultLanguage) !== merged.engine) {
    process.stderr.write(`claimlint merge: the shards were written with a different reference, vocabulary or claimlint build than this merge; re-run them\n`);
    return EXIT.CONFIG;
  }
  // The same PATH arguments as the shard runs, so settings (and claims pruning) match a single run.
  return checkCommand([...rest, '--', ...merged.paths], merged.results);
}
