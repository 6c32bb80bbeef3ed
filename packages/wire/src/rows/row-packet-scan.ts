import { scanRowPackets } from '@s2/accel-wasm';
import type { SequenceCounter } from '../protocol/packet-framing.js';

/** The smallest frame: a 4-byte header and a 1-byte payload. */
const MIN_FRAME = 5;

/**
 * The row packets framed in a socket chunk, found in JavaScript for readers that do not
 * collect them into a batch builder (binary rows to transcode, rows being discarded): the
 * bounds of the last scan stay valid until the next.
 */
export class RowPacketScan {
  /** (start, end) pairs of the payloads found, relative to the chunk. */
  bounds = new Uint32Array(512);
  /** How many the last scan found. */
  count = 0;

  /**
   * Finds the row packets framed in `chunk` from `at` (see `RowRunTarget.acceptRows`), advances
   * `sequence` past them, and returns where they end (`at` for none).
   */
  scan(chunk: Uint8Array, at: number, sequence: SequenceCounter): number {
    const room = Math.floor((chunk.length - at) / MIN_FRAME);
    if (2 * room > this.bounds.length) this.bounds = new Uint32Array(2 * room);
    const count = scanRowPackets(chunk, at, chunk.length, sequence.next, this.bounds, 0, room);
    this.count = count;
    if (count === 0) return at;
    sequence.next = (sequence.next + count) & 0xff;
    return this.bounds[2 * count - 1] as number;
  }
}
