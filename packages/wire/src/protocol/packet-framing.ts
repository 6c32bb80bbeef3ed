import { errorFromServer, type S2Error } from '@s2/core-cursor';
import type { RowRunTarget } from '../commands/command.js';
import { parseErrPacket } from '../packets/err-packet.js';
import {
  ERR_HEADER_LENGTH,
  ERR_MESSAGE_MAX_LENGTH,
  FRAME_HEADER_LENGTH,
  MAX_FRAME_PAYLOAD,
  PacketHeader,
  SQL_STATE_MARKER,
} from './protocol-constants.js';
import { wrongSequence } from './wire-errors.js';

/**
 * The sequence id shared by both directions of one command: it restarts at 0 with every
 * command and goes up by one per frame, whoever sends it.
 */
export class SequenceCounter {
  next = 0;

  reset(): void {
    this.next = 0;
  }

  /** Moves past an incoming frame, whose id the caller found to be `next`. */
  advance(): void {
    this.next = (this.next + 1) & 0xff;
  }

  /** The id for an outgoing frame, advancing. */
  take(): number {
    const id = this.next;
    this.next = (id + 1) & 0xff;
    return id;
  }
}

/** A SQLSTATE is five characters out of 0-9 and A-Z. */
function isSqlStateByte(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a);
}

/**
 * Whether a frame of `length` bytes starting with `lead` (undefined: not received yet) can be
 * an ERR packet, so an out-of-order frame is worth gathering before it is judged.
 */
function mayBeErrPacket(length: number, lead: number | undefined): boolean {
  return (
    length >= ERR_HEADER_LENGTH &&
    length <= ERR_HEADER_LENGTH + ERR_MESSAGE_MAX_LENGTH &&
    (lead === undefined || lead === PacketHeader.ERR)
  );
}

/** An ERR packet with an errno, the `#` marker and a SQLSTATE, of a length a server sends. */
function isWellFormedErrPacket(payload: Uint8Array): boolean {
  if (!mayBeErrPacket(payload.length, payload[0]) || payload[3] !== SQL_STATE_MARKER) {
    return false;
  }
  for (let index = 4; index < ERR_HEADER_LENGTH; index += 1) {
    if (!isSqlStateByte(payload[index]!)) return false;
  }
  return true;
}

/**
 * The error for a whole frame whose sequence id is not the next one. A well-formed ERR packet
 * is the server's own error: MariaDB answers a packet longer than its max_allowed_packet with
 * an ERR carrying the id it counted, then closes, and its errno says why while a sequence error
 * would not. Either way the command's place in the exchange is lost, so the caller ends the
 * connection; the sequence error stays as the server error's cause.
 */
function outOfOrderFrame(payload: Uint8Array, expected: number, received: number): S2Error {
  const sequenceError = wrongSequence(expected, received);
  if (!isWellFormedErrPacket(payload)) return sequenceError;
  const packet = parseErrPacket(payload);
  return errorFromServer({
    errno: packet.errno,
    message: packet.message,
    ...(packet.sqlState === undefined ? {} : { sqlState: packet.sqlState }),
    cause: sequenceError,
  });
}

/**
 * Frames one payload for the socket: 3-byte length + sequence id per frame, split at
 * 2^24−1 bytes; a payload whose length is a multiple of that ends with an empty frame.
 */
export function frameOutgoing(payload: Uint8Array, sequence: SequenceCounter): Uint8Array {
  const frameCount = Math.floor(payload.length / MAX_FRAME_PAYLOAD) + 1;
  const framed = new Uint8Array(payload.length + frameCount * FRAME_HEADER_LENGTH);
  let source = 0;
  let target = 0;
  for (let frame = 0; frame < frameCount; frame += 1) {
    const length = Math.min(MAX_FRAME_PAYLOAD, payload.length - source);
    framed[target] = length & 0xff;
    framed[target + 1] = (length >>> 8) & 0xff;
    framed[target + 2] = length >>> 16;
    framed[target + 3] = sequence.take();
    framed.set(payload.subarray(source, source + length), target + FRAME_HEADER_LENGTH);
    source += length;
    target += FRAME_HEADER_LENGTH + length;
  }
  return framed;
}

