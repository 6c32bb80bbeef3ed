import { EOF_MARKER, ERR_MARKER, MAX_PACKET_PAYLOAD, OK_MARKER } from './packet-constants.js';

type Phase = 'first' | 'columns' | 'rows' | 'done';

/**
 * Walks a query response as it arrives and does nothing else: it reads each packet's 4-byte
 * header and first payload byte to find where the result ends, counts the row packets, and skips
 * every other byte unseen. That is the least any client must do, so its time is the floor for the
 * transport. Only the classic layout (EOF packets) is followed, single result sets only.
 */
export class ResultDrain {
  private phase: Phase = 'first';
  /** Payload bytes of the current packet still to skip. */
  private skip = 0;
  /** Header bytes (and first payload byte) that straddled a chunk boundary. */
  private readonly carry = Buffer.alloc(5);
  private carried = 0;
  private continuing = false;
  private errorParts: Buffer[] | undefined;
  rows = 0;
  /** The server's ERR payload (without its marker byte) when the query failed. */
  error: string | undefined;

  get done(): boolean {
    return this.phase === 'done' && this.skip === 0;
  }

  /** Feeds a chunk; returns the index just past the response's last byte, or -1 if not there yet. */
  feed(chunk: Buffer): number {
    let offset = 0;
    const end = chunk.length;
    while (offset < end) {
      if (this.skip > 0) {
        const step = Math.min(this.skip, end - offset);
        this.errorParts?.push(chunk.subarray(offset, offset + step));
        offset += step;
        this.skip -= step;
        if (this.skip === 0 && this.finishError()) return offset;
        continue;
      }
      if (this.phase === 'done') return offset;
      if (this.carried === 0 && end - offset >= 5) {
        const length = chunk[offset]! | (chunk[offset + 1]! << 8) | (chunk[offset + 2]! << 16);
        this.packet(length, chunk[offset + 4]!);
        offset += 4;
        this.skip = length;
      } else {
        this.carry[this.carried] = chunk[offset]!;
        this.carried += 1;
        offset += 1;
        const length = this.carried >= 3 ? this.carry.readUIntLE(0, 3) : -1;
        if (length === 0 && this.carried === 4) {
          this.packet(0, -1);
          this.carried = 0;
        } else if (this.carried === 5) {
          this.packet(length, this.carry[4]!);
          this.carried = 0;
          this.skip = length - 1;
          this.errorParts?.push(this.carry.subarray(4, 5));
        }
      }
      if (this.done && this.finishError()) return offset;
    }
    return this.done ? offset : -1;
  }

  private packet(length: number, marker: number): void {
    const continuation = this.continuing;
    this.continuing = length === MAX_PACKET_PAYLOAD;
    if (continuation) return;
    switch (this.phase) {
      case 'first':
        if (marker === OK_MARKER) this.phase = 'done';
        else if (marker === ERR_MARKER) this.startError();
        else this.phase = 'columns';
        return;
      case 'columns':
        if (marker === EOF_MARKER && length < 9) this.phase = 'rows';
        return;
      case 'rows':
        if (marker === EOF_MARKER && length < 9) this.phase = 'done';
        else if (marker === ERR_MARKER) this.startError();
        else this.rows += 1;
        return;
      case 'done':
        return;
    }
  }

  private startError(): void {
    this.phase = 'done';
    this.errorParts = [];
  }

  /** Turns the collected ERR payload into a message; true once the response is complete. */
  private finishError(): boolean {
    if (this.errorParts) {
      // Bytes after the marker: errno (2), '#' and SQLSTATE (6), then the message.
      this.error = Buffer.concat(this.errorParts).toString('utf8').slice(9);
      this.errorParts = undefined;
    }
    return this.phase === 'done';
  }
}
