import { describe, expect, test } from 'vitest';
import { decodeRows } from '../src/index.js';
import { BINARY, cells, IMPLEMENTATIONS, rows, spec } from './support.js';

/**
 * Variable-width cells of every length up to past the wasm decoder's word copies (2 or 8
 * words, up to 64 bytes), with more or fewer bytes after them than a copy reads, and in the
 * input's last row: each keeps exactly its own bytes.
 */
describe.each(IMPLEMENTATIONS)('cell copies ($name)', ({ accel }) => {
  const lengths = Array.from({ length: 90 }, (_, length) => length);
  const binary = (length: number, salt: number) =>
    Uint8Array.from({ length }, (_, i) => (i * 37 + length * 11 + salt) & 0xff);
  const text = (length: number, salt: number) =>
    Array.from({ length }, (_, i) => String.fromCharCode(97 + ((i * 7 + length + salt) % 26))).join(
      '',
    );
  const digits = (length: number) =>
    Array.from({ length }, (_, i) => String((i * 3 + length) % 10)).join('');

  test('strings, decimals and binary keep their own bytes, whatever follows them', () => {
    for (const after of [0, 1, 7, 15, 16, 40, 63, 64, 100]) {
      const table = lengths.map((length) => [
        text(length, after),
        binary(length, after),
        length === 0 ? '0' : digits(length),
        text(after, length),
      ]);
      const columnSpecs = [spec(253), spec(253, { charset: BINARY }), spec(246), spec(253)];
      // Twice over: in the second batch the data buffers hold the first batch's bytes.
      for (let round = 0; round < 2; round += 1) {
        const { data, bounds } = rows(table);
        const batch = decodeRows(columnSpecs, data, bounds, { accel });
        expect(cells(batch.columns[0]!)).toEqual(table.map((row) => row[0]));
        expect(cells(batch.columns[1]!)).toEqual(
          table.map((row) => Array.from(row[1] as Uint8Array)),
        );
        expect(cells(batch.columns[2]!)).toEqual(table.map((row) => row[2]));
      }
    }
  });

  test('a cell in the input’s last bytes', () => {
    for (const length of lengths) {
      const { data, bounds } = rows([[text(length, 1), binary(length, 2)]]);
      const batch = decodeRows([spec(253), spec(253, { charset: BINARY })], data, bounds, {
        accel,
      });
      expect(cells(batch.columns[0]!)).toEqual([text(length, 1)]);
      expect(cells(batch.columns[1]!)).toEqual([Array.from(binary(length, 2))]);
    }
  });
});
