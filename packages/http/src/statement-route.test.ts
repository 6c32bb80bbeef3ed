import { describe, expect, it } from 'vitest';
import { routeStatement } from './statement-route.js';

describe('routeStatement', () => {
  it.each([
    'SELECT 1',
    '  select\n1',
    '(SELECT 1) UNION (SELECT 2)',
    '((select 1))',
    '-- a comment\nSELECT 1',
    '# hash comment\n select 1',
    '/* block */ /*+ hint */ SELECT 1',
    'EXPLAIN SELECT 1',
    'explain update t set a = 1',
    'DESC t',
    'describe t',
    'SHOW TABLES',
    'CALL p()',
    'ECHO SELECT 1',
    'WITH x AS (SELECT 1) SELECT * FROM x',
    'WITH RECURSIVE x (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x) SELECT n FROM x',
    'VALUES ROW(1, 2)',
    'TABLE t',
  ])('sends %j to /query/tuples', (sql) => {
    expect(routeStatement(sql)).toBe('query');
  });

  it.each([
    'INSERT INTO t VALUES (1)',
    'UPDATE t SET a = 1',
    'delete from t',
    'CREATE TABLE selection (a INT)',
    'SET @a = 1',
    'selectx',
    "-- SELECT in a comment\nINSERT INTO t VALUES ('SELECT')",
    '/* SELECT */ DELETE FROM t',
    'WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x',
    "WITH x AS (SELECT ')') DELETE FROM t WHERE a IN (SELECT * FROM x)",
    'with x as (select 1) update t, x set t.a = 1',
    '',
    '   ',
  ])('sends %j to /exec', (sql) => {
    expect(routeStatement(sql)).toBe('exec');
  });
});
