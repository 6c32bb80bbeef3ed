import { afterEach, expect, test, vi } from 'vitest';
import {
  accelStatus,
  activeImplementation,
  createRowDecoder,
  createRowdat1Codec,
  getAccelMode,
  setAccelMode,
} from '../src/index.js';
import { resolveImplementation } from '../src/selection.js';
import { tsImplementation } from '../src/ts/implementation.js';
import type { WasmImplementation } from '../src/wasm/implementation.js';
import { rowPayload, spec } from './support.js';

const saved = process.env.S2_ACCEL;
afterEach(() => {
  setAccelMode(undefined);
  vi.restoreAllMocks();
  if (saved === undefined) delete process.env.S2_ACCEL;
  else process.env.S2_ACCEL = saved;
});

test('wasm by default, compiled synchronously on first use in Node', () => {
  delete process.env.S2_ACCEL;
  expect(getAccelMode()).toBe('wasm');
  expect(activeImplementation()).toBe('wasm');
  expect(accelStatus()).toEqual({ mode: 'wasm', implementation: 'wasm', wasm: 'ready' });
  expect(createRowDecoder([]).implementation).toBe('wasm');
});

test('S2_ACCEL and setAccelMode() force a path; the option of a decoder wins', () => {
  process.env.S2_ACCEL = 'ts';
  expect(getAccelMode()).toBe('ts');
  expect(activeImplementation()).toBe('ts');
  expect(createRowDecoder([]).implementation).toBe('ts');
  expect(createRowDecoder([], { accel: 'wasm' }).implementation).toBe('wasm');
  process.env.S2_ACCEL = ' Require-Wasm ';
  expect(getAccelMode()).toBe('require-wasm');
  setAccelMode('ts');
  expect(getAccelMode()).toBe('ts');
  expect(accelStatus().implementation).toBe('ts');
  setAccelMode(undefined);
  expect(getAccelMode()).toBe('require-wasm');
});

test('an invalid mode fails loudly', () => {
  process.env.S2_ACCEL = 'fast';
  expect(() => getAccelMode()).toThrow(
    /S2_ACCEL must be one of wasm, ts, require-wasm, not "fast"/,
  );
  expect(() => setAccelMode('turbo' as 'ts')).toThrow(TypeError);
  expect(() => createRowDecoder([], { accel: 'WASM!' as 'wasm' })).toThrow(TypeError);
  expect(() => createRowdat1Codec([8], { accel: 'x' as 'ts' })).toThrow(TypeError);
});

test('require-wasm: the wasm decoder is what runs (fails if it did not load)', () => {
  expect(activeImplementation('require-wasm')).toBe('wasm');
  if (process.env.S2_ACCEL === 'require-wasm') expect(accelStatus().implementation).toBe('wasm');
  expect(createRowDecoder([], { accel: 'require-wasm' }).implementation).toBe('wasm');
});

test('S2_ACCEL changed between results: each result decodes with the mode in force', () => {
  const wasm = resolveImplementation('require-wasm') as WasmImplementation;
  const decodedBy = [
    vi.spyOn(tsImplementation, 'decodeText'),
    vi.spyOn(wasm, 'decodeText'),
    vi.spyOn(wasm, 'decodeStaged'),
  ];
  const decoder = createRowDecoder([spec(8)]);
  const oneRow = (mode: string, value: string): number[] => {
    process.env.S2_ACCEL = mode;
    const builder = decoder.createBatchBuilder();
    builder.addRow(rowPayload([value]));
    const batch = builder.build();
    expect(Array.from(batch.columns[0]!.values as BigInt64Array)).toEqual([BigInt(value)]);
    const calls = decodedBy.map((spy) => spy.mock.calls.length);
    for (const spy of decodedBy) spy.mockClear();
    return calls;
  };
  // [TS, wasm over rows collected elsewhere, wasm over rows collected in its memory]
  expect(oneRow('ts', '1')).toEqual([1, 0, 0]);
  // The first result after the change was collected for TS; wasm decodes it all the same.
  expect(oneRow('wasm', '2')).toEqual([0, 1, 0]);
  expect(oneRow('wasm', '3')).toEqual([0, 0, 1]);
  expect(oneRow('ts', '4')).toEqual([1, 0, 0]);
  expect(oneRow(' TS ', '5')).toEqual([1, 0, 0]);
  expect(oneRow('require-wasm', '-6')).toEqual([0, 1, 0]);
});
