import { describe, expect, test } from 'vitest';
import { decodeRows, RowDecodeError } from '../src/index.js';
import { IMPLEMENTATIONS, rows, spec } from './support.js';

/**
 * The exact fast path for short float texts (two words read at once in the wasm decoder, a
 * digit loop in TypeScript) against `Number()`, which rounds correctly: every bit must agree,
 * and texts outside the grammar must still fail, whatever bytes follow the text.
 */

const FLOAT_GRAMMAR = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?$/;

/** Deterministic pseudo-random numbers (xorshift32). */
function generator(seed: number) {
  let state = seed;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const int = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const pick = (text: string) => text[int(0, text.length - 1)]!;
  return { next, int, pick };
}

const random = generator(0x5eed_f10a);

function digits(count: number): string {
  const style = random.int(0, 5);
  let text = '';
  for (let i = 0; i < count; i += 1) {
    text += style === 0 ? '9' : style === 1 ? '0' : random.pick('0123456789');
  }
  return text;
}

/** Mostly float texts of 1 to 20 bytes with the '.' anywhere, some damaged by a near-digit. */
function floatText(): string {
  const signs = ['', '', '', '-', '-', '+'];
  let text = signs[random.int(0, 5)]! + digits(random.int(0, 17));
  if (random.next() < 0.8) text += `.${digits(random.int(0, 17))}`;
  if (random.next() < 0.1)
    text += random.pick('eE') + signs[random.int(2, 5)]! + digits(random.int(0, 3));
  if (random.next() < 0.15 && text.length > 0) {
    const at = random.int(0, text.length - 1);
    text = `${text.slice(0, at)}${random.pick('./:x-e ')}${text.slice(at + 1)}`;
  }
  return text;
}

const EDGES = [
  '9007199254740992',
  '9007199254740993',
  '9007199254740991',
  '-9007199254740993',
  '900719925474099.3',
  '9007199254740992.',
  '.9007199254740993',
  '9999999999999999',
  '999999999999999.9',
  '.999999999999999',
  '1234567890123456',
  '0.00000000000001',
  '-123456.789012345',
  '123456789.0123456',
  '0000000000000000',
  '-0',
  '+0.',
  '-.0',
  '5.',
  '.5',
  '-.5',
  '+5',
  '0.1',
  '0.3',
  '1.7976931348623157',
  '.',
  '-',
  '+',
  '-.',
  '..5',
  '5..',
  '1.2.3',
  '12345678.1234567.',
  '1234567/',
  '1234567:',
  '12345678/1234567',
  '-+5',
  '5-',
];

/** Integers of 16 digits above 2^53, which the fast path rounds once, converting them. */
function beyondExact(): string {
  return String(
    9_007_199_254_740_993n + BigInt(random.int(0, 2 ** 30)) * BigInt(random.int(1, 900_000)),
  );
}

/** Bytes after the text that would change the value if the fast path read them as its own. */
function filler(): string {
  return Array.from({ length: random.int(0, 20) }, () => random.pick('0123456789.')).join('');
}

describe.each(IMPLEMENTATIONS)('exact float fast path ($name)', ({ accel }) => {
  const columnSpecs = [
    [spec(5), spec(253)],
    [spec(246, { decimals: 4 }), spec(253)],
  ];

  test('short float texts read exactly as Number() reads them, wherever they lie', () => {
    const texts = [
      ...EDGES,
      ...Array.from({ length: 30_000 }, floatText),
      ...Array.from({ length: 2_000 }, beyondExact),
    ].filter((text) => FLOAT_GRAMMAR.test(text));
    expect(texts.length).toBeGreaterThan(20_000);
    const table = texts.map((text) => [text, filler()]);
    const expected = Float64Array.from(texts, Number);
    for (const specs of columnSpecs) {
      const { data, bounds } = rows(table);
      const column = decodeRows(specs, data, bounds, { accel, decimal: 'float64' }).columns[0]!;
      const got = column.values as Float64Array;
      const wrong = texts.filter((_text, i) => !Object.is(got[i], expected[i]));
      expect(wrong).toEqual([]);
    }
    // The last cell of the input, where fewer than 16 bytes follow.
    for (const text of texts.slice(0, 300)) {
      const { data, bounds } = rows([[text]]);
      const column = decodeRows([spec(5)], data, bounds, { accel }).columns[0]!;
      expect(Object.is(column.values![0], Number(text)), text).toBe(true);
    }
  });

  test('texts outside the grammar fail, followed by digits or not', () => {
    const texts = [...EDGES, ...Array.from({ length: 3_000 }, floatText)].filter(
      (text) => !FLOAT_GRAMMAR.test(text),
    );
    expect(texts.length).toBeGreaterThan(300);
    for (const text of texts) {
      for (const specs of columnSpecs) {
        const { data, bounds } = rows([[text, filler()]]);
        const error = (() => {
          try {
            decodeRows(specs, data, bounds, { accel, decimal: 'float64' });
          } catch (caught) {
            return caught;
          }
          return undefined;
        })();
        expect(error, text).toBeInstanceOf(RowDecodeError);
        expect((error as RowDecodeError).code, text).toBe('BAD_NUMBER');
      }
    }
  });
});
