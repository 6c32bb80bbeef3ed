/**
 * @s2/accel-wasm: the row parser of the @s2 SDK. MySQL text-protocol rows and ROWDAT_1
 * bodies to Arrow-layout column batches (and columns back to ROWDAT_1), in Rust compiled to
 * WebAssembly with a TypeScript fallback that gives identical results and errors.
 */
export type {
  ColumnBatch,
  ColumnKind,
  ColumnValues,
  ColumnVector,
  VectorElement,
} from './column-batch.js';
export type { ColumnSpec, DecodeOptions } from './column-spec.js';
export { ROW_ERROR_CODES, RowDecodeError, RowEncodeError, type RowErrorCode } from './errors.js';
export type { RowBatchBuilder } from './row-batch-builder.js';
export {
  createRowDecoder,
  decodeRows,
  type RowDecoder,
  type RowDecoderOptions,
} from './row-decoder.js';
export {
  createRowdat1Codec,
  decodeRowdat1,
  encodeRowdat1,
  type Rowdat1Codec,
  type Rowdat1DecodeOptions,
  type Rowdat1EncodeCallOptions,
} from './rowdat1.js';
export type { Rowdat1Batch, Rowdat1EncodeOptions } from './rowdat1-plan.js';
export {
  type AccelImplementation,
  type AccelMode,
  type AccelStatus,
  accelStatus,
  activeImplementation,
  getAccelMode,
  loadAccel,
  setAccelMode,
} from './selection.js';
export { scanRowPackets } from './ts/row-packets.js';
