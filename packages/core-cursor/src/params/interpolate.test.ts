import { describe, expect, it } from 'vitest';
import { ProgrammingError } from '../errors/index.js';
import { createInterpolator, interpolate } from './interpolate.js';
import { scanPlaceholders } from './scan-placeholders.js';

describe('interpolate', () => {
  it('fills ? from an array and :name from an object', () => {
    expect(interpolate('SELECT * FROM t WHERE id IN ? AND n = ?', [[1, 2], "O'Neil"])).toBe(
      "SELECT * FROM t WHERE id IN (1,2) AND n = 'O\\'Neil'",
    );
    expect(interpolate('SELECT :a, :b, :a', { a: 1, b: 'x', unused: 3 })).toBe("SELECT 1, 'x', 1");
  });

  it('leaves placeholders inside quotes, identifiers and comments alone', () => {
    expect(interpolate("SELECT '?', `:a`, ? -- ?\n", [5])).toBe("SELECT '?', `:a`, 5 -- ?\n");
  });

  it('sends SQL untouched without params; % is never special', () => {
    expect(interpolate("SELECT '%s', ?, 100%", undefined)).toBe("SELECT '%s', ?, 100%");
    expect(interpolate('SELECT 100%, ?', [1])).toBe('SELECT 100%, 1');
  });

  it.each([
    ['SELECT ?, ?', [1], /2 \? placeholder\(s\) but 1 parameter/],
    ['SELECT ?', [1, 2], /1 \? placeholder\(s\) but 2 parameter/],
    ['SELECT 1', [1], /0 \? placeholder/],
    ['SELECT :a', { b: 1 }, /No value was given for the placeholder :a/],
    ['SELECT :a', [1], /need \? placeholders/],
    ['SELECT ?', { a: 1 }, /need :name placeholders/],
    ['SELECT ?, :a', [1, 2], /cannot mix/],
  ] as const)('%s with %j is a ProgrammingError', (sql, params, message) => {
    expect(() => interpolate(sql, params)).toThrow(ProgrammingError);
    expect(() => interpolate(sql, params)).toThrow(message);
  });

  it('accepts an empty array when there are no placeholders', () => {
    expect(interpolate('SELECT 1', [])).toBe('SELECT 1');
  });

  it('no value can add a placeholder or end its literal', () => {
    const hostile = ["'; DROP TABLE t; -- ?", '\\', "\\'", '?', ':a', '`', '/*', "'' OR 1=1"];
    for (const noBackslashEscapes of [false, true]) {
      for (const value of hostile) {
        const out = interpolate('SELECT ?, ?', [value, value], { noBackslashEscapes });
        expect(scanPlaceholders(out, !noBackslashEscapes).placeholders).toEqual([]);
        expect(out.endsWith("'")).toBe(true);
      }
    }
  });

  it('keeps statements and escaping modes apart when they alternate', () => {
    const first = 'SELECT ?, ?';
    const second = "SELECT '?', :a, ?";
    for (let round = 0; round < 3; round++) {
      expect(interpolate(first, [1, "a'b"])).toBe("SELECT 1, 'a\\'b'");
      expect(interpolate(first, [1, "a'b"], { noBackslashEscapes: true })).toBe("SELECT 1, 'a''b'");
      expect(() => interpolate(second, [1, 2])).toThrow(/cannot mix/);
      expect(interpolate('SELECT :a, :a', { a: 2 })).toBe('SELECT 2, 2');
    }
  });

  it('binds arrays without changing them', () => {
    const params = Object.freeze([1, 'x']);
    expect(interpolate('SELECT ?, ?', params)).toBe("SELECT 1, 'x'");
    expect(params).toEqual([1, 'x']);
  });

  it('createInterpolator binds the escaping options', () => {
    const interpolateNulls = createInterpolator({ nanAsNull: true, noBackslashEscapes: true });
    expect(interpolateNulls('SELECT ?, ?', [NaN, "a'b"])).toBe("SELECT NULL, 'a''b'");
  });
});
