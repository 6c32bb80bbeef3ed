import type { Data, DataType, Field, Table } from 'apache-arrow';
import type { ColumnBatch, ColumnVector, VectorElement } from '../column-batch.js';
import { ProgrammingError } from '../errors/index.js';
import { optionalModule } from './optional-module.js';

type ArrowModule = typeof import('apache-arrow');

/** Loads apache-arrow on first use; it is an optional peer dependency. */
export const loadArrow: () => Promise<ArrowModule> = optionalModule(
  'apache-arrow',
  'Arrow results',
  () => import('apache-arrow'),
);

function vectorElementType(arrow: ArrowModule, element: VectorElement): DataType {
  switch (element) {
    case 'f64':
      return new arrow.Float64();
    case 'i8':
      return new arrow.Int8();
    case 'i16':
      return new arrow.Int16();
    case 'i32':
      return new arrow.Int32();
    case 'i64':
      return new arrow.Int64();
    default:
      return new arrow.Float32();
  }
}

/** The Arrow type of a column, from the first batch's layout of it. */
function arrowType(arrow: ArrowModule, column: ColumnVector): DataType {
  switch (column.kind) {
    case 'int8':
      return new arrow.Int8();
    case 'int16':
      return new arrow.Int16();
    case 'int32':
      return new arrow.Int32();
    case 'int64':
      return new arrow.Int64();
    case 'uint8':
      return new arrow.Uint8();
    case 'uint16':
      return new arrow.Uint16();
    case 'uint32':
      return new arrow.Uint32();
    case 'uint64':
      return new arrow.Uint64();
    case 'float64':
      return new arrow.Float64();
    case 'date':
      return new arrow.DateDay();
    case 'timestamp':
      return new arrow.TimestampMicrosecond('UTC');
    case 'decimal':
    case 'time':
    case 'utf8':
      return new arrow.Utf8();
    case 'binary':
      return new arrow.Binary();
    case 'vector':
      return new arrow.FixedSizeList(
        column.dims ?? 0,
        new arrow.Field('item', vectorElementType(arrow, column.vectorElement ?? 'f32'), false),
      );
    default:
      return new arrow.Null();
  }
}

function arrowData(arrow: ArrowModule, type: DataType, column: ColumnVector): Data {
  const common = {
    length: column.length,
    nullCount: column.nullCount,
    nullBitmap: column.nullCount === 0 ? null : column.validity,
  };
  if (arrow.DataType.isNull(type)) return arrow.makeData({ type, length: column.length });
  if (arrow.DataType.isUtf8(type) || arrow.DataType.isBinary(type)) {
    return arrow.makeData({
      type,
      ...common,
      valueOffsets: column.offsets,
      data: column.data,
    } as never);
  }
  if (arrow.DataType.isFixedSizeList(type)) {
    const child = arrow.makeData({
      type: type.children[0]?.type,
      length: column.length * (column.dims ?? 0),
      nullCount: 0,
      data: column.values,
    } as never);
    return arrow.makeData({ type, ...common, child } as never);
  }
  return arrow.makeData({ type, ...common, data: column.values } as never);
}

/**
 * Wraps batches as an Arrow Table without copying their buffers: each ColumnBatch becomes one
 * RecordBatch whose vectors point at the batch's typed arrays, bitmap and offsets. DECIMAL and
 * TIME stay exact text (Utf8), JSON stays its text, BSON is Binary, vectors FixedSizeList.
 * With no rows, the table still carries the full schema.
 */
export function toArrowTable(
  arrow: ArrowModule,
  batches: readonly ColumnBatch[],
  keys: readonly string[],
): Table {
  const sample = batches[0];
  const types = keys.map((_key, index) => {
    const layout = sample?.columns[index];
    return layout ? arrowType(arrow, layout) : new arrow.Utf8();
  });
  const fields: Field[] = keys.map(
    (key, index) => new arrow.Field(key, types[index] ?? new arrow.Null(), true),
  );
  const schema = new arrow.Schema(fields);
  const recordBatches = batches.map((batch) => {
    const children = batch.columns.map((column, index) => {
      const type = types[index];
      if (!type || arrowType(arrow, column).typeId !== type.typeId) {
        throw new ProgrammingError(
          `Column '${keys[index] ?? index}' changed its layout between batches`,
        );
      }
      return arrowData(arrow, type, column);
    });
    const struct = arrow.makeData({
      type: new arrow.Struct(fields),
      length: batch.numRows,
      nullCount: 0,
      children,
    });
    return new arrow.RecordBatch(schema, struct);
  });
  return new arrow.Table(schema, recordBatches);
}
