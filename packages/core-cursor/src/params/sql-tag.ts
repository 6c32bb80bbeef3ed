import { ProgrammingError } from '../errors/index.js';
import type { SqlParams } from './bind-placeholders.js';
import { scanPlaceholders } from './scan-placeholders.js';

const FRAGMENT = Symbol.for('@s2/sql-fragment');

/**
 * A statement built with the `sql` tag: SQL text with `?` placeholders and the values that go
 * with them. Pass it as `execute(statement.sql, statement.params)`.
 */
export class SqlStatement {
  readonly [FRAGMENT] = true;
  readonly sql: string;
  readonly params: readonly unknown[];

  constructor(sql: string, params: readonly unknown[]) {
    this.sql = sql;
    this.params = params;
    Object.freeze(this);
  }
}

function isStatement(value: unknown): value is SqlStatement {
  return typeof value === 'object' && value !== null && FRAGMENT in value;
}

function build(strings: readonly string[], values: readonly unknown[]): SqlStatement {
  let text = strings[0] ?? '';
  const params: unknown[] = [];
  values.forEach((value, index) => {
    if (isStatement(value)) {
      text += value.sql;
      params.push(...value.params);
    } else {
      text += '?';
      params.push(value);
    }
    text += strings[index + 1] ?? '';
  });
  const scanned = scanPlaceholders(text);
  if (scanned.placeholders.length !== params.length) {
    throw new ProgrammingError(
      'The sql template contains a ? or :name of its own outside quotes; write it inside a ' +
        'string literal or pass it as a value',
    );
  }
  return new SqlStatement(text, params);
}

/** Quotes an identifier with backticks, doubling any backtick inside it. */
function identifier(...parts: string[]): SqlStatement {
  if (parts.length === 0 || parts.some((part) => part === '')) {
    throw new ProgrammingError('An identifier cannot be empty');
  }
  return new SqlStatement(parts.map((part) => `\`${part.replaceAll('`', '``')}\``).join('.'), []);
}

/** Joins values or statements with a separator (default `, `), each value as a placeholder. */
function join(items: readonly unknown[], separator = ', '): SqlStatement {
  const strings = ['', ...items.slice(1).map(() => separator), ''];
  if (items.length === 0) return new SqlStatement('', []);
  return build(strings.slice(0, items.length + 1), items);
}

interface SqlTag {
  (strings: TemplateStringsArray, ...values: unknown[]): SqlStatement;
  /** A backtick-quoted identifier; several parts are joined with `.` (db.table). */
  identifier: typeof identifier;
  /** Values or statements joined by a separator. */
  join: typeof join;
}

/**
 * Tagged template that keeps values out of the SQL text: every `${value}` becomes a `?`
 * placeholder with the value in `params`, so no value can change the statement's structure.
 * Statements nest: `${sql`…`}` inserts their text and values. Identifiers go through
 * `sql.identifier(name)`.
 *
 * @example const q = sql`SELECT * FROM ${sql.identifier('t')} WHERE id = ${id}`;
 *   await cursor.execute(q.sql, q.params);
 */
export const sql: SqlTag = Object.assign(
  (strings: TemplateStringsArray, ...values: unknown[]) => build(strings, values),
  { identifier, join },
);

/** Narrowing helper for code that accepts either a statement or SQL text with parameters. */
export function statementParts(
  statement: SqlStatement | string,
  params?: SqlParams,
): { sql: string; params: SqlParams | undefined } {
  if (isStatement(statement)) return { sql: statement.sql, params: statement.params };
  return { sql: statement, params };
}
