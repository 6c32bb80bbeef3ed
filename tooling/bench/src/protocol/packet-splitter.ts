import { PACKET_HEADER_LENGTH } from './packet-constants.js';

/** One protocol packet: its sequence id, its payload, and the frame it arrived in. */
export interface Packet {
  readonly sequenceId: number;
  readonly payload: Buffer;
  /** Header and payload exactly as they were on the wire. */
  readonly frame: Buffer;
}

/**
 * Cuts a TCP byte stream into packets. Chunks arrive at arbitrary boundaries, so the tail of one
 * chunk is kept until the rest of its packet arrives.
 */
export class PacketSplitter {
  private pending: Buffer = Buffer.alloc(0);

  /** Feeds a chunk and returns every packet it completes, in order. */
  push(chunk: Buffer): Packet[] {
    const data = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const packets: Packet[] = [];
    let offset = 0;
    while (data.length - offset >= PACKET_HEADER_LENGTH) {
      const length = data.readUIntLE(offset, 3);
      const end = offset + PACKET_HEADER_LENGTH + length;
      if (end > data.length) break;
      packets.push({
        sequenceId: data[offset + 3] ?? 0,
        payload: data.subarray(offset + PACKET_HEADER_LENGTH, end),
        frame: data.subarray(offset, end),
      });
      offset = end;
    }
    this.pending = data.subarray(offset);
    return packets;
  }
}

/** Frames a payload as one packet with the given sequence id. */
export function framePacket(payload: Buffer, sequenceId: number): Buffer {
  const frame = Buffer.alloc(PACKET_HEADER_LENGTH + payload.length);
  frame.writeUIntLE(payload.length, 0, 3);
  frame[3] = sequenceId & 0xff;
  payload.copy(frame, PACKET_HEADER_LENGTH);
  return frame;
}

/** Returns a copy of a framed packet with another sequence id. */
export function withSequenceId(frame: Buffer, sequenceId: number): Buffer {
  const copy = Buffer.from(frame);
  copy[3] = sequenceId & 0xff;
  return copy;
}
