import type { CommandContext } from '../commands/command.js';
import type { InfileChunk } from './infile-source.js';

/** Bytes of a packet gathered from small chunks. */
const GATHER_BYTES = 1 << 20;
/** A chunk at least this long goes out as its own packets, by reference, without a copy. */
const LARGE_CHUNK_BYTES = 64 << 10;
/**
 * Bytes of a packet cut from a large chunk: kept below 2^24−1, so a data packet never needs
 * a continuation frame.
 */
const LARGE_PACKET_BYTES = 1 << 23;
/** Bytes UTF-8 needs at most per UTF-16 code unit. */
const UTF8_BYTES_PER_UNIT = 3;

const utf8 = new TextEncoder();

/**
 * Sends LOCAL INFILE data as few large packets as the chunks allow: small chunks (and text,
 * encoded in place) are gathered into packets of 1 MiB; large byte chunks are framed and
 * written as they are. The upload waits only when the socket asks for it (its drain).
 */
export class InfileUpload {
  private gathered = new Uint8Array(GATHER_BYTES);
  private filled = 0;
  /** Set by every write; gathering alone never waits for the socket. */
  private wrote = false;

  constructor(private readonly context: CommandContext) {}

  /** Sends every chunk of `chunks`, then whatever is still gathered. */
  async sendAll(chunks: AsyncIterable<InfileChunk> | Iterable<InfileChunk>): Promise<void> {
    for await (const chunk of chunks) {
      if (typeof chunk === 'string') this.gatherText(chunk);
      else if (chunk.length >= LARGE_CHUNK_BYTES) this.sendLarge(chunk);
      else this.gatherBytes(chunk);
      if (this.wrote) {
        this.wrote = false;
        await this.context.drained();
      }
    }
    this.flush();
  }

  private gatherBytes(chunk: Uint8Array): void {
    for (let start = 0; start < chunk.length; ) {
      const piece = chunk.subarray(start, start + GATHER_BYTES - this.filled);
      this.gathered.set(piece, this.filled);
      this.filled += piece.length;
      start += piece.length;
      if (this.filled === GATHER_BYTES) this.flush();
    }
  }

  private gatherText(text: string): void {
    if (text.length * UTF8_BYTES_PER_UNIT > GATHER_BYTES) {
      const bytes = utf8.encode(text);
      if (bytes.length >= LARGE_CHUNK_BYTES) this.sendLarge(bytes);
      else this.gatherBytes(bytes);
      return;
    }
    if (text.length * UTF8_BYTES_PER_UNIT > GATHER_BYTES - this.filled) this.flush();
    this.filled += utf8.encodeInto(text, this.gathered.subarray(this.filled)).written;
  }

  private sendLarge(chunk: Uint8Array): void {
    this.flush();
    for (let start = 0; start < chunk.length; start += LARGE_PACKET_BYTES) {
      this.context.sendUncopied(chunk.subarray(start, start + LARGE_PACKET_BYTES));
    }
    this.wrote = true;
  }

  /** Sends the gathered bytes as one packet; the socket keeps that buffer, so a new one starts. */
  private flush(): void {
    if (this.filled === 0) return;
    this.context.sendUncopied(this.gathered.subarray(0, this.filled));
    this.wrote = true;
    this.gathered = new Uint8Array(GATHER_BYTES);
    this.filled = 0;
  }
}
