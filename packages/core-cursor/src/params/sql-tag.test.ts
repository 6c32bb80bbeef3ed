import { describe, expect, it } from 'vitest';
import { ProgrammingError } from '../errors/index.js';
import { interpolate } from './interpolate.js';
import { SqlStatement, sql, statementParts } from './sql-tag.js';

describe('sql tag', () => {
  it('turns every value into a placeholder', () => {
    const name = "x'); DROP TABLE t; --";
    const statement = sql`SELECT * FROM t WHERE name = ${name} AND id IN ${[1, 2]}`;
    expect(statement.sql).toBe('SELECT * FROM t WHERE name = ? AND id IN ?');
    expect(statement.params).toEqual([name, [1, 2]]);
    expect(interpolate(statement.sql, statement.params)).toBe(
      "SELECT * FROM t WHERE name = 'x\\'); DROP TABLE t; --' AND id IN (1,2)",
    );
  });

  it('nests statements and quotes identifiers', () => {
    const where = sql`id = ${7}`;
    const statement = sql`SELECT * FROM ${sql.identifier('db', 'we`ird')} WHERE ${where} AND x = ${'y'}`;
    expect(statement.sql).toBe('SELECT * FROM `db`.`we``ird` WHERE id = ? AND x = ?');
    expect(statement.params).toEqual([7, 'y']);
  });

  it('joins values and statements', () => {
    expect(sql`INSERT INTO t VALUES (${sql.join([1, 'a', sql`NOW()`])})`).toMatchObject({
      sql: 'INSERT INTO t VALUES (?, ?, NOW())',
      params: [1, 'a'],
    });
    expect(sql.join([]).sql).toBe('');
  });

  it('refuses placeholders written into the template text', () => {
    expect(() => sql`SELECT ?, ${1}`).toThrow(ProgrammingError);
    expect(() => sql`SELECT :a, ${1}`).toThrow(ProgrammingError);
    expect(sql`SELECT '?', ${1}`.params).toEqual([1]);
  });

  it('rejects empty identifiers and is frozen', () => {
    expect(() => sql.identifier('')).toThrow(ProgrammingError);
    expect(Object.isFrozen(sql`SELECT 1`)).toBe(true);
  });

  it('statementParts accepts a statement or text with params', () => {
    const statement = sql`SELECT ${1}`;
    expect(statement).toBeInstanceOf(SqlStatement);
    expect(statementParts(statement)).toEqual({ sql: 'SELECT ?', params: [1] });
    expect(statementParts('SELECT ?', [2])).toEqual({ sql: 'SELECT ?', params: [2] });
  });
});
