import type { StatementCache } from './statement-cache.js';

/**
 * Whitespace, comments, and the opening of an executable comment (`/*!50700`, MariaDB's
 * `/*M!`), whose content is SQL.
 */
const SKIPPED = String.raw`(?:\s+|(?:--(?=\s)|#)[^\n]*|/\*(?!M?!)[\s\S]*?\*/|/\*M?!\d*)`;
const LEADING_USE = new RegExp(String.raw`^${SKIPPED}*use\b`, 'i');
/** A USE after a `;` (one inside a literal only costs a needless invalidation). */
const LATER_USE = new RegExp(String.raw`;${SKIPPED}*use\b`, 'i');

/**
 * Whether a text statement may change the current database: its first keyword is USE, or,
 * with `multiStatements`, the first keyword after any `;` is.
 */
export function mayChangeDatabase(sql: string, multiStatements: boolean): boolean {
  return LEADING_USE.test(sql) || (multiStatements && LATER_USE.test(sql));
}

/**
 * Closes the cached statements ahead of a text statement that may change the current
 * database: the server resolves a statement's unqualified names when it prepares it, so one
 * prepared before `USE other` would go on reading the old database. The client does not
 * negotiate CLIENT_SESSION_TRACK, so the statement's text is the only sign of a change. Costs
 * one comparison while nothing is cached.
 */
export function invalidateBeforeUse(
  cache: StatementCache,
  sql: string,
  multiStatements: boolean,
): void {
  if (cache.size > 0 && mayChangeDatabase(sql, multiStatements)) cache.invalidate();
}
