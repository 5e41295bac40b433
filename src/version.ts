import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './util/project-root.js';

const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { name: string; version: string; homepage?: unknown };

export const TOOL = { name: pkg.name, version: pkg.version } as const;

/**
 * Where the tool's documentation is (package.json `homepage`), for the links machine formats
 * offer (SARIF's informationUri and helpUri, rdjson's url); without one they offer none rather
 * than a made-up address.
 */
export const TOOL_HOMEPAGE: string | undefined = typeof pkg.homepage === 'string' && /^https:\/\/[^\s]+$/.test(pkg.homepage) ? pkg.homepage : undefined;
