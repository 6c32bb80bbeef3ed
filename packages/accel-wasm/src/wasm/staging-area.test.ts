import { expect, test } from 'vitest';
import type { AccelExports } from './exports.js';
import { StagingArea } from './staging-area.js';

/** Linear memory with a bump allocator that refuses blocks larger than `largest`. */
function fakeExports(largest: number) {
  const memory = new WebAssembly.Memory({ initial: 4 });
  const allocations: number[] = [];
  const frees: number[] = [];
  let top = 16;
  const wasm = {
    memory,
    acc_alloc(size: number): number {
      allocations.push(size);
      if (size > largest || top + size > memory.buffer.byteLength) return 0;
      const ptr = top;
      top += size;
      return ptr;
    },
    acc_free(_ptr: number, size: number): void {
      frees.push(size);
    },
  };
  return { wasm: wasm as unknown as AccelExports, memory, allocations, frees };
}

test('a block grows fourfold and keeps the bytes collected so far', () => {
  const { wasm, memory, allocations, frees } = fakeExports(Number.POSITIVE_INFINITY);
  const area = new StagingArea(wasm);
  area.ensure(100, 0, 2, 0);
  expect(allocations).toEqual([4096, 4096]);
  new Uint8Array(memory.buffer).set([1, 2, 3], area.rowsPtr);
  const before = area.rowsPtr;
  area.ensure(5000, 3, 2, 2);
  expect(allocations).toEqual([4096, 4096, 16384]);
  expect(frees).toEqual([4096]);
  expect(area.rowsPtr).not.toBe(before);
  expect([...new Uint8Array(memory.buffer, area.rowsPtr, 3)]).toEqual([1, 2, 3]);
  area.ensure(16384, 5000, 2, 2);
  expect(allocations).toHaveLength(3);
});

test('near the memory limit a block takes just the room asked for', () => {
  const { wasm, memory, allocations } = fakeExports(10_000);
  const area = new StagingArea(wasm);
  area.ensure(4000, 0, 2, 0);
  new Uint8Array(memory.buffer).set([7, 8], area.rowsPtr);
  area.ensure(5000, 2, 2, 2);
  expect(allocations).toEqual([4096, 4096, 16384, 5000]);
  expect([...new Uint8Array(memory.buffer, area.rowsPtr, 2)]).toEqual([7, 8]);
});

test('a block that cannot grow at all fails with RangeError and keeps its old memory', () => {
  const { wasm, frees } = fakeExports(4096);
  const area = new StagingArea(wasm);
  area.ensure(4096, 0, 2, 0);
  const before = area.rowsPtr;
  expect(() => area.ensure(4097, 10, 2, 2)).toThrow(RangeError);
  expect(area.rowsPtr).toBe(before);
  expect(frees).toEqual([]);
});
