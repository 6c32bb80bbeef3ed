import { describe, expect, it } from 'vitest';
import { scanPlaceholders } from './scan-placeholders.js';

const names = (sql: string, backslashEscapes = true) =>
  scanPlaceholders(sql, backslashEscapes).placeholders.map((p) => p.name ?? '?');

describe('scanPlaceholders', () => {
  it('finds ? and :name with their offsets', () => {
    const { placeholders } = scanPlaceholders('SELECT ?, :id_2 FROM t');
    expect(placeholders).toEqual([
      { kind: 'positional', start: 7, end: 8 },
      { kind: 'named', name: 'id_2', start: 10, end: 15 },
    ]);
  });

  it.each([
    ["SELECT '?', ?", ['?']],
    ['SELECT "?", ?', ['?']],
    ['SELECT `a?b`, ?', ['?']],
    ["SELECT 'it''s ?', ?", ['?']],
    ["SELECT 'a\\'?', ?", ['?']],
    ['SELECT ? -- what?\n, ?', ['?', '?']],
    ['SELECT ? # what?\n, ?', ['?', '?']],
    ['SELECT ? /* :x ? */, ?', ['?', '?']],
    ['SELECT 1--?', ['?']],
    ["SELECT ':nope', :yes", ['yes']],
    ['SELECT j::key, j::$k, x :> INT, @a := 1, :p', ['p']],
    ['SELECT a:b', []],
    ['SELECT :1', []],
    ['SELECT "unterminated ?', []],
    ['SELECT 1 /* unterminated ?', []],
  ])('%s', (sql, expected) => {
    expect(names(sql)).toEqual(expected);
  });

  it('treats a backslash as ordinary text under NO_BACKSLASH_ESCAPES', () => {
    // With backslash escapes the quote after \ is escaped and the literal runs on.
    expect(names("SELECT 'a\\', ?, 'b'", true)).toEqual([]);
    expect(names("SELECT 'a\\', ?, 'b'", false)).toEqual(['?']);
  });

  it('reports a ? hidden in a literal or comment', () => {
    expect(scanPlaceholders("SELECT '?'").hasQuotedQuestionMark).toBe(true);
    expect(scanPlaceholders('SELECT 1 -- ?').hasQuotedQuestionMark).toBe(true);
    expect(scanPlaceholders("SELECT ?, 'x'").hasQuotedQuestionMark).toBe(false);
  });
});
