import { describe, expect, it } from 'vitest';
import { ColumnBatchBuilder } from '../column-batch-builder.js';
import { resolveValueOptions } from '../values/value-options.js';
import { toColumns } from './columns.js';

describe('columns format', () => {
  const specs = [
    { kind: 'int32', typeCode: 3 },
    { kind: 'int32', typeCode: 3 },
    { kind: 'int64', typeCode: 8 },
    { kind: 'utf8', typeCode: 253 },
  ] as const;
  const columns = [
    { name: 'a', typeCode: 3 },
    { name: 'b', typeCode: 3 },
    { name: 'c', typeCode: 8 },
    { name: 'd', typeCode: 253 },
  ];
  const first = new ColumnBatchBuilder(specs).appendRow([1, 1, 1, 'x']).build();
  const second = new ColumnBatchBuilder(specs).appendRow([2, null, 2, 'y']).build();

  it('concatenates null-free numeric columns into typed arrays and keeps nulls in arrays', () => {
    const result = toColumns([first, second], columns, resolveValueOptions());
    expect(result.a).toEqual(new Int32Array([1, 2]));
    expect(result.b).toEqual([1, null]);
    expect(result.c).toEqual([1, 2]);
    expect(result.d).toEqual(['x', 'y']);
  });

  it('hands out a single batch typed values as they are, and copies several', () => {
    const single = toColumns([first], columns, resolveValueOptions());
    expect(single.a).toBe(first.columns[0]!.values);
    const joined = toColumns([first, second], columns, resolveValueOptions());
    expect((joined.a as Int32Array).buffer).not.toBe(first.columns[0]!.values!.buffer);
  });

  it('gives BigInt64Array for BIGINT only with bigint: bigint', () => {
    const result = toColumns([first, second], columns, resolveValueOptions({ bigint: 'bigint' }));
    expect(result.c).toEqual(new BigInt64Array([1n, 2n]));
  });

  it('gives empty columns for no rows', () => {
    const empty = new ColumnBatchBuilder(specs).build();
    expect(toColumns([empty], columns, resolveValueOptions())).toEqual({
      a: new Int32Array(0),
      b: new Int32Array(0),
      c: [],
      d: [],
    });
  });
});
