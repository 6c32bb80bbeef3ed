import { describe, expect, it } from 'vitest';
import { mixedBatch } from '../../test/test-batches.js';
import { resolveValueOptions } from '../values/value-options.js';
import { sliceBatch } from './slice-batch.js';
import { toTuples } from './tuples.js';

const options = resolveValueOptions({ dates: 'string' });

describe('sliceBatch', () => {
  const rows = Array.from({ length: 20 }, (_unused, index) => [
    index % 4 === 0 ? null : index,
    BigInt(index) * 10_000_000_000n,
    index % 5 === 0 ? null : `text ${index}`,
    `2024-01-01 00:00:${String(index).padStart(2, '0')}.000001`,
    index % 3 === 0 ? null : [index, -index],
    `{"i":${index}}`,
  ]);
  const batch = mixedBatch(rows);
  const all = toTuples([batch], options);

  it.each([
    [0, 20],
    [3, 11],
    [8, 16],
    [13, 20],
    [5, 5],
  ])('rows %i..%i read the same as the whole batch', (start, end) => {
    const slice = sliceBatch(batch, start, end);
    expect(slice.numRows).toBe(end - start);
    expect(toTuples([slice], options)).toEqual(all.slice(start, end));
    const nulls = all.slice(start, end).filter((row) => row[0] === null).length;
    expect(slice.columns[0]?.nullCount).toBe(nulls);
  });

  it('shares the value and byte buffers of the batch', () => {
    const slice = sliceBatch(batch, 3, 9);
    expect(slice.columns[0]?.values?.buffer).toBe(batch.columns[0]?.values?.buffer);
    expect(slice.columns[2]?.data?.buffer).toBe(batch.columns[2]?.data?.buffer);
    expect(sliceBatch(batch, 0, 20)).toBe(batch);
  });
});
