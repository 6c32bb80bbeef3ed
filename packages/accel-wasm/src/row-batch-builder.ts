import type { ColumnBatch } from './column-batch.js';
import { decodeError } from './errors.js';
import type { ColumnPlan } from './plan.js';
import type { TextDecodeOutcome } from './row-decoder-types.js';
import { type AccelMode, resolveImplementation, wasmForStaging } from './selection.js';
import { scanRowPackets } from './ts/row-packets.js';
import type { WasmImplementation } from './wasm/implementation.js';
import type { StagingArea } from './wasm/staging-area.js';

const MAX_SPAN = 0x7fffffff;
/** Bytes of a frame header, and of the smallest frame (a header and a 1-byte payload). */
const FRAME_HEADER = 4;
const MIN_FRAME = 5;
/** The least a slice of a chunk copies once the size of rows is known. */
const MIN_SLICE = 4096;
const NO_BYTES: Uint8Array = new Uint8Array(0);
const NO_WORDS: Uint32Array = new Uint32Array(0);

/**
 * Collects the rows of one result set, batch by batch, straight into the memory the decoder
 * reads: WebAssembly linear memory when wasm decodes, so a batch is copied once (from the
 * socket chunks) instead of three times, and its bounds need no checking pass since the
 * builder wrote them one after another. Get one from `RowDecoder.createBatchBuilder()`.
 */
export class RowBatchBuilder {
  /** The linear memory this batch is collected in, when it is; lent per batch. */
  private area: StagingArea | undefined;
  private lender: WasmImplementation | undefined;
  /** JS memory for batches collected outside linear memory, kept for the next batch. */
  private ownBytes = NO_BYTES;
  private ownWords = NO_WORDS;
  /** Where this batch is written: `bytes` from `byteBase`, bound pairs in `words` from `wordBase`. */
  private bytes = NO_BYTES;
  private words = NO_WORDS;
  private byteBase = 0;
  private wordBase = 0;
  private used = 0;
  private count = 0;
  private decodedRows = 0;
  /** Bytes per framed row in the last packets added (0: none yet), to size the next copy. */
  private frameBytes = 0;

  /** @internal Made by `RowDecoder.createBatchBuilder()`. */
  constructor(
    private readonly plans: readonly ColumnPlan[],
    private readonly invalidDatesAsNull: boolean,
    private readonly mode: AccelMode | undefined,
  ) {}

  /** Rows collected for the next batch. */
  get pendingRows(): number {
    return this.count;
  }

  /** Bytes of the rows collected for the next batch. */
  get pendingBytes(): number {
    return this.used;
  }

  /** Adds one row's payload (without its packet header; a split row joined first). */
  addRow(payload: Uint8Array): void {
    this.reserve(payload.length, 1);
    this.bytes.set(payload, this.byteBase + this.used);
    const at = this.wordBase + 2 * this.count;
    this.words[at] = this.used;
    this.used += payload.length;
    this.words[at + 1] = this.used;
    this.count += 1;
  }

  /**
   * Adds rows `first…last-1` of a run lying in `chunk` from `start` (`bounds` holds their
   * (start, end) pairs relative to `start`, in order) with one copy: the packet headers between
   * them come along and are skipped by the bounds.
   */
  addRun(chunk: Uint8Array, start: number, bounds: Uint32Array, first: number, last: number): void {
    const runStart = bounds[2 * first] as number;
    const from = start + runStart;
    const to = start + (bounds[2 * last - 1] as number);
    const count = last - first;
    this.reserve(to - from, count);
    this.bytes.set(chunk.subarray(from, to), this.byteBase + this.used);
    const shift = this.used - runStart;
    const words = this.words;
    const at = this.wordBase + 2 * this.count - 2 * first;
    for (let index = 2 * first; index < 2 * last; index += 1) {
      words[at + index] = (bounds[index] as number) + shift;
    }
    this.count += count;
    this.used += to - from;
  }

  /**
   * Adds up to `maxRows` whole MySQL row packets framed in `chunk` from `at`, the first with
   * sequence id `sequence`, and returns where they end (`at` when there are none);
   * `pendingRows` grows by their count. It stops where `scanRowPackets` does: before an EOF or
   * ERR packet, a packet cut by the chunk's end or continued in another frame, a sequence id out
   * of order. The chunk is copied as it is, frame headers included, and the headers are read
   * where the decoder reads the rows (in WebAssembly when wasm decodes), so the rows cost no
   * work in JavaScript.
   */
  addPackets(chunk: Uint8Array, at: number, sequence: number, maxRows: number): number {
    const end = chunk.length;
    let position = at;
    let added = 0;
    let least = 0;
    while (added < maxRows && end - position >= MIN_FRAME) {
      const left = maxRows - added;
      // A copy sized for the rows wanted, so small batches do not copy a chunk's rest each.
      const guess = this.frameBytes === 0 ? end : Math.ceil(left * this.frameBytes * 1.25);
      const sliceEnd = Math.min(end, position + Math.max(least, MIN_SLICE, guess));
      const span = sliceEnd - position;
      const room = Math.min(left, Math.floor(span / MIN_FRAME));
      this.reserve(span, room);
      const from = this.used;
      this.bytes.set(chunk.subarray(position, sliceEnd), this.byteBase + from);
      const found = this.scan(from, from + span, (sequence + added) & 0xff, room);
      if (found > 0) {
        const rowsEnd = this.words[this.wordBase + 2 * (this.count + found) - 1] as number;
        this.count += found;
        this.used = rowsEnd;
        this.frameBytes = (rowsEnd - from) / found;
        position += rowsEnd - from;
        added += found;
      }
      // Go on only when the slice cut a frame the chunk holds whole.
      if (end - position < FRAME_HEADER) break;
      const frameEnd =
        position +
        FRAME_HEADER +
        ((chunk[position] as number) |
          ((chunk[position + 1] as number) << 8) |
          ((chunk[position + 2] as number) << 16));
      if (frameEnd <= sliceEnd || frameEnd > end) break;
      least = frameEnd - position;
    }
    return position;
  }

