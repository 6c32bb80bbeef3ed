import { bindPlaceholders, type SqlParams } from './bind-placeholders.js';
import { type EscapeOptions, escapeNumber, escapeValue, formatDateParameter } from './escape.js';
import { interpolate } from './interpolate.js';
import { scanPlaceholders } from './scan-placeholders.js';

/** The `sql` and `args` fields of a Data API request body. */
export interface DataApiStatement {
  sql: string;
  /** Present only when parameters were given; bigints stay bigints (serialise losslessly). */
  args?: unknown[];
}

function isInlined(value: unknown): boolean {
  return Array.isArray(value) || ArrayBuffer.isView(value) || value instanceof ArrayBuffer;
}

function argValue(value: unknown, options: EscapeOptions): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') {
    // Same rule as the wire client: NaN/±Inf throw unless the *AsNull options are on.
    return escapeNumber(value, options) === 'NULL' ? null : value;
  }
  if (value instanceof Date) return formatDateParameter(value);
  if (typeof value === 'object') {
    const prototype = Object.getPrototypeOf(value);
    if (prototype === Object.prototype || prototype === null) return value;
    return String(value);
  }
  return value;
}

/**
 * Turns SQL and parameters into the Data API's `{ sql, args }`: every placeholder becomes `?`
 * with its value in `args` (named parameters in placeholder order, repeats repeated). Values
 * the Data API cannot carry as JSON are inlined as literals instead: arrays as `(a,b,…)` lists,
 * bytes and typed arrays (vectors) as `X'…'`. SQL that has a `?` inside a literal or comment
 * is interpolated entirely on the client, because the server would count that `?` too.
 */
export function toDataApiStatement(
  sql: string,
  params: SqlParams | undefined,
  options: EscapeOptions = {},
): DataApiStatement {
  if (params === undefined) return { sql };
  const scanned = scanPlaceholders(sql, !options.noBackslashEscapes);
  if (scanned.hasQuotedQuestionMark) return { sql: interpolate(sql, params, options), args: [] };
  const values = bindPlaceholders(scanned.placeholders, params);
  const args: unknown[] = [];
  let text = '';
  let position = 0;
  scanned.placeholders.forEach((placeholder, index) => {
    const value = values[index];
    text += sql.slice(position, placeholder.start);
    if (isInlined(value)) {
      text += escapeValue(value, options);
    } else {
      text += '?';
      args.push(argValue(value, options));
    }
    position = placeholder.end;
  });
  return { sql: text + sql.slice(position), args };
}
