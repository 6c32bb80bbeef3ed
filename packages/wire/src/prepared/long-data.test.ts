import { describe, expect, it } from 'vitest';
import { bindParams } from './binary-params.js';
import { splitLongData } from './long-data.js';

/*
 * How values are chosen and cut; execute-packet-size.test.ts checks the bytes against a
 * MariaDB whose max_allowed_packet is lowered.
 */
describe('splitLongData', () => {
  it('keeps every value in the packet without a limit, or when the packet fits', () => {
    const bound = bindParams(['x'.repeat(5000), 1]);
    expect(splitLongData(bound, undefined)).toEqual({ inline: bound, longData: [] });
    expect(splitLongData(bound, 6000).inline).toBe(bound);
  });

  it('moves the largest values first, only until the packet fits, in chunks below the limit', () => {
    const limit = 4096;
    const bound = bindParams([
      7,
      'a'.repeat(3000),
      '',
      new Uint8Array(limit).fill(2),
      'b'.repeat(1100),
    ]);
    const { inline, longData } = splitLongData(bound, limit);
    expect(longData.map((chunk) => [chunk.parameter, chunk.data.length])).toEqual([
      [3, limit - 8],
      [3, 8],
      [1, 3000],
    ]);
    expect(
      longData.every((chunk) =>
        chunk.data.every((byte) => byte === (chunk.parameter === 3 ? 2 : 97)),
      ),
    ).toBe(true);
    // The integer, the empty string and the 1100 b's stay, with their types and offsets.
    expect(inline.values.length).toBe(8 + 1 + 3 + 1100);
    expect(Array.from(inline.offsets)).toEqual([0, 8, 8, 9, 9, 1112]);
    expect(inline.types).toBe(bound.types);
  });
});
