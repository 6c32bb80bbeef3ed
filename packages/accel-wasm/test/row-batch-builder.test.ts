import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  createRowDecoder,
  type RowBatchBuilder,
  type RowDecodeError,
  setAccelMode,
} from '../src/index.js';
import { resolveImplementation } from '../src/selection.js';
import type { WasmImplementation } from '../src/wasm/implementation.js';
import { wasmExports } from '../src/wasm/loader.js';
import { StagingArea } from '../src/wasm/staging-area.js';
import { textCase } from './arbitraries-text.js';
import { buildChecker, chunk, IMPLEMENTATIONS, rowPayload, spec } from './support.js';

setFlagsFromString('--expose-gc');
/** A full collection, so FinalizationRegistry callbacks of dropped builders can run. */
const collectGarbage = runInNewContext('gc') as () => void;

const RUNS = Math.max(200, Math.floor(Number(process.env.S2_FUZZ_RUNS ?? 100_000) / 50));

function wasmImplementation(): WasmImplementation {
  return resolveImplementation('require-wasm') as WasmImplementation;
}

/** Feeds `payloads` to `builder` as one run of rows (with junk between them, like packet headers). */
function addAsRun(builder: RowBatchBuilder, payloads: readonly Uint8Array[]): void {
  const { data, bounds } = chunk(payloads, 4);
  const start = 3;
  const shifted = new Uint8Array(data.length + start).fill(0xcc);
  shifted.set(data, start);
  builder.addRun(shifted, start, bounds, 0, payloads.length);
}

afterEach(() => {
  setAccelMode(undefined);
  vi.restoreAllMocks();
});

