import type { ColumnVector } from '../column-batch.js';
import { type BigintMode, bigintValue } from './value-options.js';

type VectorValue =
  | Float32Array
  | Float64Array
  | Int8Array
  | Int16Array
  | Int32Array
  | BigInt64Array;

/**
 * One row of a VECTOR column: a copy of its elements as a typed array (so that changing it
 * cannot change the batch), or a plain array for `vectorFormat: 'json'`.
 */
export function vectorAt(
  column: ColumnVector,
  row: number,
  format: 'binary' | 'json',
  bigint: BigintMode,
): VectorValue | (number | bigint | string)[] {
  const dims = column.dims ?? 0;
  const values = column.values as VectorValue;
  const elements = values.slice(row * dims, (row + 1) * dims) as VectorValue;
  if (format === 'binary') return elements;
  if (elements instanceof BigInt64Array) {
    return Array.from(elements, (element) => bigintValue(element, bigint));
  }
  return Array.from(elements);
}
