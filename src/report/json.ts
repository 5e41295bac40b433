import type { Report } from './model.js';

/** report.json: two-space JSON, keys in a fixed order, trailing newline: byte-identical for identical input. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
