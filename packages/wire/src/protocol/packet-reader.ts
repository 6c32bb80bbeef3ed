import { LengthEncoded } from './protocol-constants.js';
import { malformedPacket } from './wire-errors.js';

const utf8 = new TextDecoder('utf-8');

/**
 * Reads protocol fields from one packet payload, advancing a cursor. Every read checks the
 * bounds, so a truncated or garbled packet becomes a typed `Malformed packet` error naming
 * `what` the reader was parsing.
 */
export class PacketReader {
  offset: number;
  /**
   * Made on the first 64-bit or float read only: most packets (EOF, OK, a column count) need
   * none, and a DataView costs more than reading their few bytes one by one.
   */
  private dataView: DataView | undefined;

  constructor(
    readonly payload: Uint8Array,
    readonly what = 'packet',
    offset = 0,
  ) {
    this.offset = offset;
  }

  private get view(): DataView {
    this.dataView ??= new DataView(
      this.payload.buffer,
      this.payload.byteOffset,
      this.payload.byteLength,
    );
    return this.dataView;
  }

  /** Bytes left after the cursor. */
  get remaining(): number {
    return this.payload.length - this.offset;
  }

  private need(count: number): number {
    const start = this.offset;
    if (count < 0 || start + count > this.payload.length) {
      throw malformedPacket(`${this.what} ends early (needed ${count} bytes at ${start})`);
    }
    this.offset = start + count;
    return start;
  }

  /** The byte at the cursor, without advancing; undefined at the end. */
  peek(): number | undefined {
    return this.payload[this.offset];
  }

  u8(): number {
    return this.payload[this.need(1)]!;
  }

  u16(): number {
    const at = this.need(2);
    const bytes = this.payload;
    return bytes[at]! | (bytes[at + 1]! << 8);
  }

  u24(): number {
    const at = this.need(3);
    const bytes = this.payload;
    return bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16);
  }

  u32(): number {
    const at = this.need(4);
    const bytes = this.payload;
    return (
      (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0
    );
  }

  u64(): bigint {
    return this.view.getBigUint64(this.need(8), true);
  }

  f32(): number {
    return this.view.getFloat32(this.need(4), true);
  }

  f64(): number {
    return this.view.getFloat64(this.need(8), true);
  }

  skip(count: number): void {
    this.need(count);
  }

  /** A length-encoded integer, or null for the NULL marker 0xFB. */
  lengthEncodedOrNull(): number | null {
    const first = this.u8();
    if (first < LengthEncoded.NULL) return first;
    switch (first) {
      case LengthEncoded.NULL:
        return null;
      case LengthEncoded.TWO_BYTES:
        return this.u16();
      case LengthEncoded.THREE_BYTES:
        return this.u24();
      case LengthEncoded.EIGHT_BYTES: {
        const value = this.u64();
        if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
          throw malformedPacket(`${this.what} has a length-encoded integer above 2^53`);
        }
        return Number(value);
      }
      default:
        throw malformedPacket(
          `${this.what} has an invalid length-encoded integer 0x${first.toString(16)}`,
        );
    }
  }

  /** A length-encoded integer where NULL is not allowed. */
  lengthEncoded(): number {
    const value = this.lengthEncodedOrNull();
    if (value === null) throw malformedPacket(`${this.what} has NULL where a length was expected`);
    return value;
  }

  /** A length-encoded integer that may exceed 2^53 (affected rows, insert ids). */
  lengthEncodedBig(): bigint {
    if (this.peek() === LengthEncoded.EIGHT_BYTES) {
      this.skip(1);
      return this.u64();
    }
    return BigInt(this.lengthEncoded());
  }

  /** `count` bytes as a view into the payload (no copy). */
  bytes(count: number): Uint8Array {
    const at = this.need(count);
    return this.payload.subarray(at, at + count);
  }

  lengthEncodedBytes(): Uint8Array {
    return this.bytes(this.lengthEncoded());
  }

  lengthEncodedString(): string {
    return utf8.decode(this.lengthEncodedBytes());
  }

  fixedString(count: number): string {
    return utf8.decode(this.bytes(count));
  }

  /** Bytes up to a NUL, which is consumed; a missing NUL takes the rest when `lenient`. */
  nulTerminatedBytes(lenient = false): Uint8Array {
    const end = this.payload.indexOf(0, this.offset);
    if (end < 0) {
      if (lenient) return this.restBytes();
      throw malformedPacket(`${this.what} misses a NUL terminator`);
    }
    const value = this.payload.subarray(this.offset, end);
    this.offset = end + 1;
    return value;
  }

  nulTerminatedString(lenient = false): string {
    return utf8.decode(this.nulTerminatedBytes(lenient));
  }

  restBytes(): Uint8Array {
    return this.bytes(this.remaining);
  }

  restString(): string {
    return utf8.decode(this.restBytes());
  }
}
