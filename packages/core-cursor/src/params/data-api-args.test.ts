import { describe, expect, it } from 'vitest';
import { ProgrammingError } from '../errors/index.js';
import { toDataApiStatement } from './data-api-args.js';

describe('toDataApiStatement', () => {
  it('omits args without params', () => {
    expect(toDataApiStatement('SELECT 1', undefined)).toEqual({ sql: 'SELECT 1' });
  });

  it('keeps ? placeholders with JSON args', () => {
    expect(toDataApiStatement('SELECT ?, ?, ?', [1, 'a', null])).toEqual({
      sql: 'SELECT ?, ?, ?',
      args: [1, 'a', null],
    });
  });

  it('rewrites :name to ? in placeholder order, repeating names', () => {
    expect(toDataApiStatement('SELECT :x, :y, :x', { x: 1, y: 2 })).toEqual({
      sql: 'SELECT ?, ?, ?',
      args: [1, 2, 1],
    });
  });

  it('converts dates, keeps bigints, JSON objects and strings others', () => {
    const statement = toDataApiStatement('SELECT ?, ?, ?, ?', [
      new Date(Date.UTC(2024, 4, 6, 7, 8, 9)),
      2n ** 63n,
      { a: [1] },
      undefined,
    ]);
    expect(statement.args).toEqual(['2024-05-06 07:08:09', 2n ** 63n, { a: [1] }, null]);
  });

  it('inlines bytes, vectors and lists into the SQL', () => {
    expect(
      toDataApiStatement('INSERT INTO t VALUES (?, ?, ?) WHERE id IN ?', [
        new Uint8Array([1, 2]),
        new Float32Array([1]),
        'x',
        [1, 2],
      ]),
    ).toEqual({
      sql: "INSERT INTO t VALUES (X'0102', X'0000803f', ?) WHERE id IN (1,2)",
      args: ['x'],
    });
  });

  it('interpolates everything on the client when a ? sits inside a literal', () => {
    expect(toDataApiStatement("SELECT '?', ?", [1])).toEqual({ sql: "SELECT '?', 1", args: [] });
  });

  it('applies the same NaN/Inf rule as the wire client', () => {
    expect(() => toDataApiStatement('SELECT ?', [NaN])).toThrow(ProgrammingError);
    expect(() => toDataApiStatement('SELECT ?', [-Infinity])).toThrow(ProgrammingError);
    expect(
      toDataApiStatement('SELECT ?, ?', [NaN, -Infinity], { nanAsNull: true, infAsNull: true })
        .args,
    ).toEqual([null, null]);
  });

  it('checks the parameter count', () => {
    expect(() => toDataApiStatement('SELECT ?', [])).toThrow(ProgrammingError);
  });
});
