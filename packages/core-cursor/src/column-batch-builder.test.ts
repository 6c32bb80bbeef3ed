import { describe, expect, it } from 'vitest';
import { ColumnBatchBuilder } from './column-batch-builder.js';

describe('ColumnBatchBuilder', () => {
  it('lays out fixed-width columns with a validity bitmap', () => {
    const builder = new ColumnBatchBuilder([{ kind: 'int32', typeCode: 3 }]);
    for (let row = 0; row < 10; row++) builder.appendRow([row % 3 === 0 ? null : row]);
    const batch = builder.build();
    const [column] = batch.columns;
    expect(batch.numRows).toBe(10);
    expect(column?.nullCount).toBe(4);
    expect(Array.from((column?.values ?? []) as Int32Array)).toEqual([
      0, 1, 2, 0, 4, 5, 0, 7, 8, 0,
    ]);
    // Rows 0, 3, 6, 9 are null: bits 1,2,4,5,7 set in byte 0 and bit 0 clear in byte 1.
    expect(Array.from(column?.validity ?? [])).toEqual([0b10110110, 0b00000001]);
  });

  it('lays out text as offsets and UTF-8 data', () => {
    const builder = new ColumnBatchBuilder([{ kind: 'utf8', typeCode: 253 }]);
    builder.appendRow(['ab']).appendRow([null]).appendRow(['é']);
    const column = builder.build().columns[0];
    expect(Array.from(column?.offsets ?? [])).toEqual([0, 2, 2, 4]);
    expect(new TextDecoder().decode(column?.data)).toBe('abé');
  });

  it('parses server text for each kind', () => {
    const builder = new ColumnBatchBuilder([
      { kind: 'int64', typeCode: 8 },
      { kind: 'uint64', typeCode: 8 },
      { kind: 'float64', typeCode: 5 },
      { kind: 'date', typeCode: 10 },
      { kind: 'timestamp', typeCode: 12, decimals: 6 },
      { kind: 'vector', typeCode: 2001, dims: 2, vectorElement: 'f32' },
      { kind: 'vector', typeCode: 2006, dims: 2, vectorElement: 'i64' },
    ]);
    builder.appendRow([
      '-9223372036854775808',
      '18446744073709551615',
      '1.5',
      '1970-01-02',
      '1970-01-01 00:00:01.000002',
      '[0.5,1]',
      '[9007199254740993,-1]',
    ]);
    const columns = builder.build().columns;
    expect(columns[0]?.values?.[0]).toBe(-9223372036854775808n);
    expect(columns[1]?.values?.[0]).toBe(18446744073709551615n);
    expect(columns[2]?.values?.[0]).toBe(1.5);
    expect(columns[3]?.values?.[0]).toBe(1);
    expect(columns[4]?.values?.[0]).toBe(1_000_002n);
    expect(columns[5]?.values).toEqual(new Float32Array([0.5, 1]));
    expect(columns[6]?.values).toEqual(new BigInt64Array([9007199254740993n, -1n]));
  });

  it('turns zero dates into nulls and zero-fills null vectors', () => {
    const builder = new ColumnBatchBuilder([
      { kind: 'date', typeCode: 10 },
      { kind: 'vector', typeCode: 3001, dims: 3, vectorElement: 'f64' },
    ]);
    builder.appendRow(['0000-00-00', null]).appendRow([new Date(86_400_000 * 3), [1, 2, 3]]);
    const [date, vector] = builder.build().columns;
    expect(date?.nullCount).toBe(1);
    expect(date?.values?.[1]).toBe(3);
    expect(vector?.nullCount).toBe(1);
    expect(vector?.values).toEqual(new Float64Array([0, 0, 0, 1, 2, 3]));
  });

  it('rejects rows of the wrong width and vectors of the wrong size', () => {
    const builder = new ColumnBatchBuilder([
      { kind: 'vector', typeCode: 3001, dims: 2, vectorElement: 'f32' },
    ]);
    expect(() => builder.appendRow([])).toThrow(TypeError);
    expect(() => builder.appendRow([[1, 2, 3]])).toThrow(/exactly 2 elements/);
  });

  it('starts a new batch after build', () => {
    const builder = new ColumnBatchBuilder([{ kind: 'utf8', typeCode: 253 }]);
    builder.appendRow(['a']);
    expect(builder.build().numRows).toBe(1);
    expect(builder.numRows).toBe(0);
    builder.appendRow([{ a: 1n }]);
    const next = builder.build();
    expect(next.numRows).toBe(1);
    expect(new TextDecoder().decode(next.columns[0]?.data)).toBe('{"a":1}');
  });
});
