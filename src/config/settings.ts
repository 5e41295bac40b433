/**
 * What a run uses, from three layers: built-in defaults, claimlint.config.yaml,
 * then command-line flags (flags win).
 */
import { relative, resolve } from 'node:path';
import type { SeverityConfig } from '../check/index.js';
import type { GateOptions } from '../check/gate.js';
import { loadWaivers, today } from '../check/waivers.js';
import { loadConfig, type LoadedConfig } from './load.js';
import { expandSources } from './sources.js';
import { changedSince, realPath, realPaths } from './changed.js';

export const DEFAULTS = {
  sources: ['sources'],
  reference: 'claims/canonical/mesotherapy.yaml',
  reportDir: 'reports',
  claimsDir: 'claims/extracted',
  waivers: 'claims/waivers.yaml',
  failOn: 'error',
} as const;

/** Flags as parsed (undefined = not given). */
export interface SettingFlags {
  config?: string;
  reference?: string;
  'report-dir'?: string;
  'claims-dir'?: string;
  'fail-on'?: string;
  waivers?: string;
  'changed-since'?: string;
}

export interface Settings {
  /** Source files to read, absolute, sorted. */
  files: string[];
  /** True when the sources came from the config/defaults (not PATH arguments): stale claims files may be pruned. */
  wholeCorpus: boolean;
  referencePath: string;
  reportDir: string;
  claimsDir: string;
  failOn: string;
  severities: SeverityConfig;
  defaultLanguage?: string;
  gate: GateOptions;
  config?: LoadedConfig;
  /** Notes for stderr (a glob that matched nothing, a changed reference). */
  notes: string[];
}

export function resolveSettings(flags: SettingFlags, positionals: string[], cwd = process.cwd()): Settings {
  const loaded = loadConfig(flags.config, cwd);
  const c = loaded?.config ?? {};
  const base = loaded?.dir ?? cwd;
  const fromConfig = (p: string | undefined, fallback: string) => (p !== undefined ? resolve(base, p) : resolve(cwd, fallback));
  const notes: string[] = [];
  const linked = new Set<string>();
  const files = positionals.length
    ? expandSources(positionals, c.ignore ?? [], cwd, (p) => notes.push(`no source matches "${p}"`), linked)
    : expandSources(c.sources ?? [...DEFAULTS.sources], c.ignore ?? [], base, (p) => notes.push(`${loaded?.path ?? 'config'}: no source matches "${p}"`), linked);
  const referencePath = flags.reference !== undefined ? resolve(cwd, flags.reference) : fromConfig(c.reference, DEFAULTS.reference);
  const waiversPath = flags.waivers !== undefined ? resolve(cwd, flags.waivers) : fromConfig(c.waivers, DEFAULTS.waivers);
  const gate: GateOptions = { waivers: loadWaivers(waiversPath), today: today(), ...(isPartial(positionals, c.sources ?? [...DEFAULTS.sources]) ? { partial: true } : {}) };
  if (flags['changed-since'] !== undefined) {
    const ref = flags['changed-since'];
    const changed = changedSince(ref, cwd);
    const globalInputs = [referencePath, ...(loaded ? [resolve(cwd, loaded.path)] : [])].map(realPath);
    const hit = globalInputs.find((p) => changed.has(p));
    if (hit) notes.push(`--changed-since ${ref}: ${relative(cwd, hit) || hit} changed, so every source is checked`);
    else {
      const reals = realPaths(files, (f) => linked.has(f));
      const paths = files.filter((_, i) => changed.has(reals[i])).map((f) => relative(cwd, f).split('\\').join('/'));
      if (gate.waivers && changed.has(realPath(waiversPath))) paths.push(gate.waivers.path);
      gate.only = { ref, paths };
    }
  }
  return {
    files,
    wholeCorpus: positionals.length === 0,
    referencePath,
    reportDir: flags['report-dir'] ?? (c.reportDir !== undefined ? resolve(base, c.reportDir) : DEFAULTS.reportDir),
    claimsDir: flags['claims-dir'] ?? (c.claimsDir !== undefined ? resolve(base, c.claimsDir) : DEFAULTS.claimsDir),
    failOn: flags['fail-on'] ?? c.failOn ?? DEFAULTS.failOn,
    severities: { ...(c.rules ?? {}) },
    ...(c.defaultLanguage ? { defaultLanguage: c.defaultLanguage } : {}),
    gate,
    ...(loaded ? { config: loaded } : {}),
    notes,
  };
}

/** PATH arguments that name less than the configured corpus (`check sources` with the default config is the whole corpus). */
function isPartial(positionals: string[], configured: string[]): boolean {
  const norm = (list: string[]) => list.map((p) => p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '')).sort().join('\n');
  return positionals.length > 0 && norm(positionals) !== norm(configured);
}

/** The pipeline options every command that checks pages takes from the settings. */
export function pipelineOptions(settings: Settings) {
  return {
    paths: settings.files,
    collected: true,
    referencePath: settings.referencePath,
    severities: settings.severities,
    defaultLanguage: settings.defaultLanguage,
    gate: settings.gate,
  };
}
