import { describe, expect, it } from 'vitest';
import { frameOutgoing, IncomingPackets, SequenceCounter } from './packet-framing.js';
import { MAX_FRAME_PAYLOAD } from './protocol-constants.js';

function receive(bytes: Uint8Array, chunkSizes: number[]): Uint8Array[] {
  const packets: Uint8Array[] = [];
  const incoming = new IncomingPackets(new SequenceCounter(), (payload) =>
    packets.push(payload.slice()),
  );
  let at = 0;
  let round = 0;
  while (at < bytes.length) {
    const size = chunkSizes[round % chunkSizes.length]!;
    incoming.push(bytes.subarray(at, at + size));
    at += size;
    round += 1;
  }
  return packets;
}

function pattern(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) bytes[index] = (index * 31 + seed) & 0xff;
  return bytes;
}

describe('framing', () => {
  it('round-trips payloads of many sizes through any chunking', () => {
    const payloads = [0, 1, 3, 4, 5, 250, 251, 65_535, 70_000].map((length, seed) =>
      pattern(length, seed),
    );
    const sequence = new SequenceCounter();
    const wire = payloads.map((payload) => frameOutgoing(payload, sequence));
    const joined = new Uint8Array(wire.reduce((total, part) => total + part.length, 0));
    let offset = 0;
    for (const part of wire) {
      joined.set(part, offset);
      offset += part.length;
    }
    for (const chunks of [[1], [2, 3], [4], [7, 1, 13], [1_000_000]]) {
      const received = receive(joined, chunks);
      expect(received.map((payload) => payload.length)).toEqual(
        payloads.map((payload) => payload.length),
      );
      for (const [index, payload] of received.entries()) expect(payload).toEqual(payloads[index]);
    }
  });

  it('splits payloads of 2^24−1 bytes and more, with an empty frame after an exact multiple', () => {
    for (const length of [
      MAX_FRAME_PAYLOAD - 1,
      MAX_FRAME_PAYLOAD,
      MAX_FRAME_PAYLOAD + 5,
      2 * MAX_FRAME_PAYLOAD,
    ]) {
      const payload = pattern(length, 7);
      const framed = frameOutgoing(payload, new SequenceCounter());
      const frames = Math.floor(length / MAX_FRAME_PAYLOAD) + 1;
      expect(framed.length).toBe(length + 4 * frames);
      expect(framed[3]).toBe(0);
      if (frames > 1) expect(framed[MAX_FRAME_PAYLOAD + 4 + 3]).toBe(1);
      const [received, ...rest] = receive(framed, [65_536, 1, 300_000]);
      expect(rest).toEqual([]);
      expect(received!.length).toBe(length);
      expect(received!.every((byte, index) => byte === payload[index])).toBe(true);
    }
  });

  it('rejects a frame with the wrong sequence id with a typed error', () => {
    const incoming = new IncomingPackets(new SequenceCounter(), () => undefined);
    incoming.push(Uint8Array.of(1, 0, 0, 0, 0xaa));
    expect(() => incoming.push(Uint8Array.of(1, 0, 0, 5, 0xaa))).toThrow(/sequence number wrong/);
  });
});
