import { S2Error } from '@s2/core-cursor';
import { describe, expect, it } from 'vitest';
import { errPacket } from '../test-support/scripted-server.js';
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

  const TOO_LARGE = "Got a packet bigger than 'max_allowed_packet' bytes";

  /** A frame with sequence id 5 where 1 is expected (after one frame with id 0). */
  function outOfOrder(payload: Uint8Array): { incoming: IncomingPackets; frame: Uint8Array } {
    const incoming = new IncomingPackets(new SequenceCounter(), () => undefined);
    incoming.push(Uint8Array.of(1, 0, 0, 0, 0xaa));
    const frame = new Uint8Array(4 + payload.length);
    frame.set([payload.length & 0xff, payload.length >> 8, payload.length >> 16, 5]);
    frame.set(payload, 4);
    return { incoming, frame };
  }

  function thrown(action: () => void): unknown {
    try {
      action();
    } catch (error) {
      return error;
    }
    return undefined;
  }

  it('reports an out-of-order ERR packet as the server error, cut anywhere', () => {
    const payload = errPacket(1153, '08S01', TOO_LARGE);
    // Cut 0 is the whole frame in one chunk; the others gather it across two.
    for (let cut = 0; cut < payload.length + 4; cut += 1) {
      const { incoming, frame } = outOfOrder(payload);
      expect(thrown(() => incoming.push(frame.subarray(0, cut)))).toBeUndefined();
      const error = thrown(() => incoming.push(frame.subarray(cut)));
      expect(S2Error.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ errno: 1153, sqlState: '08S01', detail: TOO_LARGE });
      expect((error as S2Error).cause).toMatchObject({
        message: 'Packet sequence number wrong: expected 1, received 5',
      });
    }
  });

  it('keeps the sequence error for any other out-of-order frame', () => {
    const garbled = [
      [
        'no SQLSTATE marker',
        new Uint8Array([0xff, 0x81, 0x04, ...new TextEncoder().encode('bigger')]),
      ],
      ['a SQLSTATE of other characters', errPacket(1153, '08s01', TOO_LARGE)],
      ['an ERR shorter than its header', errPacket(1153, '08S01', '').subarray(0, 8)],
      ['an ERR longer than any server sends', errPacket(1153, '08S01', 'x'.repeat(513))],
      ['an OK packet', Uint8Array.of(0, 0, 0, 2, 0, 0, 0)],
    ] as const;
    for (const [name, payload] of garbled) {
      const { incoming, frame } = outOfOrder(payload);
      expect(() => incoming.push(frame), name).toThrow(
        'Packet sequence number wrong: expected 1, received 5',
      );
    }
  });

  it('takes a message of up to 512 bytes, the limit servers keep to', () => {
    const { incoming, frame } = outOfOrder(errPacket(1153, '08S01', 'x'.repeat(512)));
    expect(thrown(() => incoming.push(frame))).toMatchObject({ errno: 1153, sqlState: '08S01' });
  });

  it('fails at once on a cut out-of-order frame that cannot be an ERR', () => {
    const long = outOfOrder(new Uint8Array(1_000));
    expect(() => long.incoming.push(long.frame.subarray(0, 4))).toThrow(/sequence number wrong/);
    const row = outOfOrder(
      errPacket(1153, '08S01', TOO_LARGE).map((byte, index) => (index === 0 ? 3 : byte)),
    );
    expect(() => row.incoming.push(row.frame.subarray(0, 6))).toThrow(/sequence number wrong/);
  });
});
