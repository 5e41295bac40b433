import { RULE_METAS } from '../check/rules/index.js';
import { DEFAULTS } from './settings.js';

/** The commented starter config `claimlint init` writes (the values are the built-in defaults). */
export function starterConfig(): string {
  const width = Math.max(...RULE_METAS.map((m) => m.id.length)) + 1;
  const rules = RULE_METAS.map((m) => `  # ${`${m.id}:`.padEnd(width)} ${m.defaultSeverity.padEnd(7)} # ${m.description}`).join('\n');
  return `# claimlint configuration (schema: schemas/config.schema.json).
# Paths are relative to this file. Command-line flags override every value here.

# Pages to check: directories, files or globs (picomatch syntax).
sources:
${DEFAULTS.sources.map((s) => `  - ${s}`).join('\n')}

# Files never checked, as globs relative to this file.
ignore:
  - "**/drafts/**"

# The canonical, evidence-backed reference the claims are checked against.
reference: ${DEFAULTS.reference}

# Where report.json, report.md (and the other report files) go, and the extracted claims.
reportDir: ${DEFAULTS.reportDir}
claimsDir: ${DEFAULTS.claimsDir}

# Findings an editor accepted, each with fingerprint, rule, source, reason,
# reviewer, date and expiry (schema: schemas/waivers.schema.json).
waivers: ${DEFAULTS.waivers}

# The lowest severity that fails the run (exit code 1): error | warning | info | never.
failOn: ${DEFAULTS.failOn}

# Severity per rule: off | info | warning | error. A rule not listed keeps its
# default (shown in the comments) or the severity a reference fact gives it; a
# value here overrides both for every finding of the rule.
rules:
${rules}
`;
}