  /**
   * Decodes the rows collected (possibly none) into a batch and starts the next one.
   * @throws RowDecodeError for bad row data, numbered from the result's first row.
   */
  build(): ColumnBatch {
    const rows = this.count;
    const bytes = this.used;
    const firstRow = this.decodedRows;
    const area = this.area;
    const lender = this.lender;
    this.count = 0;
    this.used = 0;
    this.decodedRows += rows;
    this.area = undefined;
    this.lender = undefined;
    try {
      const outcome = this.decode(area, lender, rows, bytes);
      if (!outcome.ok) throw decodeError(outcome, this.plans, firstRow);
      return outcome.value;
    } finally {
      if (area !== undefined) lender?.staging.giveBack(area);
    }
  }

  /** Drops the rows collected and gives back the memory they were collected in. */
  release(): void {
    if (this.area !== undefined) this.lender?.staging.giveBack(this.area);
    this.area = undefined;
    this.lender = undefined;
    this.count = 0;
    this.used = 0;
    this.ownBytes = NO_BYTES;
    this.ownWords = NO_WORDS;
    this.bytes = NO_BYTES;
    this.words = NO_WORDS;
  }

  private decode(
    area: StagingArea | undefined,
    lender: WasmImplementation | undefined,
    rows: number,
    bytes: number,
  ): TextDecodeOutcome {
    const implementation = resolveImplementation(this.mode);
    if (area !== undefined && implementation === lender) {
      return lender.decodeStaged(this.plans, area, rows, bytes, this.invalidDatesAsNull);
    }
    // Another implementation took over while the batch was collected (a mode change, or a
    // new instance after a trap): it reads the rows where they are, like any caller's input.
    const buffer = area?.wasm.memory.buffer;
    return implementation.decodeText({
      plans: this.plans,
      input: buffer
        ? new Uint8Array(buffer, area!.rowsPtr, bytes)
        : this.ownBytes.subarray(0, bytes),
      bounds: buffer
        ? new Uint32Array(buffer, area!.boundsPtr, 2 * rows)
        : this.ownWords.subarray(0, 2 * rows),
      rows,
      spanStart: 0,
      spanEnd: bytes,
      invalidDatesAsNull: this.invalidDatesAsNull,
    });
  }

  /** `scanRowPackets` over this batch's bytes, writing bounds after the pending rows'. */
  private scan(from: number, to: number, sequence: number, maxRows: number): number {
    const area = this.area;
    if (area !== undefined) {
      return this.lender!.scanStaged(area, from, to, 2 * this.count, sequence, maxRows);
    }
    return scanRowPackets(this.bytes, from, to, sequence, this.words, 2 * this.count, maxRows);
  }

  /** Room for `bytes` more row bytes and `rows` more rows; a new batch takes its memory. */
  private reserve(bytes: number, rows: number): void {
    if (this.count === 0 && this.area === undefined) this.startBatch();
    const byteEnd = this.used + bytes;
    const wordEnd = 2 * (this.count + rows);
    if (byteEnd > MAX_SPAN) {
      throw new RangeError('one batch may span at most 2 GiB of row data; build smaller batches');
    }
    const area = this.area;
    if (area !== undefined) {
      area.ensure(byteEnd, this.used, wordEnd, 2 * this.count);
      // Growing linear memory (here or in any other decode) detaches the views made before.
      const views = this.lender!.views();
      this.bytes = views.bytes;
      this.words = views.words;
      this.byteBase = area.rowsPtr;
      this.wordBase = area.boundsPtr >>> 2;
      return;
    }
    if (byteEnd > this.ownBytes.length) {
      const grown = new Uint8Array(Math.max(byteEnd, this.ownBytes.length * 2, 256));
      grown.set(this.ownBytes.subarray(0, this.used));
      this.ownBytes = grown;
    }
    if (wordEnd > this.ownWords.length) {
      const grown = new Uint32Array(Math.max(wordEnd, this.ownWords.length * 2, 8));
      grown.set(this.ownWords.subarray(0, 2 * this.count));
      this.ownWords = grown;
    }
    this.bytes = this.ownBytes;
    this.words = this.ownWords;
  }

  private startBatch(): void {
    this.byteBase = 0;
    this.wordBase = 0;
    const wasm = wasmForStaging(this.mode);
    const area = wasm?.staging.lend(this);
    if (area === undefined) return;
    this.area = area;
    this.lender = wasm;
  }
}
