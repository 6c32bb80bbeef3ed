import { expect, test, vi } from 'vitest';
import { createRowDecoder } from '../src/index.js';
import { resolveImplementation } from '../src/selection.js';
import type { WasmImplementation } from '../src/wasm/implementation.js';
import { BINARY, chunk, fingerprint, rowPayload, spec, UNSIGNED } from './support.js';

/**
 * Columns whose buffers are all small (up to 64 bytes: a one-row result, SELECT 1) are copied
 * out of linear memory into typed arrays of their own instead of views over one ArrayBuffer;
 * the batch must be the same either way.
 */
const SPECS = [
  spec(8),
  spec(8, { flags: UNSIGNED }),
  spec(3),
  spec(1),
  spec(5),
  spec(4),
  spec(246, { decimals: 2 }),
  spec(253),
  spec(252, { charset: 63 }),
  spec(10),
  spec(12),
  spec(11),
  spec(252, { charset: BINARY, extendedType: 2, vectorDims: 2, vectorElement: 1 }),
];
const ROW = ['-9007199254740993', '18446744073709551615', '-7', '12', '2.5', '0.25', '-12.34'];
const CELLS = [...ROW, 'héllo', 'bytes', '2024-02-29', '2024-02-29 23:59:59.5', '-838:59:59'];
const VECTOR = Uint8Array.from([0, 0, 128, 63, 0, 0, 0, 192]);

function decodeBoth(rows: readonly (string | Uint8Array | null)[][]): [unknown, unknown] {
  const { data, bounds } = chunk(rows.map(rowPayload), 2);
  const run = (accel: 'ts' | 'require-wasm') =>
    fingerprint(createRowDecoder(SPECS, { accel }).decode(data, bounds));
  return [run('require-wasm'), run('ts')];
}

test('one row of each kind decodes to the same batch on both implementations', () => {
  const [wasm, ts] = decodeBoth([[...CELLS, VECTOR]]);
  expect(wasm).toEqual(ts);
});

test('one row of NULLs, and empty strings, decode the same on both implementations', () => {
  const [nulls, tsNulls] = decodeBoth([SPECS.map(() => null)]);
  expect(nulls).toEqual(tsNulls);
  const [empty, tsEmpty] = decodeBoth([[...ROW, '', '', ...CELLS.slice(9), VECTOR]]);
  expect(empty).toEqual(tsEmpty);
});

test('a small result is copied out: later decodes do not change it', () => {
  const wasm = resolveImplementation('require-wasm') as WasmImplementation;
  const decoder = createRowDecoder([spec(8), spec(253)], { accel: 'require-wasm' });
  const decodeOne = (value: string, text: string) => {
    const { data, bounds } = chunk([rowPayload([value, text])]);
    return decoder.decode(data, bounds);
  };
  const first = decodeOne('1', 'one');
  const views = vi.spyOn(wasm, 'views');
  decodeOne('2', 'two');
  expect(views).toHaveBeenCalled();
  const [numbers, strings] = first.columns;
  expect(Array.from(numbers!.values as BigInt64Array)).toEqual([1n]);
  expect(new TextDecoder().decode(strings!.data)).toBe('one');
  for (const view of [numbers!.validity, numbers!.values, strings!.offsets, strings!.data]) {
    expect(view!.buffer).not.toBe(wasm.views().memory);
  }
});
