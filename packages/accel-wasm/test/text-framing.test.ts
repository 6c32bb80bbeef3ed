import { describe, expect, test } from 'vitest';
import { createRowDecoder, decodeRows, RowDecodeError } from '../src/index.js';
import {
  BINARY,
  chunk,
  fingerprint,
  IMPLEMENTATIONS,
  outcome,
  rowPayload,
  rows,
  spec,
} from './support.js';

/** Eight columns, one of each family, used by the framing tests. */
const MIXED = [
  spec(3),
  spec(8, { flags: 32 }),
  spec(5),
  spec(246, { decimals: 2 }),
  spec(253),
  spec(12, { decimals: 6 }),
  spec(11),
  spec(252, { charset: BINARY, extendedType: 2, vectorDims: 2, vectorElement: 1 }),
];
const MIXED_ROWS = [
  [
    '1',
    '18446744073709551615',
    '1.5',
    '-12.34',
    'héllo',
    '2024-01-02 03:04:05.678901',
    '-25:06:17',
    new Uint8Array(8).fill(0x3f),
  ],
  [null, null, null, null, null, null, null, null],
  [
    '-2147483648',
    '0',
    '-0.0',
    '0.00',
    'x'.repeat(300),
    '1970-01-01 00:00:00',
    '00:00:00',
    new Uint8Array(8),
  ],
];

describe.each(IMPLEMENTATIONS)('row framing ($name)', ({ accel }) => {
  const decoder = createRowDecoder(MIXED, { accel });
  const whole = rows(MIXED_ROWS);
  const expected = fingerprint(decoder.decode(whole.data, whole.bounds));

  test('a row cut at every byte boundary is TRUNCATED in the column being read', () => {
    for (const cells of MIXED_ROWS) {
      const payload = rowPayload(cells);
      for (let cut = 0; cut < payload.length; cut++) {
        const error = (() => {
          try {
            decoder.decode(payload, [0, cut]);
          } catch (e) {
            return e as RowDecodeError;
          }
          return undefined;
        })();
        expect(error, `cut at ${cut}`).toBeInstanceOf(RowDecodeError);
        expect(error!.code).toBe('TRUNCATED');
        expect(error!.row).toBe(0);
        expect(error!.column).toBeGreaterThanOrEqual(0);
      }
    }
  });

  test('rows anywhere in a larger chunk, in any number of batches, give the same columns', () => {
    for (const gap of [0, 1, 3, 7]) {
      const shifted = rows(MIXED_ROWS, gap);
      expect(fingerprint(decoder.decode(shifted.data, shifted.bounds))).toEqual(expected);
      const offset = new Uint8Array(shifted.data.length + 5);
      offset.set(shifted.data, 5);
      expect(fingerprint(decoder.decode(offset.subarray(5), shifted.bounds))).toEqual(expected);
    }
    const payloads = MIXED_ROWS.map(rowPayload);
    const reversed = chunk([...payloads].reverse());
    const bounds = new Uint32Array(6);
    for (let i = 0; i < 3; i++)
      bounds.set(reversed.bounds.subarray(2 * (2 - i), 2 * (2 - i) + 2), 2 * i);
    expect(fingerprint(decoder.decode(reversed.data, bounds))).toEqual(expected);
    for (let split = 0; split <= 3; split++) {
      const first = decoder.decode(whole.data, whole.bounds.subarray(0, 2 * split));
      const second = decoder.decode(whole.data, whole.bounds.subarray(2 * split));
      expect(first.numRows + second.numRows).toBe(3);
    }
  });

  test('length prefixes of every width', () => {
    const sizes = [0, 250, 251, 65535, 65536, 70000];
    const table = sizes.map((n) => ['a'.repeat(n)]);
    const { data, bounds } = rows(table);
    const column = decodeRows([spec(252)], data, bounds, { accel }).columns[0]!;
    expect(Array.from(column.offsets!)).toEqual([0, 0, 250, 501, 66036, 131572, 201572]);
    const eight = new Uint8Array([0xfe, 3, 0, 0, 0, 0, 0, 0, 0, 0x61, 0x62, 0x63]);
    expect(decodeRows([spec(252)], eight, [0, 12], { accel }).columns[0]!.data).toEqual(
      new Uint8Array([0x61, 0x62, 0x63]),
    );
  });

  test('bad lengths, trailing bytes, missing columns', () => {
    const code = (data: number[], specs = [spec(252)]) => {
      try {
        decodeRows(specs, Uint8Array.from(data), [0, data.length], { accel });
      } catch (error) {
        return [(error as RowDecodeError).code, (error as RowDecodeError).column];
      }
      return undefined;
    };
    expect(code([0xff])).toEqual(['BAD_LENGTH', 0]);
    expect(code([0x05, 0x61])).toEqual(['TRUNCATED', 0]);
    expect(code([0xfe, 1, 0, 0, 0, 0, 0, 0, 1, 0x61])).toEqual(['TRUNCATED', 0]);
    expect(code([0xfe, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0])).toEqual(['TRUNCATED', 0]);
    expect(code([0x01, 0x61, 0x00])).toEqual(['TRAILING_BYTES', -1]);
    expect(code([0x01, 0x61], [spec(252), spec(252)])).toEqual(['TRUNCATED', 1]);
    expect(code([])).toEqual(['TRUNCATED', 0]);
    expect(code([0x00], [])).toEqual(['TRAILING_BYTES', -1]);
  });

  test('zero rows and zero columns', () => {
    const empty = decoder.decode(new Uint8Array(0), new Uint32Array(0));
    expect(empty.numRows).toBe(0);
    expect(empty.columns.map((c) => [c.length, c.validity.length, c.offsets?.length])).toEqual(
      [undefined, undefined, undefined, 1, 1, undefined, 1, undefined].map((offsets) => [
        0,
        0,
        offsets,
      ]),
    );
    const none = decodeRows([], new Uint8Array(4), [0, 0, 4, 4], { accel });
    expect(none).toEqual({ numRows: 2, columns: [] });
  });

  test('argument errors are TypeError / RangeError, not row errors', () => {
    expect(() => decoder.decode([] as unknown as Uint8Array, [])).toThrow(TypeError);
    expect(() => decoder.decode(new Uint8Array(4), [0])).toThrow(TypeError);
    expect(() => decoder.decode(new Uint8Array(4), [0, 5])).toThrow(RangeError);
    expect(() => decoder.decode(new Uint8Array(4), [3, 2])).toThrow(RangeError);
    expect(() => decoder.decode(new Uint8Array(4), [-1, 2])).toThrow(TypeError);
    expect(() => decoder.decode(new Uint8Array(4), [0, 0], -1)).toThrow(TypeError);
    expect(() => createRowDecoder(MIXED, { decimal: 'number' as 'string' })).toThrow(TypeError);
  });

  test('errors are identical from both implementations', () => {
    const bad = rows([['1', 'x', '1', '1', 'a', '2024-01-01', '00:00:00', new Uint8Array(8)]]);
    const results = ['ts', 'require-wasm'].map((mode) =>
      outcome(() =>
        createRowDecoder(MIXED, { accel: mode as 'ts' }).decode(bad.data, bad.bounds, 41),
      ),
    );
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).toEqual({
      error: {
        name: 'RowDecodeError',
        code: 'BAD_NUMBER',
        row: 41,
        column: 1,
        message:
          'cannot decode row 41, column 1 (BIGINT UNSIGNED): the text is not a number of this type',
      },
    });
  });
});
