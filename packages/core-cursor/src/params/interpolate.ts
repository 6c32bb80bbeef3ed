import { bindPlaceholders, type SqlParams } from './bind-placeholders.js';
import { type EscapeOptions, escapeValue } from './escape.js';
import { type Placeholder, scanPlaceholders } from './scan-placeholders.js';

/** A statement taken apart once, to be filled again and again. */
interface ScannedStatement {
  readonly sql: string;
  readonly backslashEscapes: boolean;
  readonly placeholders: readonly Placeholder[];
  /** The SQL between placeholders: one more piece than there are placeholders. */
  readonly pieces: readonly string[];
  /** Every placeholder is `?`, so an array of the right length binds as it is. */
  readonly positionalOnly: boolean;
}

function scanStatement(sql: string, backslashEscapes: boolean): ScannedStatement {
  const { placeholders } = scanPlaceholders(sql, backslashEscapes);
  const pieces: string[] = [];
  let position = 0;
  for (const placeholder of placeholders) {
    pieces.push(sql.slice(position, placeholder.start));
    position = placeholder.end;
  }
  pieces.push(sql.slice(position));
  const positionalOnly = placeholders.every((placeholder) => placeholder.kind === 'positional');
  return { sql, backslashEscapes, placeholders, pieces, positionalOnly };
}

/** The last statement scanned: `executeMany` and loops interpolate the same SQL again and again. */
let lastScan = scanStatement('', true);

function scanned(sql: string, backslashEscapes: boolean): ScannedStatement {
  if (lastScan.sql !== sql || lastScan.backslashEscapes !== backslashEscapes) {
    lastScan = scanStatement(sql, backslashEscapes);
  }
  return lastScan;
}

/**
 * Inlines parameters into SQL as escaped literals (client-side interpolation). With
 * `params` undefined the SQL is returned untouched; `%` is never special.
 *
 * @example interpolate('SELECT * FROM t WHERE id IN ? AND name = ?', [[1, 2], "O'Neil"])
 *   // SELECT * FROM t WHERE id IN (1,2) AND name = 'O\'Neil'
 */
export function interpolate(
  sql: string,
  params: SqlParams | undefined,
  options: EscapeOptions = {},
): string {
  if (params === undefined) return sql;
  const statement = scanned(sql, !options.noBackslashEscapes);
  const { pieces } = statement;
  // An array that fits `?` placeholders is its own binding; bindPlaceholders would copy it, and
  // it still checks (and explains) every other case.
  const values: readonly unknown[] =
    statement.positionalOnly && Array.isArray(params) && params.length === pieces.length - 1
      ? params
      : bindPlaceholders(statement.placeholders, params);
  let out = pieces[0] as string;
  for (let index = 0; index < values.length; index += 1) {
    out += escapeValue(values[index], options) + (pieces[index + 1] as string);
  }
  return out;
}

/** A function that interpolates with fixed escaping options, for a connection to hold. */
export type Interpolator = (sql: string, params: SqlParams) => string;

/** Binds escaping options (NO_BACKSLASH_ESCAPES, nanAsNull, infAsNull) into an interpolator. */
export function createInterpolator(options: EscapeOptions = {}): Interpolator {
  return (sql, params) => interpolate(sql, params, options);
}