/**
 * Turns socket chunks into whole packet payloads: reads frame headers across chunk borders,
 * checks each frame's sequence id (throwing `outOfOrderFrame`'s error for one out of order), and
 * joins frames of 2^24−1 bytes with their continuation.
 * A payload that lies inside one chunk is handed out as a view of it, without copying.
 */
export class IncomingPackets {
  private readonly header = new Uint8Array(FRAME_HEADER_LENGTH);
  private headerFilled = 0;
  private frame: Uint8Array | undefined;
  private frameFilled = 0;
  private continued: Uint8Array[] = [];
  /** The id of the frame being gathered when it was out of order (see outOfOrderFrame). */
  private outOfOrderId: number | undefined;

  /**
   * `rowTarget` says where row packets may go as runs right now (see `RowRunTarget`); every
   * packet that is not part of such a run goes to `onPacket`.
   */
  constructor(
    private readonly sequence: SequenceCounter,
    private readonly onPacket: (payload: Uint8Array) => void,
    private readonly rowTarget: () => RowRunTarget | undefined = () => undefined,
  ) {}

  push(received: Uint8Array): void {
    // Views of a plain Uint8Array are much cheaper to make than Buffer views, one per packet.
    const chunk =
      received.constructor === Uint8Array
        ? received
        : new Uint8Array(received.buffer, received.byteOffset, received.byteLength);
    let at = 0;
    const end = chunk.length;
    while (at < end) {
      if (this.frame === undefined && this.headerFilled === 0 && this.continued.length === 0) {
        const target = this.rowTarget();
        if (target !== undefined) {
          at = target.acceptRows(chunk, at, this.sequence);
          if (at === end) return;
        }
      }
      if (this.frame === undefined) {
        if (this.headerFilled === 0 && end - at >= FRAME_HEADER_LENGTH) {
          const length = chunk[at]! | (chunk[at + 1]! << 8) | (chunk[at + 2]! << 16);
          const sequenceId = chunk[at + 3]!;
          if (end - at - FRAME_HEADER_LENGTH >= length) {
            const start = at + FRAME_HEADER_LENGTH;
            if (sequenceId !== this.sequence.next) {
              throw outOfOrderFrame(
                chunk.subarray(start, start + length),
                this.sequence.next,
                sequenceId,
              );
            }
            this.sequence.advance();
            at = start + length;
            this.frameDone(chunk.subarray(start, at));
            continue;
          }
          this.header.set(chunk.subarray(at, at + FRAME_HEADER_LENGTH));
          this.headerFilled = FRAME_HEADER_LENGTH;
          at += FRAME_HEADER_LENGTH;
        } else {
          const take = Math.min(FRAME_HEADER_LENGTH - this.headerFilled, end - at);
          this.header.set(chunk.subarray(at, at + take), this.headerFilled);
          this.headerFilled += take;
          at += take;
          if (this.headerFilled < FRAME_HEADER_LENGTH) return;
        }
        const header = this.header;
        const length = header[0]! | (header[1]! << 8) | (header[2]! << 16);
        const sequenceId = header[3]!;
        if (sequenceId !== this.sequence.next) {
          // Only a frame that may be an ERR is waited for; any other fails at once.
          if (!mayBeErrPacket(length, at < end ? chunk[at] : undefined)) {
            throw wrongSequence(this.sequence.next, sequenceId);
          }
          this.outOfOrderId = sequenceId;
        } else {
          this.sequence.advance();
        }
        this.frame = new Uint8Array(length);
        this.frameFilled = 0;
        this.headerFilled = 0;
      }
      const frame = this.frame;
      const take = Math.min(frame.length - this.frameFilled, end - at);
      frame.set(chunk.subarray(at, at + take), this.frameFilled);
      this.frameFilled += take;
      at += take;
      if (this.frameFilled === frame.length) {
        this.frame = undefined;
        if (this.outOfOrderId !== undefined) {
          throw outOfOrderFrame(frame, this.sequence.next, this.outOfOrderId);
        }
        this.frameDone(frame);
      }
    }
  }

  private frameDone(payload: Uint8Array): void {
    if (payload.length === MAX_FRAME_PAYLOAD) {
      this.continued.push(payload.slice());
      return;
    }
    if (this.continued.length === 0) {
      this.onPacket(payload);
      return;
    }
    const parts = this.continued;
    this.continued = [];
    parts.push(payload);
    const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    this.onPacket(joined);
  }
}
