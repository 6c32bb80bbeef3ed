import { describe, expect, it } from 'vitest';
import { fewDecimalsLiteral } from './few-decimals.js';

/** The literal escapeNumber writes for a non-integer through String(). */
const generic = (value: number): string => {
  const text = String(value);
  return text.includes('e') ? text : `${text}e0`;
};

function randomSource(seed: number): (limit: number) => number {
  let state = seed;
  return (limit) => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state % limit;
  };
}

describe('fewDecimalsLiteral', () => {
  it.each([
    [12345.67, '12345.67e0'],
    [-0.05, '-0.05e0'],
    [0.0001, '0.0001e0'],
    [-0.0001, '-0.0001e0'],
    [0.1, '0.1e0'],
    [1.5, '1.5e0'],
    [100.25, '100.25e0'],
    [98_765_432_109.8765, '98765432109.8765e0'],
    [-1_234_567_890.1234, '-1234567890.1234e0'],
    [12_345_678_901.25, '12345678901.25e0'],
  ])('writes %d as %s', (value, literal) => {
    expect(fewDecimalsLiteral(value)).toBe(literal);
    expect(generic(value)).toBe(literal);
  });

  it.each([
    0.1 + 0.2,
    1 / 3,
    5e-5,
    0.00015,
    1e-7,
    123_456_789_012.3456,
    1e14 + 0.5,
    2 ** 52 + 0.5,
    Number.MIN_VALUE,
    -Number.MIN_VALUE,
  ])('leaves %d to String()', (value) => {
    expect(fewDecimalsLiteral(value)).toBeUndefined();
  });

  it('agrees with String() on 200,000 decimals of 1 to 6 places and up to 17 digits', () => {
    const next = randomSource(3);
    let written = 0;
    for (let index = 0; index < 200_000; index++) {
      const digits = 1 + next(17);
      const integer = Math.floor((next(2_147_483_647) / 2_147_483_647) * 10 ** digits);
      const value = (next(2) === 0 ? -integer : integer) / 10 ** (1 + next(6));
      if (Number.isInteger(value)) continue;
      const literal = fewDecimalsLiteral(value);
      if (literal === undefined) continue;
      written += 1;
      expect(literal).toBe(generic(value));
    }
    // Most of them take the fast path, so the comparison above is not vacuous.
    expect(written).toBeGreaterThan(80_000);
  });

  it('agrees with String() wherever it answers, on 100,000 random doubles', () => {
    const next = randomSource(5);
    const bits = new DataView(new ArrayBuffer(8));
    for (let index = 0; index < 100_000; index++) {
      bits.setUint16(0, next(65_536));
      bits.setUint16(2, next(65_536));
      bits.setUint16(4, next(65_536));
      bits.setUint16(6, next(65_536));
      const value = bits.getFloat64(0);
      if (!Number.isFinite(value) || Number.isInteger(value)) continue;
      const literal = fewDecimalsLiteral(value);
      if (literal !== undefined) expect(literal).toBe(generic(value));
    }
  });
});
