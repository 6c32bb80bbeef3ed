import type { ColumnBatch } from '../src/column-batch.js';
import { ColumnBatchBuilder, type ColumnSpec } from '../src/column-batch-builder.js';

/** Column specs of a small mixed-type result used by the format tests. */
export const MIXED_SPECS: readonly ColumnSpec[] = [
  { kind: 'int32', typeCode: 3 },
  { kind: 'int64', typeCode: 8 },
  { kind: 'utf8', typeCode: 253 },
  { kind: 'timestamp', typeCode: 12, decimals: 6 },
  { kind: 'vector', typeCode: 3001, dims: 2, vectorElement: 'f32' },
  { kind: 'utf8', typeCode: 245 },
];

/** Builds one batch of the mixed result from rows of JS values or server text. */
export function mixedBatch(rows: readonly (readonly unknown[])[]): ColumnBatch {
  const builder = new ColumnBatchBuilder(MIXED_SPECS);
  for (const row of rows) builder.appendRow(row);
  return builder.build();
}
