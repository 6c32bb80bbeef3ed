import { describe, expect, test } from 'vitest';
import { type ColumnBatch, decodeRows } from '../src/index.js';
import { cells, IMPLEMENTATIONS, outcome, rowPayload, spec } from './support.js';

// The wasm decoder reads a table of INT columns alone two rows at a time, checks where each
// row ended only once the row is read, reads a NULL out of its loop, and leaves any other cell
// that is not a plain INT32 text to its general path from that column on. These tables put each kind of cell at every row (the
// first and the second of a pair, and the last rows, too near the input's end for the pair
// loop) and every column, with ASCII digits between rows, where a read past a row's end would
// find a plausible number.

const WIDTH = 5;
const SPECS = Array.from({ length: WIDTH }, () => spec(3));
const LAST = WIDTH - 1;

/** Texts the pair loop reads itself: 1 to 8 bytes, and 9 to 11 with the range check. */
const TEXTS = [
  '0',
  '-0',
  '7',
  '-7',
  '42',
  '-1000000',
  '1000000',
  '12345678',
  '-1234567',
  '99999999',
  '-99999999',
  '123456789',
  '-12345678',
  '2147483647',
  '-2147483648',
  '1000000000',
  '-999999999',
  '0000000001',
  '00000000001',
];

function tableRow(r: number): (string | null)[] {
  return Array.from({ length: WIDTH }, (_, c) => TEXTS[(r * 3 + c * 7) % TEXTS.length]!);
}

function table(rows: number): (string | null)[][] {
  return Array.from({ length: rows }, (_, r) => tableRow(r));
}

/** `gap` ASCII digits before each row and `tail` after the last. */
function digitChunk(payloads: readonly Uint8Array[], gap: number, tail: number) {
  const parts: number[] = [];
  const bounds = new Uint32Array(payloads.length * 2);
  payloads.forEach((payload, r) => {
    for (let i = 0; i < gap; i++) parts.push(0x37);
    bounds[2 * r] = parts.length;
    parts.push(...payload);
    bounds[2 * r + 1] = parts.length;
  });
  for (let i = 0; i < tail; i++) parts.push(0x37);
  return { data: Uint8Array.from(parts), bounds };
}

function values(batch: ColumnBatch): unknown[][] {
  const columns = batch.columns.map(cells);
  return Array.from({ length: batch.numRows }, (_, r) => columns.map((column) => column[r]));
}

function expected(rows: readonly (readonly (string | null)[])[]): unknown[][] {
  // `+ 0` turns the -0 of '-0' into the 0 a typed array holds.
  return rows.map((row) => row.map((text) => (text === null ? null : Number(text) + 0)));
}

/** Every (row, column) of a table of `rows` rows. */
function everyCell(rows: number): [number, number][] {
  return Array.from({ length: rows * WIDTH }, (_, i) => [Math.floor(i / WIDTH), i % WIDTH]);
}

/** Where column `c`'s length byte is in a row of texts. */
function lengthByte(row: readonly (string | null)[], c: number): number {
  return row.slice(0, c).reduce((at, text) => at + 1 + text!.length, 0);
}

const ROWS = 8;
/** No digits after the last row (its last rows too near the end), or enough for all. */
const TAILS = [0, 12 * WIDTH];

