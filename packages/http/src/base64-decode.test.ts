import { describe, expect, it } from 'vitest';
import { base64Length, decodeBase64Into } from './base64-decode.js';

function viaAtob(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
}

function decoded(text: string): Uint8Array | undefined {
  const length = base64Length(text);
  if (length < 0) return undefined;
  const target = new Uint8Array(length);
  return decodeBase64Into(text, target, 0) ? target : undefined;
}

/** Every byte value, and every length modulo 3, so each tail form is covered. */
function sampleBytes(): Uint8Array[] {
  const samples: Uint8Array[] = [];
  for (let length = 0; length < 70; length++) {
    samples.push(Uint8Array.from({ length }, (_unused, index) => (index * 97 + length * 31) % 256));
  }
  samples.push(Uint8Array.from({ length: 256 }, (_unused, index) => index));
  return samples;
}

describe('decodeBase64Into', () => {
  it.each(sampleBytes().map((bytes) => [bytes.length, bytes] as const))(
    'decodes canonical base64 of %i bytes as atob does',
    (_length, bytes) => {
      const text = btoa(String.fromCharCode(...bytes));
      expect(decoded(text)).toEqual(viaAtob(text));
      expect(decoded(text)).toEqual(bytes);
    },
  );

  it('writes at an offset without touching the bytes around it', () => {
    const target = new Uint8Array(7).fill(9);
    expect(decodeBase64Into('AQID', target, 2)).toBe(true);
    expect(target).toEqual(new Uint8Array([9, 9, 1, 2, 3, 9, 9]));
  });

  it('drops trailing bits as atob does', () => {
    expect(decoded('QR==')).toEqual(viaAtob('QR=='));
    expect(decoded('QUJ=')).toEqual(viaAtob('QUJ='));
  });

  it.each(['AQI', 'AQIDB', ' AQID', 'AQ ID', 'AQ\nID'])(
    'leaves %j, not canonical by length, to atob',
    (text) => {
      expect(base64Length(text)).toBe(-1);
    },
  );

  it.each(['A*ID', 'AQI-', 'AQ=D', '=AQI', 'AQIDBA=A', 'AQ\u00e9D', 'AQ\u2713D', 'A===', 'AQ\tD'])(
    'refuses %j, whose characters are not canonical base64',
    (text) => {
      expect(base64Length(text)).not.toBe(-1);
      expect(decoded(text)).toBeUndefined();
    },
  );
});
