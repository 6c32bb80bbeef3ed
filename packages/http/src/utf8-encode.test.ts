import { describe, expect, it } from 'vitest';
import { encodeUtf8Into } from './utf8-encode.js';

const encoder = new TextEncoder();

const TEXTS = [
  '',
  'ascii only',
  '\u0000\u007f',
  '\u0080 varchär ß \u07ff',
  '\u0800 ✓ \uffff \ud7ff \ue000',
  '😀 pair 𝄞',
  '\ud800 lone high',
  'lone low \udc00',
  'high at the end \udbff',
  '\udc00\ud800 reversed pair',
  '\ud800\ud800\udc00',
];

describe('encodeUtf8Into', () => {
  it.each(TEXTS)('writes %j as TextEncoder does', (text) => {
    const target = new Uint8Array(text.length * 3 + 2);
    const end = encodeUtf8Into(text, target, 1);
    expect(target.subarray(1, end)).toEqual(encoder.encode(text));
    expect(target[0]).toBe(0);
  });

  it('reports the full length when the target is too short, writing only what fits', () => {
    const target = new Uint8Array(4);
    const end = encodeUtf8Into('ab✓😀', target, 1);
    expect(end).toBe(1 + encoder.encode('ab✓😀').length);
    expect(target).toEqual(new Uint8Array([0, 97, 98, 0xe2]));
  });
});
