import { LengthEncoded } from './protocol-constants.js';

const utf8 = new TextEncoder();

/** Builds one packet payload field by field in a growing buffer. */
export class PacketWriter {
  private buffer: Uint8Array;
  private view: DataView;
  private length = 0;

  constructor(initialCapacity = 256) {
    this.buffer = new Uint8Array(initialCapacity);
    this.view = new DataView(this.buffer.buffer);
  }

  /** Makes room for `count` bytes and returns where they start (read `view` only after). */
  private reserve(count: number): number {
    const at = this.length;
    const needed = at + count;
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, this.buffer.length * 2));
      grown.set(this.buffer.subarray(0, at));
      this.buffer = grown;
      this.view = new DataView(grown.buffer);
    }
    this.length = needed;
    return at;
  }

  u8(value: number): this {
    const at = this.reserve(1);
    this.view.setUint8(at, value);
    return this;
  }

  u16(value: number): this {
    const at = this.reserve(2);
    this.view.setUint16(at, value, true);
    return this;
  }

  u24(value: number): this {
    const at = this.reserve(3);
    this.view.setUint16(at, value & 0xffff, true);
    this.view.setUint8(at + 2, value >>> 16);
    return this;
  }

  u32(value: number): this {
    const at = this.reserve(4);
    this.view.setUint32(at, value >>> 0, true);
    return this;
  }

  u64(value: bigint): this {
    const at = this.reserve(8);
    this.view.setBigUint64(at, value, true);
    return this;
  }

  f64(value: number): this {
    const at = this.reserve(8);
    this.view.setFloat64(at, value, true);
    return this;
  }

  zeros(count: number): this {
    this.reserve(count);
    this.buffer.fill(0, this.length - count, this.length);
    return this;
  }

  bytes(value: Uint8Array): this {
    const at = this.reserve(value.length);
    this.buffer.set(value, at);
    return this;
  }

  string(value: string): this {
    return this.bytes(utf8.encode(value));
  }

  nulTerminatedString(value: string): this {
    return this.string(value).u8(0);
  }

  lengthEncoded(value: number): this {
    if (value < LengthEncoded.NULL) return this.u8(value);
    if (value < 0x10000) return this.u8(LengthEncoded.TWO_BYTES).u16(value);
    if (value < 0x1000000) return this.u8(LengthEncoded.THREE_BYTES).u24(value);
    return this.u8(LengthEncoded.EIGHT_BYTES).u64(BigInt(value));
  }

  lengthEncodedBytes(value: Uint8Array): this {
    return this.lengthEncoded(value.length).bytes(value);
  }

  lengthEncodedString(value: string): this {
    return this.lengthEncodedBytes(utf8.encode(value));
  }

  /** Bytes written so far. */
  get written(): number {
    return this.length;
  }

  /** The payload written so far (a view; the writer must not be used afterwards). */
  finish(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}
