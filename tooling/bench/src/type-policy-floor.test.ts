import { describe, expect, it } from 'vitest';
import { materializeMixed } from './type-policy-floor.js';

describe('materializeMixed', () => {
  it('holds the JS values the type policy gives each mixed column, across batches', () => {
    const rows = 5000;
    const columns = materializeMixed(rows);
    expect(columns.id).toBeInstanceOf(Int32Array);
    expect(columns.amount).toBeInstanceOf(Float64Array);
    for (const row of [0, 15, 4095, 4096, rows - 1]) {
      expect(columns.created[row]).toBeInstanceOf(Date);
      expect(columns.embedding[row]).toBeInstanceOf(Uint8Array);
      expect(columns.embedding[row]).toHaveLength(64);
      expect(typeof columns.label[row]).toBe('string');
      expect(columns.label[row]?.length).toBeGreaterThanOrEqual(4);
      expect(columns.price[row]).toMatch(/^\d+\.\d{4}$/);
    }
    expect(typeof columns.big[15]).toBe('bigint');
    expect(typeof columns.big[14]).toBe('number');
    expect(columns.sparse.filter((value) => value === null)).toHaveLength(4500);
    // Cells of one batch are views of one buffer; batches do not share one.
    expect(columns.embedding[0]?.buffer).toBe(columns.embedding[1]?.buffer);
    expect(columns.embedding[0]?.buffer).not.toBe(columns.embedding[4096]?.buffer);
  });
});
