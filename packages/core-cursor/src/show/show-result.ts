import { ProgrammingError } from '../errors/index.js';
import type { DictRow } from '../results/dicts.js';
import { renderHtml } from './render-html.js';
import { renderTable } from './render-table.js';

/** MySQL type codes of numeric columns, right-aligned in text renderings. */
const NUMERIC_TYPE_CODES = new Set([0, 1, 2, 3, 4, 5, 8, 9, 13, 246]);

/**
 * The rows of a `conn.show.*()` call (Python `ShowResult`): row objects keyed by CamelCase
 * column names, the first column being `Name`.
 */
export class ShowResult implements Iterable<DictRow> {
  /** The column names, in order (empty when the statement returned no columns). */
  readonly columns: readonly string[];
  readonly rows: readonly DictRow[];
  private readonly typeCodes: readonly number[];

  constructor(columns: readonly string[], rows: readonly DictRow[], typeCodes: readonly number[]) {
    this.columns = columns;
    this.rows = rows;
    this.typeCodes = typeCodes;
  }

  /** The number of rows. */
  get length(): number {
    return this.rows.length;
  }

  /** Row `index` (negative counts from the end), or undefined. */
  at(index: number): DictRow | undefined {
    return this.rows.at(index);
  }

  /** Rows `start` to `end` (exclusive) as a ShowResult, like `Array.prototype.slice`. */
  slice(start?: number, end?: number): ShowResult {
    return new ShowResult(this.columns, this.rows.slice(start, end), this.typeCodes);
  }

  /** The values of one column, by name (Python's `result.<ColName>`). */
  column(name: string): unknown[] {
    if (!this.columns.includes(name)) {
      throw new ProgrammingError(
        `No column named '${name}'; the columns are ${this.columns.join(', ')}`,
      );
    }
    return this.rows.map((row) => Object.getOwnPropertyDescriptor(row, name)?.value);
  }

  [Symbol.iterator](): Iterator<DictRow> {
    return this.rows[Symbol.iterator]();
  }

  /** A plain-text table (numbers right-aligned); '' when there are no rows. */
  toString(): string {
    const rightAligned = this.columns.map((_column, index) =>
      NUMERIC_TYPE_CODES.has(this.typeCodes[index] ?? -1),
    );
    return renderTable(this.columns, this.rows, rightAligned);
  }

  /** An HTML table with every value escaped (Python `_repr_html_`); '' when empty. */
  toHtml(): string {
    return renderHtml(this.columns, this.rows);
  }

  /** Shows the table in Node's `console.log` and the REPL. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `\n${this.toString()}\n`;
  }
}
