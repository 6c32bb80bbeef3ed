import { expect, test } from 'vitest';

const versions = Object.getOwnPropertyDescriptor(process, 'versions')!;
Object.defineProperty(process, 'versions', {
  ...versions,
  value: { ...process.versions, node: undefined },
});
const { accelStatus, activeImplementation, createRowDecoder, loadAccel } = await import(
  '../src/index.js'
);

test('where compiling synchronously is not allowed: TypeScript until the async compile is ready', async () => {
  try {
    const decoder = createRowDecoder([{ typeCode: 3, flags: 0, charset: 63, decimals: 0 }]);
    expect(decoder.implementation).toBe('ts');
    expect(accelStatus().wasm).toBe('loading');
    expect(() => activeImplementation('require-wasm')).toThrow(/still compiling/);
    expect(await loadAccel()).toBe('wasm');
    expect(decoder.implementation).toBe('wasm');
    expect(decoder.decode(new Uint8Array([1, 0x37]), [0, 2]).columns[0]!.values).toEqual(
      Int32Array.of(7),
    );
  } finally {
    Object.defineProperty(process, 'versions', versions);
  }
});
