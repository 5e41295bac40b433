/**
 * The decoded text of each source, for formats that show or measure the lines
 * around a finding (code frames, SARIF context regions, UTF-8 columns).
 * Formats must still work without it (the report alone has every position).
 */
import { LineIndex } from '../util/positions.js';

/** Path (as in the report) → decoded file text (FormatContext.texts); a Map will do. */
export interface SourceTexts {
  get(path: string): string | undefined;
}

/**
 * Line lookups for one path at a time: findings come sorted by path, so the index of the
 * current file is all that needs keeping (an index per file of a 50,000-page corpus would
 * grow with the corpus).
 */
export class SourceLines {
  private path: string | undefined;
  private current: LineIndex | undefined;
  constructor(private readonly texts: SourceTexts | undefined) {}

  index(path: string): LineIndex | undefined {
    if (path !== this.path) {
      const text = this.texts?.get(path);
      this.path = path;
      this.current = text === undefined ? undefined : new LineIndex(text);
    }
    return this.current;
  }

  /** The text of a 1-based line, without its line end; undefined when the source text is not known. */
  line(path: string, line: number): string | undefined {
    return this.index(path)?.lineText(line);
  }

  /**
   * A UTF-16 column (what every report position uses) as a UTF-8 byte column
   * (what reviewdog counts), both 1-based. Without the text, returns it unchanged.
   */
  utf8Column(path: string, line: number, column: number): number {
    const text = this.line(path, line);
    if (text === undefined) return column;
    return Buffer.byteLength(text.slice(0, column - 1), 'utf8') + 1;
  }
}
