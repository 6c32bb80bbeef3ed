import { createHash } from 'node:crypto';
import { afterEach, expect, test, vi } from 'vitest';
import { ACCEL_WASM_BASE64, ACCEL_WASM_SHA256 } from '../generated/accel-wasm.generated.js';
import { base64Bytes, bytesFromAtob, bytesFromBuffer, nodeBuffer } from './module-bytes.js';

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const hasFromBase64 = typeof (Uint8Array as { fromBase64?: unknown }).fromBase64 === 'function';

afterEach(() => {
  vi.unstubAllGlobals();
});

test('the Buffer path gives the embedded module', () => {
  const buffer = nodeBuffer();
  expect(buffer).toBeDefined();
  const bytes = bytesFromBuffer(ACCEL_WASM_BASE64, buffer!);
  expect(bytes).toBeInstanceOf(Uint8Array);
  expect(sha256(bytes)).toBe(ACCEL_WASM_SHA256);
});

test('the atob path (browsers) gives the embedded module', () => {
  expect(sha256(bytesFromAtob(ACCEL_WASM_BASE64))).toBe(ACCEL_WASM_SHA256);
});

test.runIf(hasFromBase64)('the Uint8Array.fromBase64 path gives the embedded module', () => {
  expect(sha256(base64Bytes(ACCEL_WASM_BASE64))).toBe(ACCEL_WASM_SHA256);
});

test.skipIf(hasFromBase64)('Node decodes through Buffer, not the atob loop', () => {
  const atob = vi.fn(globalThis.atob);
  vi.stubGlobal('atob', atob);
  expect(sha256(base64Bytes(ACCEL_WASM_BASE64))).toBe(ACCEL_WASM_SHA256);
  expect(atob).not.toHaveBeenCalled();
});

test.skipIf(hasFromBase64)('without Buffer the atob loop decodes the module', () => {
  vi.stubGlobal('Buffer', undefined);
  expect(nodeBuffer()).toBeUndefined();
  expect(sha256(base64Bytes(ACCEL_WASM_BASE64))).toBe(ACCEL_WASM_SHA256);
});

test('a base64 payload that is not a module decodes to its own bytes on every path', () => {
  const text = btoa('not a wasm module');
  const expected = new TextEncoder().encode('not a wasm module');
  expect(bytesFromAtob(text)).toEqual(expected);
  expect(bytesFromBuffer(text, nodeBuffer()!)).toEqual(expected);
  expect(base64Bytes(text)).toEqual(expected);
});
