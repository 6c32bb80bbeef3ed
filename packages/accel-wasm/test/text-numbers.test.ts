import { describe, expect, test } from 'vitest';
import { createRowDecoder, decodeRows, RowDecodeError } from '../src/index.js';
import { BINARY, cells, IMPLEMENTATIONS, rows, spec, UNSIGNED } from './support.js';

describe.each(IMPLEMENTATIONS)('numbers ($name)', ({ accel }) => {
  const one = (typeCode: number, text: string | null, extra = {}) => {
    const { data, bounds } = rows([[text]]);
    return decodeRows([spec(typeCode, extra)], data, bounds, { accel }).columns[0]!;
  };
  const failure = (typeCode: number, text: string, extra = {}) => {
    try {
      one(typeCode, text, extra);
    } catch (error) {
      expect(error).toBeInstanceOf(RowDecodeError);
      return (error as RowDecodeError).code;
    }
    throw new Error(`decoding ${text} did not fail`);
  };

  test('integer kinds and their limits', () => {
    const cases: [number, number, string, string[], unknown[]][] = [
      [1, 0, 'int8', ['-128', '127', '0', '-0', '+5', '007'], [-128, 127, 0, 0, 5, 7]],
      [1, UNSIGNED, 'uint8', ['0', '255'], [0, 255]],
      [2, 0, 'int16', ['-32768', '32767'], [-32768, 32767]],
      [2, UNSIGNED, 'uint16', ['65535'], [65535]],
      [9, 0, 'int32', ['-8388608', '8388607'], [-8388608, 8388607]],
      [3, 0, 'int32', ['-2147483648', '2147483647'], [-2147483648, 2147483647]],
      [3, UNSIGNED, 'uint32', ['4294967295'], [4294967295]],
      [13, 0, 'uint16', ['2155', '0'], [2155, 0]],
      [
        8,
        0,
        'int64',
        [
          '-9223372036854775808',
          '9223372036854775807',
          '-1',
          '9007199254740993',
          '0000000000000000000000012',
        ],
        [-(2n ** 63n), 2n ** 63n - 1n, -1n, 9007199254740993n, 12n],
      ],
      [
        8,
        UNSIGNED,
        'uint64',
        ['18446744073709551615', '-0', '4294967296'],
        [2n ** 64n - 1n, 0n, 4294967296n],
      ],
    ];
    for (const [typeCode, flags, kind, texts, expected] of cases) {
      const { data, bounds } = rows(texts.map((t) => [t]));
      const column = decodeRows([spec(typeCode, { flags, charset: BINARY })], data, bounds, {
        accel,
      }).columns[0]!;
      expect(column.kind).toBe(kind);
      expect(cells(column)).toEqual(expected);
    }
  });

  test('integer texts of every length, mid-input and at its very end', () => {
    // The word-at-a-time reads answer only with enough bytes after the text; a cell at the
    // input's end, a '+' or a longer text goes to the digit loop, and both must agree.
    const kinds: [number, number, bigint, bigint][] = [
      [3, 0, -(2n ** 31n), 2n ** 31n - 1n],
      [3, UNSIGNED, 0n, 2n ** 32n - 1n],
      [8, 0, -(2n ** 63n), 2n ** 63n - 1n],
      [8, UNSIGNED, 0n, 2n ** 64n - 1n],
    ];
    const filler = 'x'.repeat(20);
    for (const [typeCode, flags, min, max] of kinds) {
      const columnSpecs = [spec(typeCode, { flags, charset: BINARY }), spec(253)];
      for (let digits = 1; digits <= 20; digits += 1) {
        for (const sign of ['', '-', '+']) {
          const text = `${sign}${'9876543210'.repeat(2).slice(0, digits)}`;
          const value = BigInt(text);
          const wanted = typeCode === 8 ? value : Number(value);
          const inRange = value >= min && value <= max;
          for (const table of [
            [[text, filler]],
            [
              [text, filler],
              [text, null],
            ],
          ]) {
            const { data, bounds } = rows(table);
            const decode = () => decodeRows(columnSpecs, data, bounds, { accel }).columns[0]!;
            if (inRange)
              expect(cells(decode()), `${text} (${typeCode}/${flags})`).toEqual(
                table.map(() => wanted),
              );
            else expect(decode, `${text} (${typeCode}/${flags})`).toThrow(/range/i);
          }
        }
      }
    }
  });

  test('a non-digit anywhere in an integer text of up to 17 bytes', () => {
    for (let length = 1; length <= 17; length += 1) {
      for (let at = 0; at < length; at += 1) {
        const text = `${'1'.repeat(at)}x${'1'.repeat(length - at - 1)}`;
        for (const typeCode of [3, 8]) {
          expect(failure(typeCode, `${text}`), `${text} as ${typeCode}`).toBe('BAD_NUMBER');
          const { data, bounds } = rows([[text, 'y'.repeat(20)]]);
          expect(() => decodeRows([spec(typeCode), spec(253)], data, bounds, { accel })).toThrow(
            RowDecodeError,
          );
        }
      }
    }
  });

  test('out of range, including 64-bit overflow', () => {
    expect(failure(1, '128')).toBe('OUT_OF_RANGE');
    expect(failure(1, '-1', { flags: UNSIGNED })).toBe('OUT_OF_RANGE');
    expect(failure(2, '-32769')).toBe('OUT_OF_RANGE');
    expect(failure(3, '2147483648')).toBe('OUT_OF_RANGE');
    expect(failure(3, '99999999999999999999999999')).toBe('OUT_OF_RANGE');
    expect(failure(8, '9223372036854775808')).toBe('OUT_OF_RANGE');
    expect(failure(8, '-9223372036854775809')).toBe('OUT_OF_RANGE');
    expect(failure(8, '18446744073709551616', { flags: UNSIGNED })).toBe('OUT_OF_RANGE');
    expect(failure(8, '-1', { flags: UNSIGNED })).toBe('OUT_OF_RANGE');
    expect(failure(8, '123456789012345678901234567890')).toBe('OUT_OF_RANGE');
  });

  test('non-numeric text in integer columns', () => {
    for (const text of ['', '-', '+', '1.0', ' 1', '1 ', 'abc', '0x10', '1e3', '--1', '١']) {
      expect(failure(3, text)).toBe('BAD_NUMBER');
      expect(failure(8, text)).toBe('BAD_NUMBER');
    }
    expect(failure(8, '99999999999999999999999x')).toBe('BAD_NUMBER');
  });

  test('FLOAT and DOUBLE are float64, correctly rounded', () => {
    const texts = [
      '1.5',
      '-146487000',
      '0.1',
      '3.141592653589793',
      '0.30000000000000004',
      '1e308',
      '2.2250738585072014e-308',
      '4.9e-324',
      '1e-400',
      '1e400',
      '-0',
      '.5',
      '5.',
      '+2E+3',
      '123456789012345678901234567890',
      '0.000000000000000000000000000001',
      'inf',
      '-Infinity',
    ];
    const { data, bounds } = rows(texts.map((t) => [t]));
    for (const typeCode of [4, 5]) {
      const column = decodeRows([spec(typeCode)], data, bounds, { accel }).columns[0]!;
      expect(column.kind).toBe('float64');
      expect(column.values).toBeInstanceOf(Float64Array);
      expect(cells(column)).toEqual(
        texts.map((t) =>
          t.toLowerCase().endsWith('inf') ? Number(t.replace(/inf$/i, 'Infinity')) : Number(t),
        ),
      );
    }
    expect(Number.isNaN(one(5, 'NaN').values![0])).toBe(true);
    for (const text of [
      '',
      '.',
      'e5',
      '1e',
      '1e+',
      '1.2.3',
      '0x1p3',
      'nan1',
      'infinit',
      '1,5',
      ' 1',
    ]) {
      expect(failure(5, text)).toBe('BAD_NUMBER');
    }
  });

  test('hard roundings: halfway points and very long digit strings', () => {
    const long = (head: string, zeros: number, tail: string) =>
      `${head}${'0'.repeat(zeros)}${tail}`;
    const texts = [
      '9007199254740993',
      '9007199254740993.0000000000000000000000000001',
      '2.4703282292062327e-324',
      '2.4703282292062328e-324',
      '1.7976931348623157e308',
      '1.7976931348623158e308',
      '1.7976931348623159e308',
      '0.1000000000000000055511151231257827021181583404541015625',
      long('1.', 800, '1'),
      long('0.', 400, '123456789012345678901234567890'),
      long('123456789012345678901234567890', 300, ''),
      `${'9'.repeat(1000)}e-1000`,
      '1e-2147483649',
      '1e2147483648',
    ];
    const { data, bounds } = rows(texts.map((t) => [t]));
    const column = decodeRows([spec(5)], data, bounds, { accel }).columns[0]!;
    expect(cells(column)).toEqual(texts.map(Number));
  });

  test('DECIMAL as exact text, or as float64 on request', () => {
    const texts = ['-12.345', '0.000', '12345678901234567890.123456789', '7'];
    const { data, bounds } = rows([...texts.map((t) => [t]), [null]]);
    const exact = decodeRows([spec(246, { decimals: 3 })], data, bounds, { accel }).columns[0]!;
    expect(exact).toMatchObject({ kind: 'decimal', typeCode: 246, decimals: 3, nullCount: 1 });
    expect(cells(exact)).toEqual([...texts, null]);
    const float = decodeRows([spec(0, { decimals: 3 })], data, bounds, {
      accel,
      decimal: 'float64',
    }).columns[0]!;
    expect(float.kind).toBe('float64');
    expect(cells(float)).toEqual([...texts.map(Number), null]);
    expect(failure(246, '1.2.3')).toBe('BAD_NUMBER');
    expect(failure(246, 'inf')).toBe('BAD_NUMBER');
  });

  test('a NULL slot holds 0 and the validity bitmap is LSB first', () => {
    const table = Array.from({ length: 19 }, (_, i) => [i % 3 === 0 ? null : String(i)]);
    const { data, bounds } = rows(table);
    const column = createRowDecoder([spec(8)], { accel }).decode(data, bounds).columns[0]!;
    expect(column.nullCount).toBe(7);
    expect(Array.from(column.validity)).toEqual([0b10110110, 0b01101101, 0b00000011]);
    expect(Array.from(column.values as BigInt64Array)).toEqual(
      table.map((_, i) => (i % 3 === 0 ? 0n : BigInt(i))),
    );
  });
});
