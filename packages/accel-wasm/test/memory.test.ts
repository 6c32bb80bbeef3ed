import { expect, test } from 'vitest';
import { createRowDecoder, createRowdat1Codec, type RowDecodeError } from '../src/index.js';
import { wasmExports } from '../src/wasm/loader.js';
import { yieldToEventLoop } from './fuzz.js';
import { BINARY, rows, spec } from './support.js';

/**
 * The wasm side keeps its input regions and output buffers between calls: once warmed up, a
 * steady workload (including failing calls) never grows linear memory.
 */
const CALLS = Number(process.env.S2_MEMORY_CALLS ?? 1_000_000);

function memoryBytes(): number {
  const wasm = wasmExports();
  if (!wasm) throw new Error('wasm did not load');
  return wasm.memory.buffer.byteLength;
}

test(`no growth of wasm memory across ${CALLS} decode calls`, async () => {
  const specs = [
    spec(8),
    spec(253),
    spec(12, { decimals: 6 }),
    spec(252, { charset: BINARY, extendedType: 2, vectorDims: 4, vectorElement: 1 }),
  ];
  const decoder = createRowDecoder(specs, { accel: 'require-wasm' });
  const batches = [
    rows([['1', 'abc', '2024-01-01 00:00:00', new Uint8Array(16)]]),
    rows(
      Array.from({ length: 20 }, (_, i) => [
        String(i),
        'x'.repeat(i * 10),
        null,
        new Uint8Array(16).fill(i),
      ]),
    ),
    rows([['nope', 'abc', '2024-01-01', new Uint8Array(16)]]),
    rows([['1', 'abc', '2024-01-01', new Uint8Array(15)]]),
  ];
  // Yields to the event loop now and then (see yieldToEventLoop).
  const run = async (count: number) => {
    let errors = 0;
    for (let i = 0; i < count; i++) {
      if (i % 50_000 === 49_999) await yieldToEventLoop();
      const { data, bounds } = batches[i % batches.length]!;
      try {
        decoder.decode(data, bounds);
      } catch (error) {
        if ((error as RowDecodeError).code === undefined) throw error;
        errors++;
      }
    }
    return errors;
  };
  await run(1000);
  const before = memoryBytes();
  expect(await run(CALLS)).toBe(CALLS / 2);
  expect(memoryBytes()).toBe(before);
}, 600_000);

test('no growth across ROWDAT_1 decode and encode calls', async () => {
  const codec = createRowdat1Codec([8, 254, 5], { accel: 'require-wasm' });
  const body = new Uint8Array([
    ...[1, 0, 0, 0, 0, 0, 0, 0, 0, 42, 0, 0, 0, 0, 0, 0, 0],
    ...[0, 2, 0, 0, 0, 0, 0, 0, 0, 0x68, 0x69],
    ...[1, 0, 0, 0, 0, 0, 0, 0, 0],
  ]);
  const decoded = codec.decode(body);
  const before = memoryBytes();
  for (let i = 0; i < CALLS / 10; i++) {
    if (i % 50_000 === 49_999) await yieldToEventLoop();
    codec.decode(body);
    codec.encode(decoded);
  }
  expect(memoryBytes()).toBe(before);
}, 600_000);

test('a large batch raises the high-water mark once; later batches reuse it', () => {
  const decoder = createRowDecoder([spec(253)], { accel: 'require-wasm' });
  const big = rows(Array.from({ length: 2000 }, () => ['y'.repeat(500)]));
  decoder.decode(big.data, big.bounds);
  const after = memoryBytes();
  for (let i = 0; i < 50; i++) decoder.decode(big.data, big.bounds);
  expect(memoryBytes()).toBe(after);
});
