import { describe, expect, test } from 'vitest';
import { decodeRows, type RowDecodeError } from '../src/index.js';
import { BINARY, cells, IMPLEMENTATIONS, rows, spec } from './support.js';

function f16(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x3ff;
  if (exponent === 0) return sign * fraction * 2 ** -24;
  if (exponent === 31) return fraction ? Number.NaN : sign * Infinity;
  return sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
}

function packed(element: string, values: number[]): Uint8Array {
  const size = { f32: 4, f64: 8, i8: 1, i16: 2, i32: 4, i64: 8, f16: 2 }[element]!;
  const view = new DataView(new ArrayBuffer(values.length * size));
  values.forEach((v, i) => {
    if (element === 'f32') view.setFloat32(i * 4, v, true);
    else if (element === 'f64') view.setFloat64(i * 8, v, true);
    else if (element === 'i8') view.setInt8(i, v);
    else if (element === 'i16') view.setInt16(i * 2, v, true);
    else if (element === 'i32') view.setInt32(i * 4, v, true);
    else if (element === 'i64') view.setBigInt64(i * 8, BigInt(v), true);
    else view.setUint16(i * 2, v, true);
  });
  return new Uint8Array(view.buffer);
}

describe.each(IMPLEMENTATIONS)('strings, bytes and vectors ($name)', ({ accel }) => {
  const decode = (
    specs: Parameters<typeof spec>[1][] | ReturnType<typeof spec>[],
    table: Parameters<typeof rows>[0],
  ) => {
    const { data, bounds } = rows(table);
    return decodeRows(specs as ReturnType<typeof spec>[], data, bounds, { accel });
  };
  const failure = (specs: ReturnType<typeof spec>[], cell: string | Uint8Array) => {
    try {
      decode(specs, [[cell]]);
    } catch (error) {
      return (error as RowDecodeError).code;
    }
    throw new Error('no error');
  };

  test('text types are utf8 offsets + data; binary collation gives binary', () => {
    const long = 'é'.repeat(40000);
    const batch = decode(
      [
        spec(253),
        spec(254),
        spec(252),
        spec(245, { charset: BINARY }),
        spec(247),
        spec(248),
        spec(255),
        spec(15),
        spec(252, { charset: BINARY }),
        spec(16, { charset: 33 }),
        spec(254, { charset: BINARY }),
      ],
      [
        [
          'héllo',
          'x',
          long,
          '{"a":1}',
          'red',
          'a,b',
          'POINT(1 2)',
          '',
          '\u0000\u00ff',
          '\u0000\u0080',
          'abc',
        ],
        [null, '', null, null, null, null, null, null, null, null, null],
      ],
    );
    const kinds = batch.columns.map((c) => c.kind);
    expect(kinds).toEqual([
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
    ]);
    expect(cells(batch.columns[0]!)).toEqual(['héllo', null]);
    expect(cells(batch.columns[2]!)).toEqual([long, null]);
    expect(cells(batch.columns[3]!)).toEqual(['{"a":1}', null]);
    expect(cells(batch.columns[8]!)).toEqual([[0, 0xc3, 0xbf], null]);
    expect(Array.from(batch.columns[1]!.offsets!)).toEqual([0, 1, 1]);
    expect(batch.columns[0]!.data!.length).toBe(6);
  });

  test('BSON is binary with type code 1001; NULL type is null', () => {
    const batch = decode(
      [spec(252, { charset: BINARY, extendedType: 1 }), spec(6)],
      [
        [new Uint8Array([5, 0, 0, 0, 0]), null],
        [null, null],
      ],
    );
    expect(batch.columns[0]).toMatchObject({ kind: 'binary', typeCode: 1001, nullCount: 1 });
    expect(cells(batch.columns[0]!)).toEqual([[5, 0, 0, 0, 0], null]);
    expect(batch.columns[1]).toMatchObject({ kind: 'null', typeCode: 6, nullCount: 2, length: 2 });
    expect(batch.columns[1]!.values).toBeUndefined();
    expect(failure([spec(6)], 'x')).toBe('UNEXPECTED_VALUE');
  });

  const ELEMENTS = [
    ['f32', 1, Float32Array, [1.5, -0.25, 3.4028234663852886e38]],
    ['f64', 2, Float64Array, [0.1, -1e300, 5e-324]],
    ['i8', 3, Int8Array, [-128, 127, 0]],
    ['i16', 4, Int16Array, [-32768, 32767, 1]],
    ['i32', 5, Int32Array, [-2147483648, 2147483647, 7]],
    ['i64', 6, BigInt64Array, [-9007199254740991, 9007199254740991, 0]],
    ['f16', 7, Float32Array, [1, -2.5, 65504]],
  ] as const;

  test.each(ELEMENTS)('binary VECTOR of %s', (element, code, type, values) => {
    const vectorSpec = spec(252, {
      charset: BINARY,
      extendedType: 2,
      vectorDims: 3,
      vectorElement: code,
    });
    const input =
      element === 'f16' ? packed('f16', [0x3c00, 0xc100, 0x7bff]) : packed(element, [...values]);
    const batch = decode([vectorSpec], [[input], [null]]);
    const column = batch.columns[0]!;
    expect(column).toMatchObject({
      kind: 'vector',
      typeCode: 3000 + code,
      dims: 3,
      vectorElement: element,
      nullCount: 1,
    });
    expect(column.values).toBeInstanceOf(type);
    const expected =
      element === 'i64'
        ? values.map(BigInt)
        : element === 'f32'
          ? values.map(Math.fround)
          : [...values];
    expect(cells(column)).toEqual([expected, null]);
    expect(Array.from(column.values as ArrayLike<number | bigint>).slice(3)).toEqual(
      element === 'i64' ? [0n, 0n, 0n] : [0, 0, 0],
    );
    expect(failure([vectorSpec], input.subarray(1))).toBe('VECTOR_LENGTH');
  });

  test.each(ELEMENTS)('JSON VECTOR of %s', (element, code, type, values) => {
    const vectorSpec = spec(252, { extendedType: 2, vectorDims: 3, vectorElement: element });
    const text = ` [ ${values.map((v) => String(v)).join(' ,')} ]\n`;
    const column = decode([vectorSpec], [[text], [null]]).columns[0]!;
    expect(column).toMatchObject({ kind: 'vector', typeCode: 2000 + code, dims: 3 });
    expect(column.values).toBeInstanceOf(type);
    const expected =
      element === 'i64'
        ? values.map(BigInt)
        : element === 'f32'
          ? values.map(Math.fround)
          : [...values];
    expect(cells(column)).toEqual([expected, null]);
  });

  test('F16 vectors round to nearest even, widened exactly', () => {
    const vectorSpec = spec(252, { extendedType: 2, vectorDims: 6, vectorElement: 'f16' });
    const column = decode(
      [vectorSpec],
      [['[0.1, 65519, 65520, 1e-8, 2.9802322387695312e-8, 5.960464477539063e-8]']],
    ).columns[0]!;
    expect(cells(column)).toEqual([[f16(0x2e66), 65504, Infinity, 0, 0, f16(1)]]);
    const binary = decode(
      [spec(252, { charset: BINARY, extendedType: 2, vectorDims: 3, vectorElement: 7 })],
      [[packed('f16', [0x0001, 0x7c00, 0x8000])]],
    ).columns[0]!;
    expect(cells(binary)).toEqual([[f16(1), Infinity, -0]]);
  });

  test('bad JSON vectors', () => {
    const three = (element: string) => [
      spec(252, { extendedType: 2, vectorDims: 3, vectorElement: element as 'f32' }),
    ];
    expect(failure(three('f32'), '[1,2]')).toBe('VECTOR_LENGTH');
    expect(failure(three('f32'), '[1,2,3,4]')).toBe('VECTOR_LENGTH');
    expect(failure(three('f32'), '[]')).toBe('VECTOR_LENGTH');
    for (const text of [
      '',
      '1,2,3',
      '[1,2,3',
      '[1,,3]',
      '[1,2,3,]',
      '[1,2,3]x',
      '[1 2 3]',
      '[[1],2,3]',
      '[1,2,"3"]',
      '[1,2,NaN]',
      '{1,2,3}',
    ]) {
      expect(failure(three('f32'), text)).toBe('BAD_VECTOR');
    }
    expect(failure(three('i8'), '[1,2,128]')).toBe('OUT_OF_RANGE');
    expect(failure(three('i8'), '[1,2,1.5]')).toBe('BAD_VECTOR');
    expect(failure(three('i64'), '[1,2,9223372036854775808]')).toBe('OUT_OF_RANGE');
  });

  test('column specs by SDK type code and bad specs', () => {
    const column = decode([spec(3005, { vectorDims: 2 })], [[packed('i32', [1, 2])]]).columns[0]!;
    expect(column).toMatchObject({ kind: 'vector', typeCode: 3005, vectorElement: 'i32' });
    expect(decode([spec(1001)], [['x']]).columns[0]).toMatchObject({
      kind: 'binary',
      typeCode: 1001,
    });
    expect(() => decode([spec(252, { extendedType: 3 })], [])).toThrow(
      /unrecognized extended data type/,
    );
    expect(() =>
      decode([spec(252, { extendedType: 2, vectorDims: 2, vectorElement: 9 })], []),
    ).toThrow(TypeError);
    expect(() =>
      decode([spec(252, { extendedType: 2, vectorDims: 0, vectorElement: 1 })], []),
    ).toThrow(TypeError);
    expect(() => decode([spec(-1)], [])).toThrow(TypeError);
    expect(decode([spec(200)], [['z']]).columns[0]!.kind).toBe('utf8');
    expect(decode([spec(200, { charset: BINARY })], [['z']]).columns[0]!.kind).toBe('binary');
  });
});
