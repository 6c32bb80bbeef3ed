import type { ColumnVector } from '../column-batch.js';
import type { ColumnLayout } from '../column-vectors.js';
import type { ColumnPlan } from '../plan.js';
import type {
  Failure,
  Implementation,
  Rowdat1EncodeOutcome,
  Rowdat1Outcome,
  TextDecodeJob,
  TextDecodeOutcome,
} from '../row-decoder-types.js';
import type { EncodeColumn, RowdatPlan } from '../rowdat1-plan.js';
import { ColumnCopier, copyInto, type MemoryViews } from './column-copies.js';
import { type AccelExports, OUT_OF_MEMORY } from './exports.js';
import { discardInstance } from './loader.js';
import { outOfMemory, type StagingArea, StagingPool } from './staging-area.js';

/**
 * The WebAssembly implementation. Inputs are copied into reusable regions of linear memory
 * (grown by doubling through acc_alloc/acc_free, never shrunk), outputs are written by the
 * crate into per-column buffers it keeps between calls, and copied out with `slice` — so a
 * steady workload stops growing memory after its first batch, and no result aliases wasm
 * memory.
 */

/** A reusable block of linear memory. */
class Region {
  ptr = 0;
  capacity = 0;

  constructor(private readonly wasm: AccelExports) {}

  /** At least `size` bytes; the address stays valid until the next `reserve`. */
  reserve(size: number): number {
    if (this.ptr !== 0 && size <= this.capacity) return this.ptr;
    if (this.ptr !== 0) this.wasm.acc_free(this.ptr, this.capacity);
    const capacity = Math.max(size, this.capacity * 2, 256);
    this.ptr = this.wasm.acc_alloc(capacity);
    this.capacity = this.ptr === 0 ? 0 : capacity;
    if (this.ptr === 0) throw outOfMemory();
    return this.ptr;
  }
}

export class WasmImplementation implements Implementation {
  readonly name = 'wasm';
  private readonly input: Region;
  private readonly bounds: Region;
  private readonly plan: Region;
  /** The plans last written into `plan`, to pass each result's column specs once. */
  private lastPlans: readonly object[] | undefined;
  private memoryViews: MemoryViews = {
    memory: new ArrayBuffer(0),
    bytes: new Uint8Array(0),
    words: new Uint32Array(0),
  };
  private readonly columns = new ColumnCopier();

  /** Where batch builders collect rows, so their batches decode without a copy. */
  readonly staging: StagingPool;

  constructor(private readonly wasm: AccelExports) {
    this.input = new Region(wasm);
    this.bounds = new Region(wasm);
    this.plan = new Region(wasm);
    this.staging = new StagingPool(wasm);
  }

  /** Bytes of linear memory (for tests of memory stability). */
  get memoryBytes(): number {
    return this.wasm.memory.buffer.byteLength;
  }

  decodeText(job: TextDecodeJob): TextDecodeOutcome {
    // No closure for guard() here: this runs once per batch, and for one-row results (SELECT 1
    // in a loop) the fixed cost per call is what counts.
    try {
      return this.decodeTextUnguarded(job);
    } catch (error) {
      throw this.trapped(error);
    }
  }

  private decodeTextUnguarded(job: TextDecodeJob): TextDecodeOutcome {
    const { rows, spanStart } = job;
    const span = job.spanEnd - spanStart;
    const inputPtr = this.input.reserve(span);
    const boundsPtr = this.bounds.reserve(rows * 8);
    const { bytes, words } = this.views();
    copyInto(bytes, inputPtr, job.input, spanStart, span);
    copyInto(words, boundsPtr >>> 2, job.bounds, 0, rows * 2);
    return this.decodeIn(
      job.plans,
      inputPtr,
      span,
      boundsPtr,
      rows,
      spanStart,
      job.invalidDatesAsNull,
    );
  }

