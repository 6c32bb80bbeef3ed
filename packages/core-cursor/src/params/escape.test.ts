import { describe, expect, it } from 'vitest';
import { ProgrammingError } from '../errors/index.js';
import { escapeNumber, escapeString, escapeValue, parameterBytes } from './escape.js';

/** Reads a single-quoted SQL literal back the way MySQL does, in either escaping mode. */
function readLiteral(literal: string, backslashEscapes: boolean): string {
  expect(literal.startsWith("'") && literal.endsWith("'")).toBe(true);
  const body = literal.slice(1, -1);
  const sequences: Record<string, string> = {
    '0': '\0',
    n: '\n',
    r: '\r',
    Z: '\x1a',
    '\\': '\\',
    "'": "'",
    '"': '"',
  };
  let out = '';
  for (let index = 0; index < body.length; index++) {
    const char = body[index]!;
    if (char === '\\' && backslashEscapes) {
      const next = body[++index]!;
      out += sequences[next] ?? next;
    } else if (char === "'") {
      // Inside the literal a quote can only appear doubled.
      expect(body[++index]).toBe("'");
      out += "'";
    } else {
      out += char;
    }
  }
  return out;
}

function randomText(seed: number, length: number): string {
  const alphabet = [
    "'",
    '"',
    '\\',
    '\0',
    '\n',
    '\r',
    '\x1a',
    '?',
    ':',
    '`',
    '-',
    '#',
    'a',
    'é',
    '😀',
    ' ',
  ];
  let state = seed;
  let text = '';
  for (let index = 0; index < length; index++) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += alphabet[state % alphabet.length];
  }
  return text;
}

describe('escapeString', () => {
  it('uses backslash escapes by default', () => {
    expect(escapeString('a\'b"c\\d\0e\nf\rg\x1ah')).toBe("'a\\'b\\\"c\\\\d\\0e\\nf\\rg\\Zh'");
  });

  it('only doubles quotes under NO_BACKSLASH_ESCAPES', () => {
    expect(escapeString("a'b\\c\n", { noBackslashEscapes: true })).toBe("'a''b\\c\n'");
  });

  it.each([true, false])('round-trips random text (backslash escapes: %s)', (backslashEscapes) => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = randomText(seed, seed % 40);
      const literal = escapeString(text, { noBackslashEscapes: !backslashEscapes });
      expect(readLiteral(literal, backslashEscapes)).toBe(text);
    }
  });
});

/** What escapeNumber wrote before it chose the exponent by magnitude: String(), then `e0` unless it has an exponent. */
function referenceNumber(value: number): string {
  if (Number.isSafeInteger(value)) return String(value);
  const text = String(value);
  return text.includes('e') ? text : `${text}e0`;
}

/** The next double up (`direction` 1) or down (-1) from a positive finite value. */
function nextDouble(value: number, direction: 1 | -1): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  view.setBigUint64(0, view.getBigUint64(0) + BigInt(direction));
  return view.getFloat64(0);
}

describe('escapeNumber', () => {
  const edges = [1e21, 1e-6, 5e-324, Number.MAX_VALUE, 2 ** 53, Number.MAX_SAFE_INTEGER, 0.1];
  const values = [0, -0, 1.5, 2 ** 53 + 2, 1e20, 123456789.125, 0.30000000000000004];
  for (const edge of edges) values.push(edge, nextDouble(edge, 1), nextDouble(edge, -1));

  const finite = values.filter(Number.isFinite).flatMap((value) => [value, -value]);

  it.each(finite)('writes %d as String() does', (value) => {
    expect(escapeNumber(value)).toBe(referenceNumber(value));
  });

  it('writes -0 as 0 and keeps the exponent JavaScript gives at 1e21 and below 1e-6', () => {
    expect(escapeNumber(-0)).toBe('0');
    expect(escapeNumber(1e21)).toBe('1e+21');
    expect(escapeNumber(nextDouble(1e21, -1))).toBe('999999999999999900000e0');
    expect(escapeNumber(1e-6)).toBe('0.000001e0');
    expect(escapeNumber(nextDouble(1e-6, -1))).toBe('9.999999999999997e-7');
  });

  it('agrees with String() on 20,000 random doubles of every magnitude', () => {
    const bits = new DataView(new ArrayBuffer(8));
    let state = 7;
    const next = (): number => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state;
    };
    for (let index = 0; index < 10_000; index++) {
      bits.setUint32(0, (next() << 1) ^ next());
      bits.setUint32(4, (next() << 1) ^ next());
      const value = bits.getFloat64(0);
      if (Number.isFinite(value)) expect(escapeNumber(value)).toBe(referenceNumber(value));
      const decimal = (next() - 1_073_741_824) / 10 ** (next() % 8);
      expect(escapeNumber(decimal)).toBe(referenceNumber(decimal));
    }
  });

  it('still applies nanAsNull and infAsNull', () => {
    expect(escapeNumber(NaN, { nanAsNull: true })).toBe('NULL');
    expect(escapeNumber(-Infinity, { infAsNull: true })).toBe('NULL');
    expect(() => escapeNumber(NaN, { infAsNull: true })).toThrow(ProgrammingError);
    expect(() => escapeNumber(Infinity, { nanAsNull: true })).toThrow(ProgrammingError);
  });
});

