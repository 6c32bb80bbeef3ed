import { describe, expect, it } from 'vitest';
import { hasSourceTextReviver, parseResponseJson } from './parse-response-json.js';

const TEXT =
  '{"results":[{"rows":[[18446744073709551615,-9223372036854775808,9007199254740993,2.5,1e3,"9223372036854775807",null,{"k":[12345678901234567890]}]]}],"lastInsertId":0}';
const EXPECTED = {
  results: [
    {
      rows: [
        [
          18446744073709551615n,
          -9223372036854775808n,
          9007199254740993n,
          2.5,
          1000,
          '9223372036854775807',
          null,
          { k: [12345678901234567890n] },
        ],
      ],
    },
  ],
  lastInsertId: 0n,
};

describe('parseResponseJson', () => {
  it('keeps every integer digit with the tokenizer (Node 20 path)', () => {
    expect(parseResponseJson(TEXT, false)).toEqual(EXPECTED);
  });

  it.skipIf(!hasSourceTextReviver)('gives the same values with the source-text reviver', () => {
    expect(parseResponseJson(TEXT, true)).toEqual(EXPECTED);
  });

  it('rejects malformed JSON', () => {
    expect(() => parseResponseJson('{"results": [', false)).toThrow(SyntaxError);
  });
});