describe.each(IMPLEMENTATIONS)('tables of INT columns alone ($name)', ({ accel }) => {
  const decode = (data: Uint8Array, bounds: Uint32Array) =>
    decodeRows(SPECS, data, bounds, { accel });
  const failure = (data: Uint8Array, bounds: Uint32Array) => {
    const result = outcome(() => decode(data, bounds)) as {
      error?: { code: string; row: number; column: number };
    };
    if (!result.error) throw new Error('the decode did not fail');
    const { code, row, column } = result.error;
    return { code, row, column };
  };

  test('every text in every column, in either row of a pair, up to the input end', () => {
    for (const count of [1, 2, 3, 4, 5, 31]) {
      const rows = table(count);
      for (const [gap, tail] of [
        [0, 0],
        [1, 0],
        [17, 0],
        [0, 60],
      ] as const) {
        const { data, bounds } = digitChunk(rows.map(rowPayload), gap, tail);
        expect(values(decode(data, bounds)), `${count} rows, gap ${gap}`).toEqual(expected(rows));
      }
    }
  });

  test('a cell the pair loop leaves to the general path decodes at every row and column', () => {
    const cases: [string | null, number | null][] = [
      [null, null],
      ['+5', 5],
      ['000000000005', 5],
      ['-00000000005', -5],
    ];
    for (const tail of TAILS) {
      for (const [text, value] of cases) {
        for (const [r, c] of everyCell(ROWS)) {
          const rows = table(ROWS);
          rows[r]![c] = text;
          const { data, bounds } = digitChunk(rows.map(rowPayload), 3, tail);
          const want = expected(rows);
          want[r]![c] = value;
          expect(values(decode(data, bounds)), `${text} at ${r}, ${c}`).toEqual(want);
        }
      }
    }
  });

  test('a NULL in either row of a pair or both, beside any cell, is counted once', () => {
    const besides: [string | null, number | null][] = [
      ['1', 1],
      [null, null],
      ['+5', 5],
    ];
    for (const tail of TAILS) {
      for (const [r, c] of everyCell(ROWS)) {
        const other = r % 2 === 0 ? r + 1 : r - 1;
        for (const [text, value] of besides) {
          const rows = table(ROWS);
          rows[r]![c] = null;
          rows[other]![c] = text;
          const { data, bounds } = digitChunk(rows.map(rowPayload), 3, tail);
          const batch = decode(data, bounds);
          const want = expected(rows);
          want[other]![c] = value;
          const where = `NULL at ${r}, ${c} beside ${text}`;
          expect(values(batch), where).toEqual(want);
          // A NULL's slot holds 0, as the general path leaves it.
          expect(
            batch.columns.map((column) => Array.from(column.values as Int32Array)),
            where,
          ).toEqual(SPECS.map((_, column) => want.map((row) => row[column] ?? 0)));
          expect(
            batch.columns.map((column) => column.nullCount),
            where,
          ).toEqual(SPECS.map((_, column) => (column === c ? (text === null ? 2 : 1) : 0)));
        }
        const rows = table(ROWS);
        rows[r]![c] = null;
        rows[other]![c] = '12a4';
        const { data, bounds } = digitChunk(rows.map(rowPayload), 3, tail);
        expect(failure(data, bounds), `NULL at ${r}, ${c} beside a bad cell`).toEqual({
          code: 'BAD_NUMBER',
          row: other,
          column: c,
        });
      }
    }
  });

  test('a bad cell fails with its row and column wherever it is', () => {
    const bad: [string, string][] = [
      ['2147483648', 'OUT_OF_RANGE'],
      ['-2147483649', 'OUT_OF_RANGE'],
      ['99999999999', 'OUT_OF_RANGE'],
      ['9999999999', 'OUT_OF_RANGE'],
      ['12a4', 'BAD_NUMBER'],
      ['1-2', 'BAD_NUMBER'],
      ['--1', 'BAD_NUMBER'],
      ['-', 'BAD_NUMBER'],
      ['', 'BAD_NUMBER'],
      [' 1', 'BAD_NUMBER'],
      ['-1234567x', 'BAD_NUMBER'],
      ['x23456789', 'BAD_NUMBER'],
      ['1-23456789', 'BAD_NUMBER'],
    ];
    for (const tail of TAILS) {
      for (const [text, code] of bad) {
        for (const [r, c] of everyCell(ROWS)) {
          const rows = table(ROWS);
          rows[r]![c] = text;
          const { data, bounds } = digitChunk(rows.map(rowPayload), 3, tail);
          expect(failure(data, bounds), `${text} at ${r}, ${c}`).toEqual({
            code,
            row: r,
            column: c,
          });
        }
      }
    }
  });

  test('the first bad cell wins over a bad cell in the other row of its pair', () => {
    for (const [r, c] of everyCell(ROWS)) {
      const rows = table(ROWS);
      rows[r]![c] = '12a4';
      const other = r % 2 === 0 ? r + 1 : r - 1;
      for (let column = 0; column < WIDTH; column++) rows[other]![column] = '2147483648';
      const first = Math.min(r, other);
      const { data, bounds } = digitChunk(rows.map(rowPayload), 3, 60);
      expect(failure(data, bounds), `${r}, ${c}`).toEqual(
        first === r
          ? { code: 'BAD_NUMBER', row: r, column: c }
          : { code: 'OUT_OF_RANGE', row: other, column: 0 },
      );
    }
  });

  test('a length past its row or short of it, or a cell too many or too few', () => {
    for (const tail of TAILS) {
      for (const [r, c] of everyCell(ROWS)) {
        for (const delta of [1, -1]) {
          const rows = table(ROWS);
          const payloads = rows.map(rowPayload);
          payloads[r]![lengthByte(rows[r]!, c)]! += delta;
          const { data, bounds } = digitChunk(payloads, 20, tail);
          const result = failure(data, bounds);
          expect(result.row, `${delta} at ${r}, ${c}`).toBe(r);
          if (c === LAST && delta > 0) {
            expect(result, `${delta} at ${r}, ${c}`).toEqual({
              code: 'TRUNCATED',
              row: r,
              column: LAST,
            });
          }
        }
      }
      for (let r = 0; r < ROWS; r++) {
        const longer = table(ROWS);
        longer[r]!.push('1');
        const shorter = table(ROWS);
        shorter[r]!.pop();
        const cut = digitChunk(shorter.map(rowPayload), 0, tail);
        expect(failure(cut.data, cut.bounds)).toEqual({ code: 'TRUNCATED', row: r, column: LAST });
        const extra = digitChunk(longer.map(rowPayload), 0, tail);
        expect(failure(extra.data, extra.bounds)).toEqual({
          code: 'TRAILING_BYTES',
          row: r,
          column: -1,
        });
      }
    }
  });
});

test('a length past its row or short of it fails the same way in both implementations', () => {
  for (const [r, c] of everyCell(ROWS)) {
    for (const delta of [1, 2, -1]) {
      const rows = table(ROWS);
      const payloads = rows.map(rowPayload);
      payloads[r]![lengthByte(rows[r]!, c)]! += delta;
      const { data, bounds } = digitChunk(payloads, 20, 60);
      const run = (accel: 'ts' | 'require-wasm') => () =>
        decodeRows(SPECS, data, bounds, { accel });
      expect(outcome(run('require-wasm')), `${delta} at ${r}, ${c}`).toEqual(outcome(run('ts')));
    }
  }
});
