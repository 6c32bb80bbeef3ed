import type { ParameterInterpolator, StatementParams } from './interpolate.js';

/** The size the Python SDK splits multi-row INSERTs at. */
export const DEFAULT_MAX_STATEMENT_BYTES = 1_024_000;

const PLACEHOLDER = String.raw`(?:\?|:[A-Za-z_]\w*)`;
const INSERT_VALUES = new RegExp(
  String.raw`^\s*((?:INSERT|REPLACE)\b[\s\S]*?\bVALUES?\s*)` +
    String.raw`(\(\s*${PLACEHOLDER}\s*(?:,\s*${PLACEHOLDER}\s*)*\))` +
    String.raw`(\s*(?:ON\s+DUPLICATE\b[\s\S]*?)?)\s*;?\s*$`,
  'i',
);
const ANY_PLACEHOLDER = /\?|(?<!:):[A-Za-z_]/;

/** An `INSERT … VALUES (…)` statement taken apart for multi-row rewriting. */
interface InsertParts {
  readonly prefix: string;
  readonly row: string;
  readonly suffix: string;
}

/**
 * Splits an INSERT/REPLACE whose VALUES tuple holds only placeholders (optionally followed by
 * ON DUPLICATE KEY UPDATE without placeholders); any other statement gives null and runs once
 * per row.
 */
export function parseInsertValues(sql: string): InsertParts | null {
  const match = INSERT_VALUES.exec(sql);
  if (!match) return null;
  const [, prefix = '', row = '', suffix = ''] = match;
  if (ANY_PLACEHOLDER.test(prefix) || ANY_PLACEHOLDER.test(suffix)) return null;
  return { prefix, row, suffix };
}

// Anchored, V8 runs this about twice as fast as a search for one non-ASCII unit.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at NUL on purpose.
const ALL_ASCII = /^[\x00-\x7f]*$/;

/** UTF-8 length of a string without encoding it (a lone surrogate counts as U+FFFD's 3 bytes). */
function utf8Length(text: string): number {
  // Most tuples are ASCII: one native regex scan is far cheaper than a loop over every unit.
  if (ALL_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else {
      bytes += 2;
      const next = text.charCodeAt(index + 1);
      // A surrogate pair is 2 units and 4 bytes: the low half adds nothing more.
      if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) index += 1;
    }
  }
  return bytes;
}

/** Tuples joined at a time: few enough to be joined and measured while they are still in cache. */
const TUPLES_PER_RUN = 64;

/**
 * The multi-row statements for `rows`, each at most `maxBytes` long in UTF-8 (a single row
 * longer than that still goes alone, and the server decides).
 */
export function buildMultiRowInserts(
  parts: InsertParts,
  rows: readonly StatementParams[],
  interpolate: ParameterInterpolator,
  maxBytes: number = DEFAULT_MAX_STATEMENT_BYTES,
): string[] {
  const fixedBytes = utf8Length(parts.prefix + parts.suffix);
  const statements: string[] = [];
  // What the statement being built holds: comma-joined runs of tuples, or single tuples.
  let pieces: string[] = [];
  let bytes = fixedBytes;
  const finish = (): void => {
    statements.push(parts.prefix + pieces.join(',') + parts.suffix);
    pieces = [];
    bytes = fixedBytes;
  };
  const addTuple = (tuple: string): void => {
    const tupleBytes = utf8Length(tuple);
    // The 1 is the comma before every tuple but the first.
    if (pieces.length > 0 && bytes + 1 + tupleBytes > maxBytes) finish();
    bytes += tupleBytes + (pieces.length > 0 ? 1 : 0);
    pieces.push(tuple);
  };
  // A run that fits is what adding its tuples one by one would give; one that does not is split
  // tuple by tuple, so every statement is as full as before.
  const addRun = (tuples: readonly string[]): void => {
    const run = tuples.join(',');
    const runBytes = utf8Length(run) + (pieces.length > 0 ? 1 : 0);
    if (bytes + runBytes > maxBytes) {
      for (const tuple of tuples) addTuple(tuple);
      return;
    }
    bytes += runBytes;
    pieces.push(run);
  };
  const pending: string[] = [];
  for (const row of rows) {
    pending.push(interpolate(parts.row, row));
    if (pending.length === TUPLES_PER_RUN) {
      addRun(pending);
      pending.length = 0;
    }
  }
  if (pending.length > 0) addRun(pending);
  if (pieces.length > 0) finish();
  return statements;
}

/**
 * The multi-row statements for `rows` when `sql` is an INSERT/REPLACE that
 * `parseInsertValues` takes apart; undefined when it runs once per row.
 */
export function multiRowInserts(
  sql: string,
  rows: readonly StatementParams[],
  interpolate: ParameterInterpolator,
  maxBytes: number | undefined,
): string[] | undefined {
  const parts = parseInsertValues(sql);
  return parts ? buildMultiRowInserts(parts, rows, interpolate, maxBytes) : undefined;
}