describe.each(IMPLEMENTATIONS)('batch builder ($name)', ({ accel }) => {
  test('batches built from rows and runs equal decoding the same rows', () => {
    fc.assert(
      fc.property(
        textCase,
        fc.array(fc.tuple(fc.nat({ max: 4 }), fc.boolean(), fc.boolean()), { maxLength: 8 }),
        ({ specs, decimal, invalidDates, payloads }, steps) => {
          const decoder = createRowDecoder(specs, { accel, decimal, invalidDates });
          const builder = decoder.createBatchBuilder();
          const check = buildChecker(decoder, builder, payloads);
          let next = 0;
          let batchStart = 0;
          for (const [take, asRun, buildNow] of steps) {
            const part = payloads.slice(next, next + take);
            if (asRun && part.length > 0) addAsRun(builder, part);
            else for (const payload of part) builder.addRow(payload);
            next += part.length;
            expect(builder.pendingRows).toBe(next - batchStart);
            if (buildNow) {
              check(batchStart, next);
              batchStart = next;
            }
          }
          for (const payload of payloads.slice(next)) builder.addRow(payload);
          check(batchStart, payloads.length);
          builder.release();
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('row numbers in errors count the rows of earlier batches', () => {
    const decoder = createRowDecoder([spec(3)], { accel });
    const builder = decoder.createBatchBuilder();
    builder.addRow(rowPayload(['1']));
    builder.addRow(rowPayload(['2']));
    builder.build();
    builder.addRow(rowPayload(['3']));
    builder.addRow(rowPayload(['x']));
    expect(() => builder.build()).toThrow(
      expect.objectContaining({ code: 'BAD_NUMBER', row: 3 }) as RowDecodeError,
    );
    builder.addRow(rowPayload(['5']));
    expect(Array.from(builder.build().columns[0]!.values as Int32Array)).toEqual([5]);
  });

  test('pending counts, and release drops the rows collected', () => {
    const builder = createRowDecoder([spec(253)], { accel }).createBatchBuilder();
    builder.addRow(rowPayload(['abc']));
    expect([builder.pendingRows, builder.pendingBytes]).toEqual([1, 4]);
    builder.release();
    expect([builder.pendingRows, builder.pendingBytes]).toEqual([0, 0]);
    builder.addRow(rowPayload(['de']));
    const batch = builder.build();
    expect(batch.numRows).toBe(1);
    expect(new TextDecoder().decode(batch.columns[0]!.data)).toBe('de');
  });
});

describe('batch builder in linear memory', () => {
  test('a wasm batch decodes where it was collected, without the copying decode', () => {
    const wasm = wasmImplementation();
    const staged = vi.spyOn(wasm, 'decodeStaged');
    const copied = vi.spyOn(wasm, 'decodeText');
    const builder = createRowDecoder([spec(3)], { accel: 'require-wasm' }).createBatchBuilder();
    builder.addRow(rowPayload(['7']));
    expect(Array.from(builder.build().columns[0]!.values as Int32Array)).toEqual([7]);
    expect([staged.mock.calls.length, copied.mock.calls.length]).toEqual([1, 0]);
  });

  test('many builders at once, memory growing between their rows, each keep their rows', () => {
    const wasm = wasmImplementation();
    const staged = vi.spyOn(wasm, 'decodeStaged');
    const copied = vi.spyOn(wasm, 'decodeText');
    const decoder = createRowDecoder([spec(3), spec(253)], { accel: 'require-wasm' });
    const builders = Array.from({ length: 12 }, () => decoder.createBatchBuilder());
    const memoryBefore = wasm.memoryBytes;
    const expected = builders.map(() => [] as string[]);
    for (let round = 0; round < 6; round++) {
      builders.forEach((builder, b) => {
        // One large row per round forces linear memory to grow while the others hold rows.
        const text = `${b}-${round}-`.repeat(b === round ? 100_000 : 3);
        expected[b]!.push(text);
        builder.addRow(rowPayload([String(b * 100 + round), text]));
      });
    }
    expect(wasm.memoryBytes).toBeGreaterThan(memoryBefore);
    builders.forEach((builder, b) => {
      const batch = builder.build();
      expect(Array.from(batch.columns[0]!.values as Int32Array)).toEqual(
        [0, 1, 2, 3, 4, 5].map((round) => b * 100 + round),
      );
      const { offsets, data } = batch.columns[1]!;
      const texts = expected[b]!.map((_, r) =>
        new TextDecoder().decode(data!.subarray(offsets![r], offsets![r + 1])),
      );
      expect(texts).toEqual(expected[b]);
    });
    // Eight areas are lent at once; the other builders collect in JS memory.
    expect([staged.mock.calls.length, copied.mock.calls.length]).toEqual([8, 4]);
  });

  test('areas come back after build and release, so later builders are lent one', () => {
    const wasm = wasmImplementation();
    const decoder = createRowDecoder([spec(3)], { accel: 'require-wasm' });
    const held = Array.from({ length: 8 }, () => decoder.createBatchBuilder());
    for (const builder of held) builder.addRow(rowPayload(['1']));
    for (const builder of held.slice(0, 4)) builder.build();
    for (const builder of held.slice(4)) builder.release();
    const staged = vi.spyOn(wasm, 'decodeStaged');
    const later = Array.from({ length: 8 }, () => decoder.createBatchBuilder());
    for (const builder of later) builder.addRow(rowPayload(['2']));
    for (const builder of later) builder.build();
    expect(staged.mock.calls.length).toBe(8);
  });

  test('areas of builders dropped without building come back after the next loan and a GC', async () => {
    const wasm = wasmImplementation();
    const decoder = createRowDecoder([spec(3)], { accel: 'require-wasm' });
    // Dropped in the job that lent them, and in a later one: both kinds of loan come back.
    const dropped = (): void => {
      for (let index = 0; index < 4; index++)
        decoder.createBatchBuilder().addRow(rowPayload(['1']));
    };
    dropped();
    let held: RowBatchBuilder[] | undefined = Array.from({ length: 4 }, () => {
      const builder = decoder.createBatchBuilder();
      builder.addRow(rowPayload(['1']));
      return builder;
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(held).toHaveLength(4);
    held = undefined;
    // The pool holds the borrower of its last loan until it lends again.
    const next = decoder.createBatchBuilder();
    next.addRow(rowPayload(['3']));
    next.build();
    for (let round = 0; round < 10; round++) {
      collectGarbage();
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const staged = vi.spyOn(wasm, 'decodeStaged');
    const later = Array.from({ length: 8 }, () => decoder.createBatchBuilder());
    for (const builder of later) builder.addRow(rowPayload(['2']));
    for (const builder of later) builder.build();
    expect(staged.mock.calls.length).toBe(8);
  });

  test('an area holding only empty rows still has an address to hand the decoder', () => {
    const area = new StagingArea(wasmExports()!);
    area.ensure(0, 0, 2, 0);
    expect(area.rowsPtr).not.toBe(0);
    expect(area.boundsPtr).not.toBe(0);
  });

  test('a mode change between collecting and building decodes with the new mode', () => {
    const decoder = createRowDecoder([spec(3), spec(253)]);
    const builder = decoder.createBatchBuilder();
    builder.addRow(rowPayload(['41', 'wasm memory']));
    setAccelMode('ts');
    expect(decoder.implementation).toBe('ts');
    const batch = builder.build();
    expect(Array.from(batch.columns[0]!.values as Int32Array)).toEqual([41]);
    expect(new TextDecoder().decode(batch.columns[1]!.data)).toBe('wasm memory');
  });
});
