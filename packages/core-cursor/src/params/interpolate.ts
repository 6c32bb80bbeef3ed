import { bindPlaceholders, type SqlParams } from './bind-placeholders.js';
import { type EscapeOptions, escapeValue } from './escape.js';
import { type Placeholder, scanPlaceholders } from './scan-placeholders.js';

/** The last statement scanned: `executeMany` and loops interpolate the same SQL again and again. */
let lastScan: { sql: string; backslashEscapes: boolean; placeholders: readonly Placeholder[] } = {
  sql: '',
  backslashEscapes: true,
  placeholders: [],
};

function placeholdersOf(sql: string, backslashEscapes: boolean): readonly Placeholder[] {
  if (lastScan.sql !== sql || lastScan.backslashEscapes !== backslashEscapes) {
    const { placeholders } = scanPlaceholders(sql, backslashEscapes);
    lastScan = { sql, backslashEscapes, placeholders };
  }
  return lastScan.placeholders;
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
  const placeholders = placeholdersOf(sql, !options.noBackslashEscapes);
  const values = bindPlaceholders(placeholders, params);
  let out = '';
  let position = 0;
  placeholders.forEach((placeholder, index) => {
    out += sql.slice(position, placeholder.start) + escapeValue(values[index], options);
    position = placeholder.end;
  });
  return out + sql.slice(position);
}

/** A function that interpolates with fixed escaping options, for a connection to hold. */
export type Interpolator = (sql: string, params: SqlParams) => string;

/** Binds escaping options (NO_BACKSLASH_ESCAPES, nanAsNull, infAsNull) into an interpolator. */
export function createInterpolator(options: EscapeOptions = {}): Interpolator {
  return (sql, params) => interpolate(sql, params, options);
}
