/** The Data API endpoint a statement goes to. */
export type StatementRoute = 'query' | 'exec';

const ROW_KEYWORDS = new Set([
  'SELECT',
  'SHOW',
  'CALL',
  'ECHO',
  'DESC',
  'DESCRIBE',
  'EXPLAIN',
  'WITH',
  'VALUES',
  'TABLE',
  'PROFILE',
]);
/** After `WITH …`, the first of these outside parentheses is the statement's real verb. */
const WITH_VERBS = new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'REPLACE', 'VALUES', 'TABLE']);
const WORD = /[A-Za-z_][A-Za-z0-9_$]*/y;

/** Skips whitespace, comments and quoted text from `start`; returns the next position. */
function skipTrivia(sql: string, start: number): number {
  let position = start;
  while (position < sql.length) {
    const char = sql[position] ?? '';
    const next = sql[position + 1] ?? '';
    if (/\s/.test(char)) {
      position++;
    } else if (
      char === '#' ||
      (char === '-' && next === '-' && /[\s]|^$/.test(sql[position + 2] ?? ''))
    ) {
      const end = sql.indexOf('\n', position);
      position = end < 0 ? sql.length : end + 1;
    } else if (char === '/' && next === '*') {
      const end = sql.indexOf('*/', position + 2);
      position = end < 0 ? sql.length : end + 2;
    } else {
      return position;
    }
  }
  return position;
}

function skipQuoted(sql: string, start: number): number {
  const quote = sql[start];
  let position = start + 1;
  while (position < sql.length) {
    const char = sql[position];
    if (char === '\\' && quote !== '`') {
      position += 2;
    } else if (char === quote) {
      if (sql[position + 1] === quote) position += 2;
      else return position + 1;
    } else {
      position++;
    }
  }
  return position;
}

function wordAt(sql: string, position: number): string | undefined {
  WORD.lastIndex = position;
  return WORD.exec(sql)?.[0]?.toUpperCase();
}

/** The verb of a `WITH` statement: the first top-level verb after the common table expressions. */
function verbAfterWith(sql: string, start: number): string | undefined {
  let depth = 0;
  let position = start;
  while (position < sql.length) {
    position = skipTrivia(sql, position);
    const char = sql[position] ?? '';
    if (char === "'" || char === '"' || char === '`') {
      position = skipQuoted(sql, position);
    } else if (char === '(') {
      depth++;
      position++;
    } else if (char === ')') {
      depth--;
      position++;
    } else if (/[A-Za-z_]/.test(char)) {
      const word = wordAt(sql, position) ?? '';
      if (depth === 0 && WITH_VERBS.has(word)) return word;
      position += word.length;
    } else {
      position++;
    }
  }
  return undefined;
}

/**
 * Chooses the Data API endpoint for a statement: `query` (`/query/tuples`) for statements that
 * return rows, `exec` otherwise. Unlike the Python SDK's regex it skips leading whitespace,
 * `--`/`#`/`/* *\/` comments and opening parentheses, and knows SELECT, SHOW, CALL, ECHO,
 * DESC/DESCRIBE, EXPLAIN, VALUES, TABLE, PROFILE and WITH (a `WITH … INSERT/UPDATE/DELETE` is
 * exec). `SELECT … INTO` still goes to `query`, which answers it with no result set.
 */
export function routeStatement(sql: string): StatementRoute {
  let position = skipTrivia(sql, 0);
  while (sql[position] === '(') position = skipTrivia(sql, position + 1);
  const word = wordAt(sql, position);
  if (word === undefined || !ROW_KEYWORDS.has(word)) return 'exec';
  if (word !== 'WITH') return 'query';
  const verb = verbAfterWith(sql, position + word.length);
  return verb === undefined || verb === 'SELECT' || verb === 'VALUES' || verb === 'TABLE'
    ? 'query'
    : 'exec';
}
