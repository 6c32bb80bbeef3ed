import { describe, expect, it } from 'vitest';
import { framePacket } from './packet-splitter.js';
import { ResultDrain } from './result-drain.js';

const EOF = Buffer.from([0xfe, 0x00, 0x00, 0x02, 0x00]);

function lengthEncodedText(text: string): Buffer {
  return Buffer.concat([Buffer.from([text.length]), Buffer.from(text, 'latin1')]);
}

/** A result set of `rows` one-column rows, framed with consecutive sequence ids. */
function resultSet(rows: number): Buffer {
  const payloads = [
    Buffer.from([1]),
    Buffer.from(
      '\x03def\x00\x00\x00\x01a\x00\x0c\x3f\x00\x0b\x00\x00\x00\x03\x00\x00\x00\x00\x00',
      'latin1',
    ),
    EOF,
    ...Array.from({ length: rows }, (_, i) => lengthEncodedText(String(i))),
    EOF,
  ];
  return Buffer.concat(payloads.map((payload, i) => framePacket(payload, i + 1)));
}

function drainInChunks(bytes: Buffer, size: number): { drain: ResultDrain; end: number } {
  const drain = new ResultDrain();
  for (let offset = 0; offset < bytes.length; offset += size) {
    const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + size));
    const end = drain.feed(chunk);
    if (end >= 0) return { drain, end: offset + end };
  }
  return { drain, end: -1 };
}

describe('ResultDrain', () => {
  it('counts the rows and finds the end whatever the chunk boundaries', () => {
    const bytes = resultSet(37);
    for (const size of [1, 2, 3, 4, 5, 6, 7, 11, 64, bytes.length]) {
      const { drain, end } = drainInChunks(bytes, size);
      expect({ size, rows: drain.rows, end, error: drain.error }).toEqual({
        size,
        rows: 37,
        end: bytes.length,
        error: undefined,
      });
    }
  });

  it('stops at the end of the response and leaves what follows', () => {
    const bytes = Buffer.concat([resultSet(2), Buffer.from([9, 9, 9])]);
    const drain = new ResultDrain();
    expect(drain.feed(bytes)).toBe(bytes.length - 3);
  });

  it('ends on an OK with no rows', () => {
    const drain = new ResultDrain();
    const ok = framePacket(Buffer.from([0, 0, 0, 2, 0, 0, 0]), 1);
    expect(drain.feed(ok)).toBe(ok.length);
    expect(drain.rows).toBe(0);
  });

  it('reports the message of an ERR, even split byte by byte', () => {
    const err = framePacket(
      Buffer.concat([Buffer.from([0xff, 0x7a, 0x04]), Buffer.from('#42S02no such table')]),
      1,
    );
    const { drain, end } = drainInChunks(err, 1);
    expect(end).toBe(err.length);
    expect(drain.error).toBe('no such table');
  });
});
