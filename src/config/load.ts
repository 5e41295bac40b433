/**
 * claimlint.config.yaml: where the sources are, which reference, where
 * reports go, rule severities and the failure threshold. Validated by
 * schemas/config.schema.json; every problem is reported at its line and
 * column and stops the run with exit code 2.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { ConfigError, loadYaml, yamlLocator } from '../util/yaml-load.js';
import { validator } from '../util/schemas.js';
import { sha256 } from '../util/hash.js';
import { RULE_METAS } from '../check/rules/index.js';

export const CONFIG_FILE = 'claimlint.config.yaml';

export type RuleSetting = 'off' | 'info' | 'warning' | 'error';

export interface ClaimlintConfig {
  sources?: string[];
  ignore?: string[] | null;
  reference?: string;
  reportDir?: string;
  claimsDir?: string;
  waivers?: string;
  failOn?: 'error' | 'warning' | 'info' | 'never';
  defaultLanguage?: string;
  rules?: Record<string, RuleSetting> | null;
}

export interface LoadedConfig {
  /** As shown in messages and the report (relative to the working directory). */
  path: string;
  /** Directory the config's relative paths are resolved from. */
  dir: string;
  sha256: string;
  config: ClaimlintConfig;
}

/**
 * Loads the config named with --config, or claimlint.config.yaml in `cwd` if
 * there is one; undefined when there is none (built-in defaults apply).
 */
export function loadConfig(explicit?: string, cwd = process.cwd()): LoadedConfig | undefined {
  const path = resolve(cwd, explicit ?? CONFIG_FILE);
  const display = (relative(cwd, path) || path).split('\\').join('/');
  if (!existsSync(path)) {
    if (explicit === undefined) return undefined;
    throw new ConfigError([{ file: display, line: 1, column: 1, message: 'config file not found' }]);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError([{ file: display, line: 1, column: 1, message: `cannot read the config: ${(error as Error).message}` }]);
  }
  const config = loadYaml<ClaimlintConfig | null>(display, text, validator('config')) ?? {};
  if (typeof config !== 'object' || Array.isArray(config)) throw new ConfigError([{ file: display, line: 1, column: 1, message: 'the config must be a mapping' }]);
  const locate = yamlLocator(display, text);
  const known = new Set(RULE_METAS.map((m) => m.id));
  const problems = Object.keys(config.rules ?? {})
    .filter((id) => !known.has(id))
    .map((id) => {
      const p = locate(['rules', id], '');
      // Point at the key, not its value (the key sits on the value's line).
      const keyColumn = (text.split(/\r?\n/)[p.line - 1] ?? '').indexOf(id) + 1;
      return { ...p, column: keyColumn > 0 ? keyColumn : p.column, message: `/rules: unknown rule "${id}"; known rules: ${[...known].join(', ')}` };
    });
  if (problems.length) throw new ConfigError(problems);
  return { path: display, dir: dirname(path), sha256: sha256(text), config };
}
