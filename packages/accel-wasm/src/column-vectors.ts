import type { ColumnKind, ColumnValues, ColumnVector, VectorElement } from './column-batch.js';
import { VECTOR_ELEMENTS } from './column-spec.js';

/**
 * Building `ColumnVector`s, shared by both implementations so that the objects they return
 * have the same fields in the same order. Typed arrays may be views into a larger ArrayBuffer
 * (the wasm implementation copies a batch out into one buffer); none aliases wasm memory.
 */

/** What the values of a fixed-width kind (or a vector element) are stored in. */
type ValuesConstructor =
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | BigInt64ArrayConstructor
  | BigUint64ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor;

const KIND_VALUES: Partial<Record<ColumnKind, ValuesConstructor>> = {
  int8: Int8Array,
  uint8: Uint8Array,
  int16: Int16Array,
  uint16: Uint16Array,
  int32: Int32Array,
  uint32: Uint32Array,
  int64: BigInt64Array,
  uint64: BigUint64Array,
  float64: Float64Array,
  date: Int32Array,
  timestamp: BigInt64Array,
};

const ELEMENT_VALUES: Record<VectorElement, ValuesConstructor> = {
  f32: Float32Array,
  f64: Float64Array,
  i8: Int8Array,
  i16: Int16Array,
  i32: Int32Array,
  i64: BigInt64Array,
  f16: Float32Array,
};

/** The shape of a column as both implementations lay it out. */
export interface ColumnLayout {
  readonly kind: ColumnKind;
  readonly typeCode: number;
  readonly decimals: number;
  /** Vectors: elements per row (0 otherwise). */
  readonly dims: number;
  /** Vectors: element code 1–7 (0 otherwise). */
  readonly element: number;
}

/** Kinds stored as offsets + data. */
export function isVariableWidth(kind: ColumnKind): boolean {
  return kind === 'utf8' || kind === 'binary' || kind === 'decimal' || kind === 'time';
}

/** Bytes per value slot of a fixed-width layout (a whole vector for vectors; 0 when none). */
export function slotBytes(layout: ColumnLayout): number {
  if (layout.kind === 'vector') {
    return ELEMENT_VALUES[VECTOR_ELEMENTS[layout.element - 1]!].BYTES_PER_ELEMENT * layout.dims;
  }
  return KIND_VALUES[layout.kind]?.BYTES_PER_ELEMENT ?? 0;
}

/**
 * The typed array over `buffer` (or its `byteLength` bytes from `byteOffset`) for a layout's
 * values, or undefined when it has none.
 */
export function valuesOver(
  layout: ColumnLayout,
  buffer: ArrayBuffer,
  byteOffset = 0,
  byteLength = buffer.byteLength - byteOffset,
): ColumnValues | undefined {
  const type =
    layout.kind === 'vector'
      ? ELEMENT_VALUES[VECTOR_ELEMENTS[layout.element - 1]!]
      : KIND_VALUES[layout.kind];
  return type ? new type(buffer, byteOffset, byteLength / type.BYTES_PER_ELEMENT) : undefined;
}

/** Assemble a column; fields that do not apply to the kind are left out. */
export function makeColumn(
  layout: ColumnLayout,
  length: number,
  nullCount: number,
  validity: Uint8Array,
  values: ColumnValues | undefined,
  offsets: Int32Array | undefined,
  data: Uint8Array | undefined,
): ColumnVector {
  const column: {
    -readonly [K in keyof ColumnVector]: ColumnVector[K];
  } = {
    kind: layout.kind,
    typeCode: layout.typeCode,
    decimals: layout.decimals,
    length,
    nullCount,
    validity,
  };
  if (values) column.values = values;
  if (offsets) {
    column.offsets = offsets;
    column.data = data ?? new Uint8Array(0);
  }
  if (layout.kind === 'vector') {
    column.dims = layout.dims;
    column.vectorElement = VECTOR_ELEMENTS[layout.element - 1]!;
  }
  return column;
}
