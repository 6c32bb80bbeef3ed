import { describe, expect, it } from 'vitest';
import { PacketReader } from './packet-reader.js';
import { PacketWriter } from './packet-writer.js';

describe('PacketReader and PacketWriter', () => {
  it('round-trip every field kind', () => {
    const lengths = [0, 250, 251, 65_535, 65_536, 16_777_215, 16_777_216, 2 ** 40];
    const writer = new PacketWriter(4)
      .u8(7)
      .u16(65_000)
      .u24(0xabcdef)
      .u32(0xfedcba98)
      .u64(2n ** 63n);
    for (const length of lengths) writer.lengthEncoded(length);
    writer.lengthEncodedString('héllo ✓').nulTerminatedString('user').bytes(Uint8Array.of(9, 8));
    const reader = new PacketReader(writer.finish());
    expect([reader.u8(), reader.u16(), reader.u24(), reader.u32(), reader.u64()]).toEqual([
      7,
      65_000,
      0xabcdef,
      0xfedcba98,
      2n ** 63n,
    ]);
    expect(lengths.map(() => reader.lengthEncoded())).toEqual(lengths);
    expect(reader.lengthEncodedString()).toBe('héllo ✓');
    expect(reader.nulTerminatedString()).toBe('user');
    expect(Array.from(reader.restBytes())).toEqual([9, 8]);
    expect(reader.remaining).toBe(0);
  });

  it('reads every width from a payload that is a view into a larger chunk', () => {
    const payload = new PacketWriter(4)
      .u16(0xbeef)
      .u32(0x89abcdef)
      .u64(2n ** 64n - 2n)
      .finish();
    const chunk = new Uint8Array(payload.length + 5).fill(0xee);
    chunk.set(payload, 3);
    const reader = new PacketReader(chunk.subarray(3, 3 + payload.length));
    expect([reader.u16(), reader.u32(), reader.u64()]).toEqual([
      0xbeef,
      0x89abcdef,
      2n ** 64n - 2n,
    ]);
    expect(reader.remaining).toBe(0);
    expect(() => reader.u8()).toThrow(/ends early/);
  });

  it('reads NULL markers and refuses reads past the end with a Malformed packet error', () => {
    expect(new PacketReader(Uint8Array.of(0xfb)).lengthEncodedOrNull()).toBeNull();
    const reader = new PacketReader(Uint8Array.of(0xfc, 1), 'test packet');
    expect(() => reader.lengthEncoded()).toThrow(/Malformed packet: test packet ends early/);
    expect(() => new PacketReader(Uint8Array.of(1, 2)).nulTerminatedBytes()).toThrow(/NUL/);
    expect(() => new PacketReader(Uint8Array.of(0xff)).lengthEncoded()).toThrow(/invalid/);
  });
});
