import { describe, expect, test } from 'vitest';
import { decodeRows, RowDecodeError } from '../src/index.js';
import { BINARY, cells, IMPLEMENTATIONS, rowPayload, spec, UNSIGNED } from './support.js';

// The wasm decoder reads consecutive integer cells in a loop of its own that reads 8 or 17
// bytes past a length byte, trusting bounds it checks once per cell: these tables are rows of
// integer columns of every width, with ASCII digits between the rows (where a read that crossed
// a row's end would find a plausible number), up to the input's very end.

/** Type code, flags, and the texts a column's cells take in turn. */
const COLUMNS: [number, number, string[]][] = [
  [1, 0, ['-128', '127', '0', '-7', '+5', '007', '-0']],
  [1, UNSIGNED, ['255', '0', '9', '42']],
  [2, 0, ['-32768', '32767', '-1', '12345']],
  [2, UNSIGNED, ['65535', '0', '600']],
  [3, 0, ['-2147483648', '2147483647', '-99999999', '12345678', '-1000000', '7', '+100']],
  [9, 0, ['-8388608', '8388607', '-5']],
  [3, UNSIGNED, ['4294967295', '123456789', '0', '-0', '99999999']],
  [
    8,
    0,
    [
      '-9223372036854775808',
      '9223372036854775807',
      '-1234567890123456',
      '1234567890123456',
      '-12345678901234567',
      '123456789',
      '-5',
    ],
  ],
  [8, UNSIGNED, ['18446744073709551615', '9999999999999999', '-0', '4294967296', '1']],
];
const SPECS = COLUMNS.map(([typeCode, flags]) => spec(typeCode, { flags, charset: BINARY }));
const LAST = COLUMNS.length - 1;

/** Row `r` of the table: column `c` takes its texts in turn, with a NULL every 11th cell. */
function tableRow(r: number): (string | null)[] {
  return COLUMNS.map(([, , texts], c) =>
    (r * 7 + c) % 11 === 10 ? null : texts[(r + c) % texts.length]!,
  );
}

function expected(text: string | null, typeCode: number): unknown {
  if (text === null) return null;
  // `+ 0` turns the -0 of '-0' into the 0 a typed array holds.
  return typeCode === 8 ? BigInt(text) : Number(text) + 0;
}

/** Rows with `gap(r)` ASCII digits before row r; nothing after the last row. */
function digitChunk(payloads: readonly Uint8Array[], gap: (r: number) => number) {
  const parts: number[] = [];
  const bounds = new Uint32Array(payloads.length * 2);
  payloads.forEach((payload, r) => {
    for (let i = 0; i < gap(r); i++) parts.push(0x37);
    bounds[2 * r] = parts.length;
    parts.push(...payload);
    bounds[2 * r + 1] = parts.length;
  });
  return { data: Uint8Array.from(parts), bounds };
}

describe.each(IMPLEMENTATIONS)('runs of integer cells ($name)', ({ accel }) => {
  const decode = (data: Uint8Array, bounds: Uint32Array) =>
    decodeRows(SPECS, data, bounds, { accel });
  const failure = (data: Uint8Array, bounds: Uint32Array) => {
    try {
      decode(data, bounds);
    } catch (error) {
      expect(error).toBeInstanceOf(RowDecodeError);
      const e = error as RowDecodeError;
      return { code: e.code, row: e.row, column: e.column };
    }
    throw new Error('the decode did not fail');
  };

  test('every width, signs, NULLs and digits between rows, up to the input end', () => {
    for (const count of [1, 2, 3, 40]) {
      const table = Array.from({ length: count }, (_, r) => tableRow(r));
      for (const gap of [(r: number) => r % 20, () => 0, () => 17]) {
        const { data, bounds } = digitChunk(table.map(rowPayload), gap);
        const batch = decode(data, bounds);
        COLUMNS.forEach(([typeCode], c) => {
          expect(cells(batch.columns[c]!), `${count} rows, column ${c}`).toEqual(
            table.map((row) => expected(row[c]!, typeCode)),
          );
        });
      }
    }
  });

  test('a length one byte past its row is TRUNCATED though digits follow the row', () => {
    const table = Array.from({ length: 30 }, (_, r) => tableRow(r));
    for (let r = 0; r < table.length; r++) {
      const payloads = table.map(rowPayload);
      const row = payloads[r]!;
      const texts = table[r]!;
      let at = 0;
      for (let c = 0; c < LAST; c++) at += texts[c] === null ? 1 : 1 + texts[c]!.length;
      if (texts[LAST] === null) continue;
      row[at] = row[at]! + 1;
      const { data, bounds } = digitChunk(payloads, () => 20);
      expect(failure(data, bounds), `row ${r}`).toEqual({
        code: 'TRUNCATED',
        row: r,
        column: LAST,
      });
    }
  });

  test('an out-of-range value inside a run names its row and column', () => {
    const bad: [number, string][] = [
      [0, '128'],
      [1, '-1'],
      [2, '-32769'],
      [3, '65536'],
      [4, '2147483648'],
      [4, '-2147483649'],
      [6, '-1'],
      [6, '4294967296'],
      [8, '-1'],
      [8, '-1234567890123456'],
    ];
    for (const [column, text] of bad) {
      const table = Array.from({ length: 30 }, (_, r) => tableRow(r).map((cell) => cell ?? '1'));
      table[17]![column] = text;
      const { data, bounds } = digitChunk(table.map(rowPayload), () => 20);
      expect(failure(data, bounds), `${text} in column ${column}`).toEqual({
        code: 'OUT_OF_RANGE',
        row: 17,
        column,
      });
    }
  });
});
