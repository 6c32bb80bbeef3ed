/** The exports of `crate/src/lib.rs` (pointers and sizes are u32 offsets into `memory`). */
export interface AccelExports {
  readonly memory: WebAssembly.Memory;
  acc_alloc(size: number): number;
  acc_free(ptr: number, size: number): void;
  acc_columns(count: number): number;
  acc_column_buffer(column: number, which: number, length: number): number;
  acc_extra(): number;
  acc_extra_buffer(which: number, length: number): number;
  acc_info(): number;
  frame_scan(
    bytes: number,
    from: number,
    to: number,
    bounds: number,
    sequence: number,
    maxRows: number,
  ): number;
  text_decode(
    plan: number,
    columnCount: number,
    input: number,
    inputLength: number,
    bounds: number,
    rows: number,
    base: number,
    flags: number,
  ): number;
  rowdat_decode(plan: number, columnCount: number, input: number, inputLength: number): number;
  rowdat_encode(plan: number, columnCount: number, rows: number, flags: number): number;
}

/** Words per column slot (`Col` in crate/src/state.rs) and the fields' word offsets. */
export const COLUMN_WORDS = 16;
export const BUFFER_VALIDITY = 0;
export const BUFFER_VALUES = 3;
export const BUFFER_OFFSETS = 6;
export const BUFFER_DATA = 9;
export const NULL_COUNT = 12;
/** Returned by the crate when linear memory could not grow. */
export const OUT_OF_MEMORY = 255;