describe('escapeValue', () => {
  it.each([
    [null, 'NULL'],
    [undefined, 'NULL'],
    [true, '1'],
    [false, '0'],
    [42, '42'],
    [-7, '-7'],
    [1.5, '1.5e0'],
    [-0.25, '-0.25e0'],
    [1e21, '1e+21'],
    [1e-7, '1e-7'],
    [2 ** 60, '1152921504606847000e0'],
    [12345678901234567890n, '12345678901234567890'],
    [-5n, '-5'],
    ['x', "'x'"],
    [new Date(Date.UTC(2024, 0, 2, 3, 4, 5)), "'2024-01-02 03:04:05'"],
    [new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 60)), "'2024-01-02 03:04:05.060'"],
    [new Uint8Array([0, 15, 255]), "X'000fff'"],
    [new Uint8Array([]), "X''"],
    [[1, 'a', null], "(1,'a',NULL)"],
    [[[1, 2], [3]], '((1,2),(3))'],
    [
      { a: 1, b: "it's", big: 9007199254740993n },
      `'{\\"a\\":1,\\"b\\":\\"it\\'s\\",\\"big\\":9007199254740993}'`,
    ],
  ])('%o → %s', (value, literal) => {
    expect(escapeValue(value)).toBe(literal);
  });

  it('writes typed-array vectors little-endian', () => {
    expect(escapeValue(new Float32Array([1, -2]))).toBe("X'0000803f000000c0'");
    expect(escapeValue(new Int16Array([1, -1]))).toBe("X'0100ffff'");
    expect(escapeValue(new BigInt64Array([1n]))).toBe("X'0100000000000000'");
    expect(escapeValue(new Float64Array([1]))).toBe("X'000000000000f03f'");
    expect(escapeValue(new Int8Array([-1]))).toBe("X'ff'");
  });

  it('writes only the viewed part of a buffer', () => {
    const buffer = new Uint8Array([1, 2, 3, 4]);
    expect(escapeValue(buffer.subarray(1, 3))).toBe("X'0203'");
    expect(parameterBytes(new Float32Array(buffer.buffer, 0, 1)).length).toBe(4);
  });

  it.each([NaN, Infinity, -Infinity])(
    '%s throws ProgrammingError without the null options',
    (value) => {
      expect(() => escapeValue(value)).toThrow(ProgrammingError);
      expect(() => escapeValue([1, value])).toThrow(ProgrammingError);
    },
  );

  it('nanAsNull and infAsNull write NULL, each only for its own case', () => {
    expect(escapeValue(NaN, { nanAsNull: true })).toBe('NULL');
    expect(escapeValue(Infinity, { infAsNull: true })).toBe('NULL');
    expect(escapeValue(-Infinity, { infAsNull: true })).toBe('NULL');
    expect(() => escapeValue(NaN, { infAsNull: true })).toThrow(/nanAsNull/);
    expect(() => escapeValue(-Infinity, { nanAsNull: true })).toThrow(/infAsNull/);
  });

  it('rejects values that have no SQL form', () => {
    expect(() => escapeValue([])).toThrow(/empty array/);
    expect(() => escapeValue(Symbol('x'))).toThrow(ProgrammingError);
    expect(() => escapeValue(() => 1)).toThrow(ProgrammingError);
    expect(() => escapeValue(new Date(Number.NaN))).toThrow(/invalid Date/);
  });

  it('quotes other objects through String()', () => {
    class Money {
      toString() {
        return "1.10'";
      }
    }
    expect(escapeValue(new Money())).toBe("'1.10\\''");
  });

  it('applies NO_BACKSLASH_ESCAPES inside lists and JSON', () => {
    expect(escapeValue(["a'b", { k: "c'd" }], { noBackslashEscapes: true })).toBe(
      `('a''b','{"k":"c''d"}')`,
    );
  });
});