  /**
   * Decodes the `rows` rows collected in `area` (lent by this instance's pool) where they lie:
   * their bounds were written by a batch builder one after another within `bytes`, so neither
   * a copy nor a bounds check pass is needed.
   */
  decodeStaged(
    plans: readonly ColumnPlan[],
    area: StagingArea,
    rows: number,
    bytes: number,
    invalidDatesAsNull: boolean,
  ): TextDecodeOutcome {
    try {
      return this.decodeIn(plans, area.rowsPtr, bytes, area.boundsPtr, rows, 0, invalidDatesAsNull);
    } catch (error) {
      throw this.trapped(error);
    }
  }

  /**
   * The crate's `frame_scan` over row bytes collected in `area` from `from` to `to`: the bounds
   * of the row packets found go after the first `boundsIndex` words of the area's bounds.
   */
  scanStaged(
    area: StagingArea,
    from: number,
    to: number,
    boundsIndex: number,
    sequence: number,
    maxRows: number,
  ): number {
    try {
      return this.wasm.frame_scan(
        area.rowsPtr,
        from,
        to,
        area.boundsPtr + 4 * boundsIndex,
        sequence,
        maxRows,
      );
    } catch (error) {
      throw this.trapped(error);
    }
  }

  /** Runs the crate's text decoder over rows already in linear memory. */
  private decodeIn(
    plans: readonly ColumnPlan[],
    inputPtr: number,
    span: number,
    boundsPtr: number,
    rows: number,
    base: number,
    invalidDatesAsNull: boolean,
  ): TextDecodeOutcome {
    const planPtr = this.writePlan(plans, (plan) => [plan.op, plan.dims, plan.element]);
    const status = this.wasm.text_decode(
      planPtr,
      plans.length,
      inputPtr,
      span,
      boundsPtr,
      rows,
      base,
      invalidDatesAsNull ? 1 : 0,
    );
    if (status !== 0) return this.failure(status);
    return { ok: true, value: { numRows: rows, columns: this.readColumns(plans, rows) } };
  }

  decodeRowdat1(plans: readonly RowdatPlan[], input: Uint8Array): Rowdat1Outcome {
    return this.guard(() => {
      const planPtr = this.writePlan(plans, (plan) => [plan.op, 0, 0]);
      const inputPtr = this.input.reserve(input.length);
      new Uint8Array(this.wasm.memory.buffer, inputPtr, input.length).set(input);
      const status = this.wasm.rowdat_decode(planPtr, plans.length, inputPtr, input.length);
      if (status !== 0) return this.failure(status);
      const rows = this.info()[3]!;
      const [idsPtr] = this.extra(0);
      const rowIds = new BigInt64Array(this.wasm.memory.buffer.slice(idsPtr, idsPtr + rows * 8));
      const columns = this.readColumns(plans, rows);
      return { ok: true, value: { rowIds, batch: { numRows: rows, columns } } };
    });
  }

