import { describe, expect, it } from 'vitest';
import { jsonText, parseJsonLossless } from './lossless-json.js';

describe('parseJsonLossless', () => {
  it('parses like JSON.parse for ordinary documents', () => {
    const text = '{"a":[1,2.5,-3e2,true,false,null],"b":{"c":"x\\n\\u00e9\\"\\\\/"},"d":[]}';
    expect(parseJsonLossless(text)).toEqual(JSON.parse(text));
  });

  it('keeps integers beyond 2^53 exact as bigint in auto mode', () => {
    const value = parseJsonLossless(
      '{"big":9007199254740993,"small":42,"neg":-9223372036854775808}',
    );
    expect(value).toEqual({ big: 9007199254740993n, small: 42, neg: -9223372036854775808n });
  });

  it('follows the bigint modes', () => {
    const text = '[18446744073709551615, 7, 1.5]';
    expect(parseJsonLossless(text, { bigint: 'bigint' })).toEqual([18446744073709551615n, 7n, 1.5]);
    expect(parseJsonLossless(text, { bigint: 'string' })).toEqual(['18446744073709551615', 7, 1.5]);
    expect(parseJsonLossless(text, { bigint: 'number' })).toEqual([18446744073709552000, 7, 1.5]);
  });

  it('stores a __proto__ key as data', () => {
    const value = parseJsonLossless('{"__proto__":{"polluted":1}}') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(['', '{', '[1,]', '{"a" 1}', '01', '"\\x"', 'tru', '1 2', '"a\nb"'])(
    'rejects %j',
    (text) => {
      expect(() => parseJsonLossless(text)).toThrow(SyntaxError);
    },
  );
});

describe('jsonText', () => {
  it('writes bigints as bare literals that parse back exactly', () => {
    const value = { id: 12345678901234567890n, list: [1, 'a', null], nested: { ok: true } };
    const text = jsonText(value);
    expect(text).toBe('{"id":12345678901234567890,"list":[1,"a",null],"nested":{"ok":true}}');
    expect(parseJsonLossless(text)).toEqual(value);
  });
});
