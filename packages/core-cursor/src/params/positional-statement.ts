import { bindPlaceholders, type SqlParams } from './bind-placeholders.js';
import { scanPlaceholders } from './scan-placeholders.js';

/** A statement with `?` placeholders only, and one value per placeholder in order. */
export interface PositionalStatement {
  readonly sql: string;
  readonly values: unknown[];
}

/**
 * Rewrites `:name` placeholders to `?` and lists the values in placeholder order (a name may
 * repeat), for servers that bind parameters by position (a prepared statement). `?` SQL with an
 * array is returned as written. The parameters must fit the placeholders exactly, as for
 * interpolation; a mismatch is a ProgrammingError.
 *
 * @param backslashEscapes false when the session has NO_BACKSLASH_ESCAPES (see `scanPlaceholders`).
 */
export function toPositionalStatement(
  sql: string,
  params: SqlParams,
  backslashEscapes = true,
): PositionalStatement {
  const { placeholders } = scanPlaceholders(sql, backslashEscapes);
  const values = bindPlaceholders(placeholders, params);
  if (Array.isArray(params)) return { sql, values };
  let text = '';
  let position = 0;
  for (const placeholder of placeholders) {
    text += `${sql.slice(position, placeholder.start)}?`;
    position = placeholder.end;
  }
  return { sql: text + sql.slice(position), values };
}
