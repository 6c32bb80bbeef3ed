import { parseJsonLossless } from '@s2/core-cursor';
import { describe, expect, it } from 'vitest';
import { parseJsonExactIntegers } from './exact-json-parse.js';

/** Texts whose integers are all safe: `JSON.parse` alone must give the tokenizer's values. */
const SAFE_TEXTS = [
  '[1,-2,0,9007199254740991,-9007199254740991,1234567890123456]',
  '[0.12345678901234567,-0.1234567890123456789,1.2345678901234567e+300,12345678901234567e-3]',
  '[1e21,-1E+22,2.5e-10,123456789012345678.5]',
  '["12345678901234567890","-9223372036854775808","a 18446744073709551615 b"]',
  '{"k\\"12345678901234567890":"x\\\\","v":[12,"\\"12345678901234567890\\""]}',
  '{"results":[{"rows":[[1,"2024-02-29 12:34:56.123456",3.141592653589793,null,true,false]]}]}',
];

/** Texts with integers beyond 2^53 outside strings: those must become exact bigints. */
const UNSAFE_TEXTS = [
  '[18446744073709551615,-9223372036854775808,9007199254740993,-9007199254740993]',
  '{"a":\n-12345678901234567890 , "b" : [ 12345678901234567890 ]}',
  '["a\\"b",18446744073709551615,"c\\\\",9223372036854775807,"12345678901234567890"]',
  '["x\\" 12345678901234567890 \\"",12345678901234567890,0.12345678901234567]',
  '[1.5,12345678901234567890,1e400,-0.0000000000000001,"\\u0002"]',
  '["\\u0001123",12345678901234567890]',
  '[1e20,100000000000000000000,12345678901234567.5,-1.5e300,{"x":[9007199254740993]}]',
  '12345678901234567890',
  '[[1,2.5,-3],[9007199254740993,1],[1,"x",18446744073709551615],[[12345678901234567890]],[]]',
];

/** Texts where a literal's leading digits also occur elsewhere: in strings, keys, other numbers. */
const DECOY_TEXTS = [
  '{"results":[{"rows":[["12345678901234567890",-12345678901234567890,12345678901234567890]]}]}',
  '[123456789012345678901,12345678901234567890,"x:12345678901234567890",12345678901234567891]',
  '[{"12345678901234567890":1},0.12345678901234567890,12345678901234567890e0,12345678901234567890]',
  '{"a":[9007199254740993],"b":{"c":9007199254740993},"d":[9007199254740993.5,9007199254740995]}',
  '{"x":{"k":18446744073709551615,"k":18446744073709551614},"y":[18446744073709551615]}',
  '[99999999999999999999,100000000000000000000,1e20,-99999999999999999999]',
];

/** Texts whose object key order is not text order: the tokenizer must answer them. */
const REORDERED_TEXTS = [
  '{"2":9007199254740993,"1":9007199254740992}',
  '{"a":12345678901234567890,"a":12345678901234567891}',
  '{"b":{"10":[18446744073709551615]},"a":[18446744073709551614]}',
];

describe('parseJsonExactIntegers', () => {
  it.each(SAFE_TEXTS)('gives the tokenizer’s values for %s', (text) => {
    expect(parseJsonExactIntegers(text)).toStrictEqual(parseJsonLossless(text, { bigint: 'auto' }));
  });

  it.each(UNSAFE_TEXTS)('keeps every digit of %s', (text) => {
    expect(parseJsonExactIntegers(text)).toStrictEqual(parseJsonLossless(text, { bigint: 'auto' }));
  });

  it.each(DECOY_TEXTS)('finds the right literal among decoys in %s', (text) => {
    expect(parseJsonExactIntegers(text)).toStrictEqual(parseJsonLossless(text, { bigint: 'auto' }));
  });

  it.each(REORDERED_TEXTS)('keeps every digit of %s, keys out of text order', (text) => {
    expect(parseJsonExactIntegers(text)).toStrictEqual(parseJsonLossless(text, { bigint: 'auto' }));
  });

  it('returns bigints only beyond 2^53', () => {
    expect(
      parseJsonExactIntegers('[9007199254740991,9007199254740992,-18446744073709551615]'),
    ).toEqual([9_007_199_254_740_991, 9_007_199_254_740_992n, -18_446_744_073_709_551_615n]);
  });

  it('keeps the sign of -0, as JSON.parse and the wire client do (the tokenizer drops it)', () => {
    expect(Object.is((parseJsonExactIntegers('[-0]') as number[])[0], -0)).toBe(true);
  });

  it('leaves digits inside strings alone', () => {
    expect(parseJsonExactIntegers('{"n":"12345678901234567890","m":1}')).toEqual({
      n: '12345678901234567890',
      m: 1,
    });
  });

  it('rejects malformed JSON on both paths', () => {
    expect(() => parseJsonExactIntegers('[1,')).toThrow(SyntaxError);
    expect(() => parseJsonExactIntegers('[12345678901234567890,')).toThrow(SyntaxError);
  });
});

describe('parseJsonExactIntegers on generated texts', () => {
  /** A deterministic pseudo-random source, so that a failure can be replayed. */
  function generator(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state / 2_147_483_648;
    };
  }

  function randomText(random: () => number, depth: number): string {
    const pick = Math.floor(random() * (depth > 2 ? 6 : 8));
    const wide = () =>
      `${random() < 0.3 ? '-' : ''}${9_007_199_254_740_993n + BigInt(Math.floor(random() * 50))}`;
    switch (pick) {
      case 0:
        return wide();
      case 1:
        return JSON.stringify(`a${random() < 0.5 ? '"' : '\\'}:${wide()}`);
      case 2:
        return String(Math.floor(random() * 1e6));
      case 3:
        return `${wide()}.5`;
      case 4:
        return random() < 0.5 ? 'null' : `${wide()}e0`;
      case 5:
        return '"\\\\"';
      case 6: {
        const items = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
          randomText(random, depth + 1),
        );
        return `[${items.join(',')}]`;
      }
      default: {
        const members = Array.from(
          { length: 1 + Math.floor(random() * 3) },
          () =>
            `"k${Math.floor(random() * 3)}${random() < 0.3 ? '' : 'x'}" : ${randomText(random, depth + 1)}`,
        );
        return `{${members.join(',')}}`;
      }
    }
  }

  it('gives the tokenizer’s values for 2,000 texts with wide integers, decoys and duplicate keys', () => {
    const random = generator(7);
    for (let count = 0; count < 2_000; count++) {
      const text = randomText(random, 0);
      expect(parseJsonExactIntegers(text), text).toStrictEqual(
        parseJsonLossless(text, { bigint: 'auto' }),
      );
    }
  });
});
