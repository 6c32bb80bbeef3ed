import { serialize } from 'bson';
import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../column-batch-builder.js';
import { ColumnBatchBuilder } from '../column-batch-builder.js';
import { loadBson } from './bson.js';
import { columnArray } from './column-array.js';
import { columnReader } from './column-values.js';
import { resolveValueOptions, type ValueOptions } from './value-options.js';

function decode(spec: ColumnSpec, values: unknown[], options: Partial<ValueOptions> = {}) {
  const builder = new ColumnBatchBuilder([spec]);
  for (const value of values) builder.appendRow([value]);
  const column = builder.build().columns[0];
  if (!column) throw new Error('no column');
  const resolved = resolveValueOptions(options);
  const decoded = columnArray(column, resolved);
  // The per-cell reader (the fallback for vectors and big-endian hosts) must agree.
  const read = columnReader(column, resolved);
  expect(decoded).toStrictEqual(Array.from({ length: column.length }, (_unused, row) => read(row)));
  return decoded;
}

describe('type policy', () => {
  it('gives numbers for small ints and floats, keeping nulls', () => {
    expect(decode({ kind: 'int8', typeCode: 1 }, [-128, null, 127])).toEqual([-128, null, 127]);
    expect(decode({ kind: 'float64', typeCode: 4 }, ['-146487000'])).toEqual([-146487000]);
  });

  it('applies the bigint modes to BIGINT', () => {
    const spec: ColumnSpec = { kind: 'int64', typeCode: 8 };
    const values = ['9007199254740991', '9007199254740993'];
    expect(decode(spec, values)).toEqual([9007199254740991, 9007199254740993n]);
    expect(decode(spec, values, { bigint: 'bigint' })).toEqual([
      9007199254740991n,
      9007199254740993n,
    ]);
    expect(decode(spec, values, { bigint: 'string' })).toEqual([
      '9007199254740991',
      '9007199254740993',
    ]);
    expect(decode(spec, values, { bigint: 'number' })).toEqual([
      9007199254740991, 9007199254740992,
    ]);
    expect(decode({ kind: 'uint64', typeCode: 8 }, ['18446744073709551615'])).toEqual([
      18446744073709551615n,
    ]);
  });

  it('keeps DECIMAL as exact text unless asked for numbers', () => {
    const spec: ColumnSpec = { kind: 'decimal', typeCode: 246, decimals: 2 };
    expect(decode(spec, ['12345678901234567.89'])).toEqual(['12345678901234567.89']);
    expect(decode(spec, ['1.25'], { decimal: 'number' })).toEqual([1.25]);
  });

  it('gives UTC Dates or text that keeps microseconds', () => {
    const spec: ColumnSpec = { kind: 'timestamp', typeCode: 12, decimals: 6 };
    const [date] = decode(spec, ['2024-05-06 07:08:09.123456']);
    expect((date as Date).toISOString()).toBe('2024-05-06T07:08:09.123Z');
    expect(decode(spec, ['2024-05-06 07:08:09.123456'], { dates: 'string' })).toEqual([
      '2024-05-06 07:08:09.123456',
    ]);
    expect(decode({ kind: 'date', typeCode: 10 }, ['2024-05-06'], { dates: 'string' })).toEqual([
      '2024-05-06',
    ]);
    expect(decode({ kind: 'date', typeCode: 10 }, ['0000-00-00'])).toEqual([null]);
  });

  it('keeps TIME as the server text', () => {
    expect(decode({ kind: 'time', typeCode: 11 }, ['-25:06:17.5'])).toEqual(['-25:06:17.5']);
  });

  it('parses JSON losslessly unless parseJson is off', () => {
    const spec: ColumnSpec = { kind: 'utf8', typeCode: 245 };
    expect(decode(spec, ['{"id":9223372036854775807,"a":[1]}'])).toEqual([
      { id: 9223372036854775807n, a: [1] },
    ]);
    expect(decode(spec, ['{"a":1}'], { parseJson: false })).toEqual(['{"a":1}']);
    expect(decode({ kind: 'utf8', typeCode: 253 }, ['{"a":1}'])).toEqual(['{"a":1}']);
  });

  it('gives binary as Uint8Array copies', () => {
    const [bytes] = decode({ kind: 'binary', typeCode: 16 }, [new Uint8Array([0, 0, 0x80])]);
    expect(bytes).toEqual(new Uint8Array([0, 0, 0x80]));
  });

  it('gives vectors as typed arrays or plain arrays', () => {
    const f16: ColumnSpec = { kind: 'vector', typeCode: 3007, dims: 2, vectorElement: 'f16' };
    const [typed] = decode(f16, [[0.5, 2]]);
    expect(typed).toBeInstanceOf(Float32Array);
    expect(Array.from(typed as Float32Array)).toEqual([0.5, 2]);
    expect(decode(f16, [[0.5, 2]], { vectorFormat: 'json' })).toEqual([[0.5, 2]]);
    const i64: ColumnSpec = { kind: 'vector', typeCode: 3006, dims: 2, vectorElement: 'i64' };
    expect(decode(i64, [[1, 2]])[0]).toEqual(new BigInt64Array([1n, 2n]));
    expect(decode(i64, [[1, 2]], { vectorFormat: 'json' })).toEqual([[1, 2]]);
  });

  it('decodes BSON once the bson package is loaded', async () => {
    const spec: ColumnSpec = { kind: 'binary', typeCode: 1001 };
    expect(await loadBson()).toBe(true);
    expect(decode(spec, [serialize({ a: 'x', n: 2 })])).toEqual([{ a: 'x', n: 2 }]);
  });
});
