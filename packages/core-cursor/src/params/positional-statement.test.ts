import { describe, expect, it } from 'vitest';
import { ProgrammingError } from '../errors/index.js';
import { toPositionalStatement } from './positional-statement.js';

describe('toPositionalStatement', () => {
  it('keeps ? SQL as written and the array in order', () => {
    expect(toPositionalStatement('SELECT ?, ?', [1, 'a'])).toEqual({
      sql: 'SELECT ?, ?',
      values: [1, 'a'],
    });
  });

  it('rewrites :name placeholders to ? with repeated names repeated', () => {
    expect(
      toPositionalStatement("SELECT :a, ':b', :b, :a::JSON -- :c\n", { a: 1, b: 2, c: 3 }),
    ).toEqual({ sql: "SELECT ?, ':b', ?, ?::JSON -- :c\n", values: [1, 2, 1] });
  });

  it('reads a backslash as a plain character under NO_BACKSLASH_ESCAPES', () => {
    expect(toPositionalStatement("SELECT 'a\\', :x", { x: 5 }, false)).toEqual({
      sql: "SELECT 'a\\', ?",
      values: [5],
    });
  });

  it('refuses parameters that do not fit the placeholders', () => {
    expect(() => toPositionalStatement('SELECT ?', [])).toThrow(ProgrammingError);
    expect(() => toPositionalStatement('SELECT :a', { b: 1 })).toThrow(ProgrammingError);
    expect(() => toPositionalStatement('SELECT ?, :a', { a: 1 })).toThrow(ProgrammingError);
  });
});
