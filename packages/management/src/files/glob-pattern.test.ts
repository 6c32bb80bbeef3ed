import { describe, expect, it } from 'vitest';
import { matchesAny } from './glob-pattern.js';

describe('matchesAny', () => {
  it('matches base names for slash-free patterns and whole paths otherwise', () => {
    expect(matchesAny('a/b/c.log', ['*.log'])).toBe(true);
    expect(matchesAny('a/b/c.txt', ['*.log'])).toBe(false);
    expect(matchesAny('a/b/c.txt', ['a/*.txt'])).toBe(false);
    expect(matchesAny('a/b/c.txt', ['a/**/*.txt'])).toBe(true);
    expect(matchesAny('node_modules/x/y.js', ['node_modules/**'])).toBe(true);
    expect(matchesAny('file.1', ['file.?'])).toBe(true);
  });
});
