import { expect, test, vi } from 'vitest';

vi.mock('../src/generated/accel-wasm.generated.js', () => ({
  ACCEL_WASM_BASE64: btoa('not a wasm module'),
  ACCEL_WASM_SHA256: '',
}));

const { accelStatus, activeImplementation, createRowDecoder, decodeRows, loadAccel } = await import(
  '../src/index.js'
);

test('without wasm, `wasm` falls back to TypeScript and `require-wasm` fails loudly', async () => {
  expect(activeImplementation('wasm')).toBe('ts');
  const status = accelStatus();
  expect(status).toMatchObject({ mode: 'wasm', implementation: 'ts', wasm: 'failed' });
  expect(status.wasmError).toMatch(/WebAssembly|wasm|magic/i);
  expect(
    decodeRows(
      [{ typeCode: 3, flags: 0, charset: 63, decimals: 0 }],
      new Uint8Array([1, 0x37]),
      [0, 2],
    ).columns[0]!.values,
  ).toEqual(Int32Array.of(7));
  expect(() => activeImplementation('require-wasm')).toThrow(/require-wasm.*not available/);
  expect(() => createRowDecoder([], { accel: 'require-wasm' })).toThrow(/not available/);
  await expect(loadAccel()).resolves.toBe('ts');
});
