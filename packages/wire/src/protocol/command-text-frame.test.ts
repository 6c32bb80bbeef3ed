import { describe, expect, it } from 'vitest';
import { frameCommandText } from './command-text-frame.js';
import { frameOutgoing, IncomingPackets, SequenceCounter } from './packet-framing.js';
import { CommandByte, MAX_FRAME_PAYLOAD } from './protocol-constants.js';

/** What the general path sends for the same command: the payload encoded, then framed. */
function expected(command: number, text: string, firstSequence = 0): Uint8Array {
  const body = new TextEncoder().encode(text);
  const payload = new Uint8Array(1 + body.length);
  payload[0] = command;
  payload.set(body, 1);
  const sequence = new SequenceCounter();
  sequence.next = firstSequence;
  return frameOutgoing(payload, sequence);
}

/** The frame's bytes as a plain Uint8Array (it is a Buffer). */
function framed(command: number, text: string, firstSequence = 0): Uint8Array {
  const sequence = new SequenceCounter();
  sequence.next = firstSequence;
  return Uint8Array.from(frameCommandText(command, text, sequence));
}

describe('frameCommandText', () => {
  it('frames text of every UTF-8 width exactly as encoding then framing does', () => {
    const texts = [
      '',
      'SELECT 1',
      "SELECT 'é', 'ß', '中文', '😀', '\u0000'",
      // Lone surrogates become U+FFFD in both encoders.
      `SELECT '${'\ud800'}x${'\udfff'}'`,
      'x'.repeat(250),
      // Either side of the short-ASCII path: 64 and 65 units, ASCII, or ending in 'é' or DEL.
      'y'.repeat(64),
      'y'.repeat(65),
      `${'y'.repeat(63)}é`,
      `${'y'.repeat(63)}\u007f`,
      'é',
      '€'.repeat(70_000),
    ];
    for (const text of texts) {
      expect(framed(CommandByte.QUERY, text, 0)).toEqual(expected(CommandByte.QUERY, text, 0));
    }
    expect(framed(CommandByte.INIT_DB, 'db', 7)).toEqual(expected(CommandByte.INIT_DB, 'db', 7));
  });

  it('advances the sequence by one per frame', () => {
    const sequence = new SequenceCounter();
    sequence.next = 255;
    frameCommandText(CommandByte.QUERY, 'SELECT 1', sequence);
    expect(sequence.next).toBe(0);
  });

  it('splits text of 2^24−1 bytes and more into continuation frames', () => {
    // 1 command byte + text: payloads just under, at and over one frame's maximum.
    for (const textBytes of [MAX_FRAME_PAYLOAD - 2, MAX_FRAME_PAYLOAD - 1, MAX_FRAME_PAYLOAD]) {
      const text = 'a'.repeat(textBytes);
      const frames = framed(CommandByte.QUERY, text);
      const payloads: Uint8Array[] = [];
      const incoming = new IncomingPackets(new SequenceCounter(), (payload) =>
        payloads.push(payload.slice()),
      );
      incoming.push(frames);
      expect(payloads).toHaveLength(1);
      expect(payloads[0]?.length).toBe(textBytes + 1);
      expect(payloads[0]?.[0]).toBe(CommandByte.QUERY);
      expect(frames.length).toBe(textBytes + 1 + 4 * (textBytes + 1 >= MAX_FRAME_PAYLOAD ? 2 : 1));
    }
  });
});
