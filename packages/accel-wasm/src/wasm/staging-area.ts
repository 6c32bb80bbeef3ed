import type { AccelExports } from './exports.js';

/** The error for linear memory that cannot grow any more. */
export function outOfMemory(): RangeError {
  return new RangeError('@s2/accel-wasm: WebAssembly memory exhausted (batch too large)');
}

/**
 * How many times larger a block gets when it grows. The crate's allocator gives a freed block
 * only to a later request of the same power-of-two size, so the blocks a growing area leaves
 * behind stay in linear memory, written and resident, for the life of the process: growing
 * fourfold leaves (and copies) a third of the final size where doubling left all of it, 15 MB
 * after the first 8 MiB batch of a process. The last block may be up to four times what a batch
 * needs, but its pages never written are never resident.
 */
const GROWTH = 4;

/**
 * A block of linear memory that keeps its contents when it grows: rows collected for a batch
 * stay where the decoder reads them, so the batch is never copied again.
 */
class GrowingBlock {
  ptr = 0;
  capacity = 0;

  constructor(private readonly wasm: AccelExports) {}

  /**
   * At least `size` bytes, the first `kept` of them carried over when the block moves. Even an
   * empty batch gets a block: the decoder must not be handed address 0.
   */
  ensure(size: number, kept: number): void {
    if (size <= this.capacity && this.ptr !== 0) return;
    let capacity = Math.max(size, this.capacity * GROWTH, 4096);
    let ptr = this.wasm.acc_alloc(capacity);
    if (ptr === 0 && capacity > size) {
      // Near the 4 GiB limit the room asked for can still fit where a whole growth step does not.
      capacity = size;
      ptr = this.wasm.acc_alloc(capacity);
    }
    if (ptr === 0) throw outOfMemory();
    if (this.ptr !== 0) {
      if (kept > 0)
        new Uint8Array(this.wasm.memory.buffer).copyWithin(ptr, this.ptr, this.ptr + kept);
      this.wasm.acc_free(this.ptr, this.capacity);
    }
    this.ptr = ptr;
    this.capacity = capacity;
  }
}

/**
 * Row bytes and their (start, end) bounds of one batch being collected, in linear memory. A
 * staging area is lent to one batch builder at a time; its blocks keep their size between
 * loans, so a steady workload collects every batch into memory it already has.
 */
export class StagingArea {
  private readonly rows: GrowingBlock;
  private readonly bounds: GrowingBlock;

  constructor(readonly wasm: AccelExports) {
    this.rows = new GrowingBlock(wasm);
    this.bounds = new GrowingBlock(wasm);
  }

  /** Where the row bytes start. */
  get rowsPtr(): number {
    return this.rows.ptr;
  }

  /** Where the bounds start (4-byte aligned: blocks are 16-byte aligned). */
  get boundsPtr(): number {
    return this.bounds.ptr;
  }

  /** Room for `bytes` row bytes and `words` bound words, keeping those already written. */
  ensure(bytes: number, usedBytes: number, words: number, usedWords: number): void {
    this.rows.ensure(bytes, usedBytes);
    this.bounds.ensure(words * 4, usedWords * 4);
  }
}

/** Areas lent out at once per instance; more concurrent batches collect in JS memory. */
const MAX_LENT = 8;

/** Gives an area back to its pool when its borrower was dropped without returning it. */
const abandoned = new FinalizationRegistry<{ pool: StagingPool; area: StagingArea }>(
  ({ pool, area }) => pool.giveBack(area),
);

/**
 * The staging areas of one instance: lent per batch, kept for the next one. A loan is
 * registered for finalization only when the pool is asked for another while it is still out:
 * most batches (all of a one-row result) are built before the next is started, and registering
 * and unregistering costs as much as the rest of a small batch's bookkeeping together. Until
 * then the pool holds the borrower, so an area whose borrower was dropped comes back after the
 * next loan and a garbage collection, when the pool could need it.
 */
export class StagingPool {
  private readonly free: StagingArea[] = [];
  private lent = 0;
  /** Loans not registered yet, and their borrowers. */
  private readonly fresh: StagingArea[] = [];
  private readonly freshBorrowers: object[] = [];

  constructor(private readonly wasm: AccelExports) {}

  /** An area for `borrower`'s next batch, or undefined when too many are out. */
  lend(borrower: object): StagingArea | undefined {
    if (this.fresh.length > 0) this.registerFresh();
    if (this.lent >= MAX_LENT) return undefined;
    const area = this.free.pop() ?? new StagingArea(this.wasm);
    this.lent += 1;
    this.fresh.push(area);
    this.freshBorrowers.push(borrower);
    return area;
  }

  /** Takes back an area lent by `lend`. */
  giveBack(area: StagingArea): void {
    const index = this.fresh.indexOf(area);
    if (index < 0) {
      abandoned.unregister(area);
    } else {
      // Swapped with the last: the order of unregistered loans does not matter.
      this.fresh[index] = this.fresh[this.fresh.length - 1]!;
      this.freshBorrowers[index] = this.freshBorrowers[this.freshBorrowers.length - 1]!;
      this.fresh.pop();
      this.freshBorrowers.pop();
    }
    this.lent -= 1;
    this.free.push(area);
  }

  /** Registers the loans still out, so that those whose borrowers are dropped come back. */
  private registerFresh(): void {
    this.fresh.forEach((area, index) => {
      abandoned.register(this.freshBorrowers[index]!, { pool: this, area }, area);
    });
    this.fresh.length = 0;
    this.freshBorrowers.length = 0;
  }
}
