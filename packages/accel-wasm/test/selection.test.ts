import { afterEach, expect, test } from 'vitest';
import {
  accelStatus,
  activeImplementation,
  createRowDecoder,
  createRowdat1Codec,
  getAccelMode,
  setAccelMode,
} from '../src/index.js';

const saved = process.env.S2_ACCEL;
afterEach(() => {
  setAccelMode(undefined);
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
