import { describe, expect, test } from 'vitest';
import {
  type ColumnVector,
  createRowdat1Codec,
  decodeRowdat1,
  encodeRowdat1,
  type RowDecodeError,
  RowEncodeError,
} from '../src/index.js';
import { int64Column, VECTORS } from './rowdat1-fixtures.js';
import { cells, hex, IMPLEMENTATIONS, toHex } from './support.js';

describe.each(IMPLEMENTATIONS)('ROWDAT_1 codec ($name)', ({ accel }) => {
  test('every type round-trips, narrow codes included', () => {
    const types = [
      1, -1, 2, -2, 3, -3, 9, -9, 8, -8, 4, 5, 0, 246, 7, 12, 10, 11, 13, 6, 15, 245, 247, 248, 249,
      250, 251, 252, 253, 254, 255, -15, -252, -254, -245,
    ];
    const codec = createRowdat1Codec(types, { accel });
    const rowValue = (code: number, row: number): number[] => {
      const view = new DataView(new ArrayBuffer(8));
      switch (code) {
        case 1:
        case -1:
          return [row % 2 ? 0x80 : 0x7f];
        case 2:
        case -2:
        case 13:
          return [0x34, 0x92];
        case 3:
        case -3:
        case 9:
        case -9:
        case 4:
          return [1, 2, 3, 0xc4];
        case 5:
          view.setFloat64(0, -row - 0.5, true);
          return [...new Uint8Array(view.buffer)];
        case 7:
        case 12:
          view.setBigUint64(0, 142431024299269109n + BigInt(row), true);
          return [...new Uint8Array(view.buffer)];
        case 10:
          view.setBigInt64(0, 20240102n + BigInt(row), true);
          return [...new Uint8Array(view.buffer)];
        case 11:
          view.setBigInt64(0, row % 2 ? -250617000005n : 10203000004n, true);
          return [...new Uint8Array(view.buffer)];
        case 6:
          return [0];
        case 8:
        case -8:
          view.setBigInt64(0, -BigInt(row) * 123456789123n, true);
          return [...new Uint8Array(view.buffer)];
        default: {
          const text = code === 0 || code === 246 ? `-${row}.5` : 'é'.repeat(row);
          const bytes = new TextEncoder().encode(text);
          view.setBigInt64(0, BigInt(bytes.length), true);
          return [...new Uint8Array(view.buffer), ...bytes];
        }
      }
    };
    const body: number[] = [];
    for (let row = 0; row < 5; row++) {
      body.push(row, 0, 0, 0, 0, 0, 0, 0x80);
      types.forEach((code, c) => {
        const isNull = code === 6 || (row + c) % 4 === 3;
        const value = rowValue(code, row);
        if (isNull && code !== 6 && value.length > 8)
          value.splice(0, value.length, ...new Array(8).fill(0));
        if (
          isNull &&
          value.length === 8 &&
          code !== 6 &&
          ![1, -1, 2, -2, 3, -3, 9, -9, 4, 13].includes(code)
        )
          value.fill(0);
        if (isNull && [1, -1, 2, -2, 3, -3, 9, -9, 4, 13].includes(code)) value.fill(0);
        body.push(isNull ? 1 : 0, ...value);
      });
    }
    const bytes = Uint8Array.from(body);
    const decoded = codec.decode(bytes);
    expect(decoded.batch.numRows).toBe(5);
    expect(decoded.batch.columns.map((c) => c.kind)).toEqual([
      'int8',
      'uint8',
      'int16',
      'uint16',
      'int32',
      'uint32',
      'int32',
      'uint32',
      'int64',
      'uint64',
      'float64',
      'float64',
      'decimal',
      'decimal',
      'timestamp',
      'timestamp',
      'date',
      'time',
      'uint16',
      'null',
      'utf8',
      'utf8',
      'utf8',
      'utf8',
      'utf8',
      'utf8',
      'utf8',
      'utf8',
      'utf8',
      'utf8',
      'utf8',
      'binary',
      'binary',
      'binary',
      'binary',
    ]);
    expect(cells(decoded.batch.columns[17]!)).toEqual([
      '01:02:03.000004',
      '-25:06:17.000005',
      null,
      '-25:06:17.000005',
      '01:02:03.000004',
    ]);
    expect(toHex(codec.encode(decoded))).toBe(toHex(bytes));
  });

  test('framing errors: truncation at every byte, negative lengths', () => {
    const bytes = hex(VECTORS[1]!.hex);
    for (let cut = 1; cut < bytes.length; cut++) {
      let error: RowDecodeError | undefined;
      try {
        const partial = decodeRowdat1([-8, -254], bytes.subarray(0, cut), { accel });
        expect(cut).toBe(28);
        expect(partial.batch.numRows).toBe(1);
      } catch (e) {
        error = e as RowDecodeError;
      }
      if (cut !== 28) expect(error?.code, `cut ${cut}`).toBe('TRUNCATED');
    }
    const negative = hex('0000000000000000 00 ffffffffffffffff');
    expect(() => decodeRowdat1([254], negative, { accel })).toThrow(
      expect.objectContaining({ code: 'BAD_LENGTH', row: 0, column: 0 }),
    );
    expect(() => decodeRowdat1([8], hex('00000000000000'), { accel })).toThrow(
      expect.objectContaining({
        code: 'TRUNCATED',
        row: 0,
        column: -1,
        message: 'cannot decode row 0: the value runs past the end of the row',
      }),
    );
  });

  test('value errors: impossible dates, datetimes and times', () => {
    const body = (value: bigint) => {
      const view = new DataView(new ArrayBuffer(17));
      view.setBigInt64(9, value, true);
      return new Uint8Array(view.buffer);
    };
    const code = (type: number, value: bigint) => {
      try {
        return cells(decodeRowdat1([type], body(value), { accel }).batch.columns[0]!)[0];
      } catch (error) {
        return (error as RowDecodeError).code;
      }
    };
    expect(code(10, 20240230n)).toBe('BAD_DATE');
    expect(code(10, -1n)).toBe('BAD_DATE');
    expect(code(10, 0n)).toBe(null);
    expect(code(12, 0n)).toBe(null);
    expect(code(12, (2024n << 46n) | (13n << 42n) | (1n << 37n))).toBe('BAD_DATETIME');
    expect(code(12, (2024n << 46n) | (1n << 42n) | (1n << 37n) | 999999n)).toBe(
      BigInt(Date.parse('2024-01-01T00:00:00Z')) * 1000n + 999999n,
    );
    expect(code(12, (2024n << 46n) | (1n << 42n) | (1n << 37n) | 1000000n)).toBe('BAD_DATETIME');
    expect(code(11, 60000000n)).toBe('BAD_TIME');
    expect(code(11, 6000000n)).toBe('00:00:06');
    expect(code(11, -(2n ** 63n))).toBe('BAD_TIME');
    expect(code(11, 0n)).toBe('00:00:00');
    expect(code(11, 9223372035959999999n)).toBe('922337203:59:59.999999');
  });

  test('encoding range-checks every integer against its wire type', () => {
    const encode = (types: number[], column: ColumnVector) =>
      encodeRowdat1(
        types,
        {
          rowIds: new BigInt64Array(column.length),
          batch: { numRows: column.length, columns: [column] },
        },
        { accel },
      );
    const int16 = (values: number[]): ColumnVector => ({
      kind: 'int16',
      typeCode: 2,
      decimals: 0,
      length: values.length,
      nullCount: 0,
      validity: new Uint8Array([0xff]),
      values: Int16Array.from(values),
    });
    expect(toHex(encode([1], int16([-128, 127])))).toBe('000000000000000000800000000000000000007f');
    try {
      encode([1], int16([1, 300]));
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(RowEncodeError);
      expect(error).toMatchObject({
        code: 'OUT_OF_RANGE',
        row: 1,
        column: 0,
        message: 'cannot encode row 1, column 0 (TINYINT): the value is out of range for this type',
      });
    }
    expect(() => encode([-8], int64Column([-1n]))).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
    expect(() => encode([8], int64Column([2n ** 63n], 'uint64'))).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
    expect(toHex(encode([-8], int64Column([2n ** 64n - 1n], 'uint64')))).toBe(
      '000000000000000000ffffffffffffffff',
    );
    const date = (days: number): ColumnVector => ({
      kind: 'date',
      typeCode: 10,
      decimals: 0,
      length: 1,
      nullCount: 0,
      validity: new Uint8Array([1]),
      values: Int32Array.of(days),
    });
    expect(toHex(encode([10], date(19724)))).toBe('000000000000000000' + 'e6d6340100000000');
    expect(() => encode([10], date(2932897))).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
    const time = (text: string): ColumnVector => ({
      kind: 'time',
      typeCode: 11,
      decimals: 0,
      length: 1,
      nullCount: 0,
      validity: new Uint8Array([1]),
      offsets: Int32Array.of(0, text.length),
      data: new TextEncoder().encode(text),
    });
    expect(() => encode([11], time('25:61:00'))).toThrow(
      expect.objectContaining({ code: 'BAD_TIME' }),
    );
    expect(() => encode([11], time('922337204:00:00'))).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
    const stamp = (micros: bigint): ColumnVector => ({
      kind: 'timestamp',
      typeCode: 12,
      decimals: 6,
      length: 1,
      nullCount: 0,
      validity: new Uint8Array([1]),
      values: BigInt64Array.of(micros),
    });
    expect(() => encode([12], stamp(-(2n ** 63n)))).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
    expect(toHex(encode([12], stamp(-1n)))).toBe(
      '000000000000000000' +
        toHex(
          new Uint8Array(
            BigUint64Array.of(
              (1969n << 46n) |
                (12n << 42n) |
                (31n << 37n) |
                (23n << 32n) |
                (59n << 26n) |
                (59n << 20n) |
                999999n,
            ).buffer,
          ),
        ),
    );
  });

  test('bad encoder input is a TypeError', () => {
    const rows = (column: unknown, numRows = 1) => ({
      rowIds: new BigInt64Array(numRows),
      batch: { numRows, columns: [column as ColumnVector] },
    });
    expect(() => encodeRowdat1([8], rows(int64Column([1n, 2n])), { accel })).toThrow(TypeError);
    expect(() => encodeRowdat1([5], rows(int64Column([1n])), { accel })).toThrow(TypeError);
    expect(() => encodeRowdat1([254], rows(int64Column([1n])), { accel })).toThrow(TypeError);
    expect(() =>
      encodeRowdat1(
        [254],
        rows({
          kind: 'utf8',
          length: 1,
          validity: new Uint8Array(1),
          offsets: Int32Array.of(1, 0),
          data: new Uint8Array(1),
        }),
        { accel },
      ),
    ).toThrow(/offsets decrease/);
    expect(() =>
      encodeRowdat1(
        [254],
        rows({
          kind: 'utf8',
          length: 1,
          validity: new Uint8Array(1),
          offsets: Int32Array.of(0, 2),
          data: new Uint8Array(1),
        }),
        { accel },
      ),
    ).toThrow(/past the end/);
    expect(() => encodeRowdat1([8, 8], rows(int64Column([1n])), { accel })).toThrow(TypeError);
    expect(() => decodeRowdat1([99], new Uint8Array(0), { accel })).toThrow(TypeError);
    expect(() => decodeRowdat1([-5], new Uint8Array(0), { accel })).toThrow(TypeError);
  });
});
