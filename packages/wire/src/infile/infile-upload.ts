import type { CommandContext } from '../commands/command.js';
import { largestPacketPayload } from '../connection/statement-size.js';
import type { InfileChunk } from './infile-source.js';

/** How an upload cuts its packets and how far it may write ahead of the socket. */
export interface InfileUploadLimits {
  /** Bytes of one gathering buffer, so the most a gathered packet holds (at least 4). */
  readonly gatherBytes: number;
  /**
   * At the end of a chunk, once this many bytes were gathered since the last end-of-chunk send
   * (counting any a full buffer sent meanwhile), the rest gathered goes out without waiting for
   * more: where the buffer happens to end must not hold back data that would otherwise go.
   */
  readonly eagerPacketBytes: number;
  /** A byte chunk at least this long goes out by reference, as packets of its own. */
  readonly largeChunkBytes: number;
  /** Bytes of a packet cut from a large chunk; must stay below 2^24−1 (one frame per packet). */
  readonly largePacketBytes: number;
  /** Bytes the socket may hold unwritten before reading from the source waits for its drain. */
  readonly writeAheadBytes: number;
}

export const INFILE_UPLOAD_LIMITS: InfileUploadLimits = {
  gatherBytes: 1 << 20,
  // Data the server could already be loading should not wait for the source's next chunk;
  // smaller packets would only add writes (the server's cost does not depend on their size).
  eagerPacketBytes: 256 << 10,
  // Copying is cheap next to loading; only chunks this large are worth a wait for the drain.
  largeChunkBytes: 4 << 20,
  // Below 2^24−1, so a data packet never needs a continuation frame.
  largePacketBytes: 1 << 23,
  // Deep enough that the socket keeps the server fed while this thread is descheduled or
  // busy producing the next chunk, small enough that memory stays bounded.
  writeAheadBytes: 8 << 20,
};

/**
 * The limits of an upload on a connection with `maxAllowedPacket`: a server refuses a packet
 * that does not fit its max_allowed_packet and drops the connection, so packets, gathered or
 * cut from a large chunk, stay within it. Which chunks go by reference and how far the upload
 * writes ahead stay as they are.
 */
export function infileUploadLimits(maxAllowedPacket: number | undefined): InfileUploadLimits {
  if (maxAllowedPacket === undefined) return INFILE_UPLOAD_LIMITS;
  const largest = largestPacketPayload(maxAllowedPacket);
  const gatherBytes = Math.min(INFILE_UPLOAD_LIMITS.gatherBytes, largest);
  return {
    ...INFILE_UPLOAD_LIMITS,
    gatherBytes,
    eagerPacketBytes: Math.min(INFILE_UPLOAD_LIMITS.eagerPacketBytes, gatherBytes),
    largePacketBytes: Math.min(INFILE_UPLOAD_LIMITS.largePacketBytes, largest),
  };
}

const utf8 = new TextEncoder();
const NO_BUFFER = new Uint8Array(0);

/**
 * Sends LOCAL INFILE data in large packets. Chunks are copied (text encoded) into gathering
 * buffers whose packets the socket owns, so they are written ahead of the socket up to
 * `writeAheadBytes` while the source goes on; only then does reading the source wait for the
 * drain, so a slow server still pauses it. A chunk of `largeChunkBytes` or more is framed as
 * it is, and the source is read again only once the socket has drained, since a source may
 * refill a chunk it yielded once the consumer asks for the next one.
 */
export class InfileUpload {
  /** Empty until a chunk needs gathering: a small upload allocates no more than it uses. */
  private gathered: Uint8Array = NO_BUFFER;
  /** Where the packet being gathered starts; bytes before it belong to the socket. */
  private packetStart = 0;
  private filled = 0;
  /** Bytes written since the socket last reported an empty buffer: at least what it holds. */
  private unconfirmed = 0;
  /** Bytes gathered since a chunk's end last sent the gathering, full buffers' sends included. */
  private gatheredSinceEagerSend = 0;

  constructor(
    private readonly context: CommandContext,
    private readonly limits: InfileUploadLimits = INFILE_UPLOAD_LIMITS,
  ) {}

  /** Sends every chunk of `chunks`, then whatever is still gathered. */
  async sendAll(chunks: AsyncIterable<InfileChunk> | Iterable<InfileChunk>): Promise<void> {
    for await (const chunk of chunks) {
      if (typeof chunk === 'string') {
        this.gatherText(chunk);
      } else if (chunk.length >= this.limits.largeChunkBytes) {
        this.sendLarge(chunk);
        await this.drained();
        continue;
      } else {
        this.gatherBytes(chunk);
      }
      if (this.gatheredSinceEagerSend >= this.limits.eagerPacketBytes) {
        this.sendGathered();
        this.gatheredSinceEagerSend = 0;
      }
      if (this.unconfirmed >= this.limits.writeAheadBytes) await this.drained();
    }
    this.sendGathered();
  }

  private gatherBytes(chunk: Uint8Array): void {
    for (let start = 0; start < chunk.length; ) {
      if (this.gathered === NO_BUFFER) this.gathered = newBuffer(this.limits.gatherBytes);
      const piece = chunk.subarray(start, start + this.gathered.length - this.filled);
      this.gathered.set(piece, this.filled);
      this.filled += piece.length;
      this.gatheredSinceEagerSend += piece.length;
      start += piece.length;
      if (this.filled === this.gathered.length) this.sendGathered();
    }
  }

  /**
   * Encodes straight into the gathering buffer, up to its last byte; encodeInto never splits
   * a character, so the rest of the text starts at a character boundary.
   */
  private gatherText(text: string): void {
    let rest = text;
    for (;;) {
      if (this.gathered === NO_BUFFER) this.gathered = newBuffer(this.limits.gatherBytes);
      const { read, written } = utf8.encodeInto(rest, this.gathered.subarray(this.filled));
      this.filled += written;
      this.gatheredSinceEagerSend += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      // The next character does not fit in what is left of this buffer.
      this.sendGathered(true);
    }
  }

  private sendLarge(chunk: Uint8Array): void {
    this.sendGathered();
    this.gatheredSinceEagerSend = 0;
    const packetBytes = this.limits.largePacketBytes;
    for (let start = 0; start < chunk.length; start += packetBytes) {
      this.context.sendUncopied(chunk.subarray(start, start + packetBytes));
    }
    this.unconfirmed += chunk.length;
  }

  /**
   * Sends the packet gathered so far. A full (or retired) buffer is left to the socket and the
   * next packet starts a new one; otherwise it goes on after this packet in the same buffer.
   */
  private sendGathered(retireBuffer = false): void {
    const length = this.filled - this.packetStart;
    if (length > 0) {
      this.context.sendUncopied(this.gathered.subarray(this.packetStart, this.filled));
      this.unconfirmed += length;
      this.packetStart = this.filled;
    }
    if (retireBuffer || this.filled === this.gathered.length) {
      this.gathered = NO_BUFFER;
      this.packetStart = 0;
      this.filled = 0;
    }
  }

  private async drained(): Promise<void> {
    await this.context.drained();
    this.unconfirmed = 0;
  }
}

/** Uninitialised: only the bytes written into it are ever sent. */
function newBuffer(length: number): Uint8Array {
  return Buffer.allocUnsafeSlow(length);
}
