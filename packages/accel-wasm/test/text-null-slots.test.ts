import { describe, expect, test } from 'vitest';
import { type ColumnSpec, createRowDecoder } from '../src/index.js';
import { BINARY, IMPLEMENTATIONS, rows, spec } from './support.js';

/**
 * A NULL's slot holds 0 in every fixed width (1, 2, 4, 8 bytes, a whole vector), also where the
 * batch before left a value in the reused memory.
 */
describe.each(IMPLEMENTATIONS)('NULL slots ($name)', ({ accel }) => {
  const columns: [ColumnSpec, string | Uint8Array][] = [
    [spec(1), '-128'],
    [spec(2), '-32768'],
    [spec(3), '-2147483648'],
    [spec(8), '-9223372036854775808'],
    [spec(5), '-1.5e300'],
    [spec(10), '9999-12-31'],
    [spec(12, { decimals: 6 }), '9999-12-31 23:59:59.999999'],
    [spec(13), '2155'],
    [
      spec(252, { charset: BINARY, extendedType: 2, vectorDims: 3, vectorElement: 1 }),
      new Uint8Array(12).fill(0xff),
    ],
    [spec(253), 'text'],
  ];
  const specs = columns.map(([columnSpec]) => columnSpec);

  test('every width is zeroed, after a batch of values in the same memory', () => {
    const decoder = createRowDecoder(specs, { accel });
    const full = rows(Array.from({ length: 24 }, () => columns.map(([, value]) => value)));
    decoder.decode(full.data, full.bounds);
    const isNull = (r: number, c: number) => (r + c) % 3 !== 0;
    const table = Array.from({ length: 24 }, (_, r) =>
      columns.map(([, value], c) => (isNull(r, c) ? null : value)),
    );
    const { data, bounds } = rows(table);
    const batch = decoder.decode(data, bounds);
    batch.columns.slice(0, -1).forEach((column, c) => {
      const values = column.values!;
      const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
      const slot = bytes.length / 24;
      for (let r = 0; r < 24; r += 1) {
        const slotBytes = Array.from(bytes.subarray(r * slot, r * slot + slot));
        if (isNull(r, c)) expect(slotBytes, `column ${c} row ${r}`).toEqual(Array(slot).fill(0));
        else
          expect(
            slotBytes.some((byte) => byte !== 0),
            `column ${c} row ${r}`,
          ).toBe(true);
      }
    });
  });
});
