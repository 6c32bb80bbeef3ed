import { NotSupportedError } from '@s2/core-cursor';
import { describe, expect, it } from 'vitest';
import { assertSupportedOverHttp } from './unsupported-statements.js';

describe('assertSupportedOverHttp', () => {
  it.each([
    ["LOAD DATA LOCAL INFILE 'x.csv' INTO TABLE t", /LOCAL INFILE/],
    ['begin', /Transactions/],
    ['/* c */ START TRANSACTION', /Transactions/],
    ['USE other', /database option/],
    ['SET @a = 1', /Session variables/],
    ['SET SESSION sql_mode = ""', /Session variables/],
    ['CREATE TEMPORARY TABLE t (a INT)', /Session state/],
  ])('refuses %j with a reason', (sql, reason) => {
    expect(() => assertSupportedOverHttp(sql)).toThrow(NotSupportedError);
    expect(() => assertSupportedOverHttp(sql)).toThrow(reason);
  });

  it.each([
    'SELECT 1',
    "SELECT 'BEGIN'",
    'SET GLOBAL http_api = 1',
    'COMMIT',
    'LOAD DATA INFILE "/srv/x.csv" INTO TABLE t',
    'CREATE TABLE useful (a INT)',
  ])('lets %j through', (sql) => {
    expect(() => assertSupportedOverHttp(sql)).not.toThrow();
  });
});
