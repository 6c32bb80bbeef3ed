import { ColumnBatchBuilder, type ColumnSpec, jsonText, TypeCode } from '@s2/core-cursor';
import { describe, expect, it } from 'vitest';
import { tuplesColumn } from './tuples-column.js';

/** What the row-by-row builder makes of the same JSON values: the reference to match. */
function builderColumn(spec: ColumnSpec, values: readonly unknown[]): unknown {
  const builder = new ColumnBatchBuilder([spec]);
  for (const value of values) {
    let cell = value ?? null;
    if (spec.kind === 'binary' && typeof cell === 'string') {
      cell = Uint8Array.from(atob(cell), (char) => char.charCodeAt(0));
    } else if (spec.typeCode === TypeCode.JSON && cell !== null) {
      cell = jsonText(cell);
    }
    builder.appendRow([cell]);
  }
  return builder.build().columns[0];
}

const CASES: readonly [string, ColumnSpec, readonly unknown[]][] = [
  ['int8', { kind: 'int8', typeCode: TypeCode.TINY }, [1, null, -128, 127n, undefined]],
  ['uint32', { kind: 'uint32', typeCode: TypeCode.LONG }, [4_294_967_295, 0, null]],
  ['float64', { kind: 'float64', typeCode: TypeCode.DOUBLE }, [1.5, null, -0, 1e308, 7n]],
  [
    'int64',
    { kind: 'int64', typeCode: TypeCode.LONGLONG },
    [-9_223_372_036_854_775_808n, 9_223_372_036_854_775_807n, 42, null, ' 7 '],
  ],
  [
    'int64 from safe numbers',
    { kind: 'int64', typeCode: TypeCode.LONGLONG },
    [0, -1, 4_294_967_295, 4_294_967_296, -4_294_967_296, -4_294_967_297, 2 ** 53 - 1, 1 - 2 ** 53],
  ],
  [
    'uint64',
    { kind: 'uint64', typeCode: TypeCode.LONGLONG },
    [18_446_744_073_709_551_615n, 1, null, 4_294_967_296, 2 ** 53 - 1],
  ],
  [
    'utf8',
    { kind: 'utf8', typeCode: TypeCode.VAR_STRING },
    ['ascii', null, 'varchär ✓', '😀 pair', '\ud800 lone', '', 12, 12345678901234567890n, { a: 1 }],
  ],
  [
    'JSON',
    { kind: 'utf8', typeCode: TypeCode.JSON },
    [{ n: 9_223_372_036_854_775_807n, f: 2.5 }, 'text', null, [1, null, true], 3],
  ],
  ['decimal', { kind: 'decimal', typeCode: TypeCode.NEWDECIMAL, decimals: 6 }, ['-1.000001', null]],
  ['time', { kind: 'time', typeCode: TypeCode.TIME }, ['-838:59:59', null, '00:00:00.5']],
  ['binary', { kind: 'binary', typeCode: TypeCode.BLOB }, ['AQIDBA==', null, '', '/w==']],
  // Forgiving base64, which only atob reads: whitespace, missing padding.
  ['loose base64', { kind: 'binary', typeCode: TypeCode.BLOB }, ['AQIDBA==', 'AQ\tD', null, 'AQI']],
  [
    'vector f32',
    { kind: 'vector', typeCode: 2001, dims: 2, vectorElement: 'f32' },
    [[0.5, -1], null, '[1.5,2]', new Float32Array([3, 4])],
  ],
  [
    'vector i64',
    { kind: 'vector', typeCode: 2006, dims: 2, vectorElement: 'i64' },
    [[1, 9_223_372_036_854_775_807n], null],
  ],
  ['date', { kind: 'date', typeCode: TypeCode.DATE }, ['2024-02-29', null, '0000-00-00']],
  [
    'canonical date',
    { kind: 'date', typeCode: TypeCode.DATE },
    ['1969-12-31', '1000-01-01', '9999-12-31', '2023-02-29', '2024-13-01', '2024-02-29', null],
  ],
  [
    'other date',
    { kind: 'date', typeCode: TypeCode.DATE },
    ['2024-02-29', ' 2024-02-29', '2024-2-29', '2024-02-29 12:00:00', 19_782, 'garbage'],
  ],
  [
    'timestamp',
    { kind: 'timestamp', typeCode: TypeCode.DATETIME, decimals: 6 },
    ['2024-02-29 12:34:56.123456', null, '1000-01-01 00:00:00'],
  ],
  [
    'canonical timestamp',
    { kind: 'timestamp', typeCode: TypeCode.DATETIME, decimals: 6 },
    [
      '2024-02-29 12:34:56.123456',
      '2024-02-29 00:00:00.5',
      '1969-12-31 23:59:59.999999',
      '9999-12-31 23:59:59',
      '1000-01-01 00:00:00.000001',
      '1684-06-09 00:00:00',
      '1685-01-01 00:00:00.5',
      '2255-06-05 23:59:59.999999',
      '2300-01-01 00:00:00',
      '0000-00-00 00:00:00',
      '2023-02-29 12:00:00',
      '2024-02-29 24:00:00',
      '2024-02-29 12:60:00',
      null,
    ],
  ],
  [
    'other timestamp',
    { kind: 'timestamp', typeCode: TypeCode.TIMESTAMP, decimals: 0 },
    ['2024-02-29T12:34:56', ' 2024-02-29 12:34:56 ', '2024-02-29', 5n, 'garbage'],
  ],
  ['null', { kind: 'null', typeCode: TypeCode.NULL }, [null, null]],
];

describe('tuplesColumn', () => {
  it.each(CASES)('builds %s columns as the row-by-row builder does', (_name, spec, values) => {
    const rows = values.map((value) => [0, value]);
    expect(tuplesColumn(spec, rows, 1)).toStrictEqual(builderColumn(spec, values));
  });

  it.each(CASES)('builds empty %s columns as the builder does', (_name, spec) => {
    expect(tuplesColumn(spec, [], 0)).toStrictEqual(builderColumn(spec, []));
  });

  it('rejects a vector of the wrong length', () => {
    const spec: ColumnSpec = { kind: 'vector', typeCode: 2001, dims: 3, vectorElement: 'f32' };
    expect(() => tuplesColumn(spec, [[[1, 2]]], 0)).toThrow(TypeError);
  });
});

describe('tuplesColumn binary', () => {
  it('rejects text that is not base64, as atob does', () => {
    const spec: ColumnSpec = { kind: 'binary', typeCode: TypeCode.BLOB };
    expect(() => tuplesColumn(spec, [['AQID'], ['A*ID']], 0)).toThrow();
  });

  it('takes byte arrays as they are', () => {
    const spec: ColumnSpec = { kind: 'binary', typeCode: TypeCode.BLOB };
    const column = tuplesColumn(spec, [['AQ=='], [new Uint8Array([2, 3])]], 0);
    expect(column.data).toEqual(new Uint8Array([1, 2, 3]));
    expect(column.offsets).toEqual(new Int32Array([0, 1, 3]));
  });
});
