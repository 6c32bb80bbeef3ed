import { describe, expect, it } from 'vitest';
import { indentSource } from './indent-source.js';

describe('indentSource', () => {
  it('indents one level per line that opens brackets, whatever their count', () => {
    const source = [
      'const a = z.object({',
      'b: z.string(),',
      '}).transform((value) => ({',
      'c: 1,',
      '}));',
    ].join('\n');
    expect(indentSource(source)).toBe(
      [
        'const a = z.object({',
        '  b: z.string(),',
        '}).transform((value) => ({',
        '  c: 1,',
        '}));',
      ].join('\n'),
    );
  });

  it('keeps blank lines empty and nests levels', () => {
    expect(indentSource('a({\nb: [\n1,\n],\n\n});')).toBe('a({\n  b: [\n    1,\n  ],\n\n});');
  });
});
