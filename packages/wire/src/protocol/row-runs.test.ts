import { describe, expect, it } from 'vitest';
import type { RowRunTarget } from '../commands/command.js';
import { RowPacketScan } from '../rows/row-packet-scan.js';
import { frameOutgoing, IncomingPackets, SequenceCounter } from './packet-framing.js';

/** What a reader saw: each payload, and whether it came in a run or one by one. */
interface Seen {
  readonly payload: number[];
  readonly via: 'run' | 'packet';
}

/** A target that takes the row packets `RowPacketScan` finds, handing each to `take`. */
function scanningTarget(take: (payload: number[]) => void): RowRunTarget {
  const scan = new RowPacketScan();
  return {
    acceptRows(chunk, at, sequence) {
      const end = scan.scan(chunk, at, sequence);
      for (let row = 0; row < scan.count; row += 1) {
        take([...chunk.subarray(scan.bounds[2 * row], scan.bounds[2 * row + 1])]);
      }
      return end;
    },
  };
}

/**
 * Frames `payloads` as one reply and feeds it in chunks; row runs are taken only while
 * `rowsWanted()` says so, as a query command does between its column EOF and its row EOF.
 */
function feed(
  payloads: Uint8Array[],
  chunkSize: number,
  rowsWanted: (seen: readonly Seen[]) => boolean,
): Seen[] {
  const seen: Seen[] = [];
  const target = scanningTarget((payload) => seen.push({ payload, via: 'run' }));
  const incoming = new IncomingPackets(
    new SequenceCounter(),
    (payload) => seen.push({ payload: [...payload], via: 'packet' }),
    () => (rowsWanted(seen) ? target : undefined),
  );
  const sequence = new SequenceCounter();
  const bytes = Buffer.concat(payloads.map((payload) => frameOutgoing(payload, sequence)));
  for (let at = 0; at < bytes.length; at += chunkSize) {
    incoming.push(bytes.subarray(at, at + chunkSize));
  }
  return seen;
}

const header = [Uint8Array.of(2), Uint8Array.of(0xfe, 0, 0, 2, 0)];
const rows = Array.from({ length: 40 }, (_unused, index) =>
  Uint8Array.from({ length: 1 + (index % 7) }, (_value, at) => (index * 13 + at) % 250),
);
// A row may start with 0xFE when its first cell is longer than 2^24 bytes (a 9-byte length).
const rowStartingWithFe = Uint8Array.of(0xfe, 1, 2, 3, 4, 5, 6, 7, 8, 9);
const eof = Uint8Array.of(0xfe, 0, 0, 2, 0);
const reply = [...header, ...rows, rowStartingWithFe, eof, Uint8Array.of(0, 0, 0, 2, 0, 0, 0)];
/** Rows are wanted after the column EOF (2 packets) and until the row EOF. */
const inRows = (seen: readonly Seen[]) => seen.length >= 2 && seen.length < 2 + rows.length + 1;

describe('row runs', () => {
  it('deliver every packet once and in order, whatever the chunking', () => {
    const expected = reply.map((payload) => [...payload]);
    for (let chunkSize = 1; chunkSize <= 400; chunkSize += 1) {
      const seen = feed(reply, chunkSize, inRows);
      expect(seen.map((item) => item.payload)).toEqual(expected);
    }
  });

  it('carry whole rows of a chunk, and never the EOF, ERR or anything outside the rows', () => {
    const seen = feed(reply, 1 << 20, inRows);
    expect(seen.slice(2, 2 + rows.length + 1).every((item) => item.via === 'run')).toBe(true);
    expect(seen.slice(0, 2).every((item) => item.via === 'packet')).toBe(true);
    expect(seen.slice(-2).every((item) => item.via === 'packet')).toBe(true);
    const withError = [...header, ...rows.slice(0, 3), Uint8Array.of(0xff, 0x10, 0x04)];
    const failed = feed(withError, 1 << 20, (items) => items.length >= 2);
    expect(failed.at(-1)).toEqual({ payload: [0xff, 0x10, 0x04], via: 'packet' });
  });

  it('still check sequence ids, so a skipped id fails the read', () => {
    const sequence = new SequenceCounter();
    const framed = [...header, ...rows.slice(0, 5)].map((payload) =>
      frameOutgoing(payload, sequence),
    );
    (framed[4] as Uint8Array)[3] = 42;
    const taken: number[][] = [];
    const target = scanningTarget((payload) => taken.push(payload));
    const incoming = new IncomingPackets(
      new SequenceCounter(),
      () => undefined,
      () => target,
    );
    expect(() => incoming.push(Buffer.concat(framed))).toThrow(/sequence/i);
    // The column count is taken too: this target wants rows all along. The EOF is not.
    expect(taken).toEqual([[2], ...rows.slice(0, 2).map((row) => [...row])]);
  });
});