  encodeRowdat1(
    columns: readonly EncodeColumn[],
    rowIds: BigInt64Array,
    rows: number,
    nullFloatNaN: boolean,
  ): Rowdat1EncodeOutcome {
    return this.guard(() => {
      const planPtr = this.writePlan(
        columns.map((column) => column.plan),
        (plan, c) => [plan.op, columns[c]!.source, 0],
      );
      const validityBytes = (rows + 7) >>> 3;
      const copies: [number, Uint8Array][] = [];
      columns.forEach((column, c) => {
        const reserve = (which: number, bytes: Uint8Array) => {
          const ptr = this.wasm.acc_column_buffer(c, which, bytes.length);
          if (ptr === 0) throw outOfMemory();
          copies.push([ptr, bytes]);
        };
        reserve(0, column.validity.subarray(0, validityBytes));
        const values = column.values;
        const valueBytes = values
          ? new Uint8Array(values.buffer, values.byteOffset, values.byteLength)
          : new Uint8Array(0);
        const elementBytes = values
          ? (values as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT
          : 0;
        reserve(1, valueBytes.subarray(0, rows * elementBytes));
        const offsets = column.offsets;
        reserve(
          2,
          offsets
            ? new Uint8Array(offsets.buffer, offsets.byteOffset, (rows + 1) * 4)
            : new Uint8Array(0),
        );
        reserve(3, offsets ? column.data!.subarray(0, offsets[rows]!) : new Uint8Array(0));
      });
      const idsPtr = this.wasm.acc_extra_buffer(0, rows * 8);
      if (idsPtr === 0) throw outOfMemory();
      copies.push([idsPtr, new Uint8Array(rowIds.buffer, rowIds.byteOffset, rows * 8)]);
      const memory = new Uint8Array(this.wasm.memory.buffer);
      for (const [ptr, bytes] of copies) memory.set(bytes, ptr);
      const status = this.wasm.rowdat_encode(planPtr, columns.length, rows, nullFloatNaN ? 1 : 0);
      if (status !== 0) return this.failure(status);
      const [outPtr, outLength] = this.extra(1);
      return {
        ok: true,
        value: new Uint8Array(this.wasm.memory.buffer.slice(outPtr, outPtr + outLength)),
      };
    });
  }

  /** Run a call; a trap (a bug in the crate) discards the instance and fails loudly. */
  private guard<T>(call: () => T): T {
    try {
      return call();
    } catch (error) {
      throw this.trapped(error);
    }
  }

  /** The error to throw for `error`: a trap discards the instance; anything else passes. */
  private trapped(error: unknown): unknown {
    if (!(error instanceof WebAssembly.RuntimeError)) return error;
    discardInstance(error);
    this.lastPlans = undefined;
    return new Error('@s2/accel-wasm: the WebAssembly decoder trapped (this is a bug)', {
      cause: error,
    });
  }

  /**
   * Byte and word views of linear memory, made again only when memory grew, so a call does not
   * allocate views of its own. Growing detaches the old buffer, which empties the views: that
   * is checked instead of `memory.buffer`, a getter that costs more than the rest of this call.
   */
  views(): MemoryViews {
    if (this.memoryViews.bytes.length === 0) {
      const buffer = this.wasm.memory.buffer;
      this.memoryViews = {
        memory: buffer,
        bytes: new Uint8Array(buffer),
        words: new Uint32Array(buffer),
      };
    }
    return this.memoryViews;
  }

  private writePlan<P extends object>(
    plans: readonly P[],
    words: (plan: P, index: number) => number[],
  ): number {
    const ptr = this.plan.reserve(plans.length * 16);
    if (this.lastPlans === plans) return ptr;
    const view = new Uint32Array(this.wasm.memory.buffer, ptr, plans.length * 4);
    plans.forEach((plan, c) => {
      const [a = 0, b = 0, d = 0] = words(plan, c);
      view[c * 4] = a;
      view[c * 4 + 1] = b;
      view[c * 4 + 2] = d;
      view[c * 4 + 3] = 0;
    });
    this.lastPlans = plans;
    return ptr;
  }

  private info(): Uint32Array {
    return new Uint32Array(this.wasm.memory.buffer, this.wasm.acc_info(), 4);
  }

  private extra(which: number): [number, number] {
    const words = new Uint32Array(this.wasm.memory.buffer, this.wasm.acc_extra(), 6);
    return [words[which * 3]!, words[which * 3 + 1]!];
  }

  private failure(status: number): Failure {
    if (status === OUT_OF_MEMORY) throw outOfMemory();
    const info = this.info();
    return { ok: false, status, row: info[1]!, column: info[2]! | 0 };
  }

  /** Copies the columns the crate wrote for the last call out of linear memory. */
  private readColumns(layouts: readonly ColumnLayout[], rows: number): ColumnVector[] {
    const columnsPtr = this.wasm.acc_columns(layouts.length);
    return this.columns.read(layouts, rows, columnsPtr, this.views());
  }
}
