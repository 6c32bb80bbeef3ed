import type { ColumnDefinition } from '../packets/column-definition.js';
import { PacketReader } from '../protocol/packet-reader.js';
import {
  BinaryProtocol,
  ColumnType,
  LengthEncoded,
  UNSIGNED_FLAG,
} from '../protocol/protocol-constants.js';
import { malformedPacket } from '../protocol/wire-errors.js';
import { dateText, doubleText, floatText, timeText } from './binary-value-text.js';

/**
 * The text-protocol text of a binary value that is not length-encoded (numbers, temporal
 * values), read from `reader`; undefined, with nothing read, for a length-encoded value.
 */
function valueText(reader: PacketReader, column: ColumnDefinition): string | undefined {
  const unsigned = (column.flags & UNSIGNED_FLAG) !== 0;
  switch (column.columnType) {
    case ColumnType.TINY: {
      const value = reader.u8();
      return String(unsigned ? value : (value << 24) >> 24);
    }
    case ColumnType.SHORT: {
      const value = reader.u16();
      return String(unsigned ? value : (value << 16) >> 16);
    }
    case ColumnType.YEAR:
      return String(reader.u16());
    case ColumnType.INT24:
    case ColumnType.LONG: {
      const value = reader.u32();
      return String(unsigned ? value : value | 0);
    }
    case ColumnType.LONGLONG: {
      const value = reader.u64();
      return String(unsigned ? value : BigInt.asIntN(64, value));
    }
    case ColumnType.FLOAT:
      return floatText(reader.f32(), column.decimals);
    case ColumnType.DOUBLE:
      return doubleText(reader.f64(), column.decimals);
    case ColumnType.DATE:
    case ColumnType.NEWDATE:
      return dateText(reader, false, column.decimals);
    case ColumnType.DATETIME:
    case ColumnType.TIMESTAMP:
      return dateText(reader, true, column.decimals);
    case ColumnType.TIME:
      return timeText(reader, column.decimals);
    default:
      return undefined;
  }
}

/**
 * Rewrites binary result rows (COM_STMT_EXECUTE) as the text rows the server sends for the
 * same columns after COM_QUERY: numbers and temporal values become the server's text, while
 * length-encoded values (DECIMAL, strings, BLOBs, JSON, BIT, ENUM, SET, vectors, BSON) are
 * copied unchanged. The rows then go through the same RowBatcher and accel-wasm decoder as
 * text rows, so both protocols give identical ColumnBatches without a second decoder that
 * must agree with the first on every type and option.
 */
export class BinaryRowTranscoder {
  /** Bytes of the NULL bitmap: one bit per column, after two unused bits. */
  private readonly bitmapLength: number;
  /** Bits of the bitmap's last byte past the last column, which servers leave 0. */
  private readonly paddingMask: number;
  private buffer = new Uint8Array(256);
  private used = 0;
  private bounds = new Uint32Array(64);

  constructor(private readonly columns: readonly ColumnDefinition[]) {
    const bits = columns.length + BinaryProtocol.ROW_NULL_BITMAP_OFFSET;
    this.bitmapLength = (bits + 7) >> 3;
    this.paddingMask = (0xff << (bits - 8 * (this.bitmapLength - 1))) & 0xff;
  }

  /** One binary row payload as a text row payload (a new array). */
  row(payload: Uint8Array): Uint8Array {
    this.used = 0;
    this.write(payload);
    return this.buffer.slice(0, this.used);
  }

  /**
   * The `count` binary rows of a run (payloads at `start` + the (start, end) pairs of
   * `bounds`, as `RowRunTarget` has them) as text rows laid end to end: new bytes, and bounds
   * valid until the next call.
   */
  run(
    chunk: Uint8Array,
    start: number,
    bounds: Uint32Array,
    count: number,
  ): { bytes: Uint8Array; bounds: Uint32Array } {
    if (2 * count > this.bounds.length) this.bounds = new Uint32Array(2 * count);
    this.used = 0;
    for (let index = 0; index < count; index += 1) {
      const from = start + (bounds[2 * index] as number);
      const to = start + (bounds[2 * index + 1] as number);
      this.bounds[2 * index] = this.used;
      this.write(chunk.subarray(from, to));
      this.bounds[2 * index + 1] = this.used;
    }
    return { bytes: this.buffer.slice(0, this.used), bounds: this.bounds.subarray(0, 2 * count) };
  }

  private write(payload: Uint8Array): void {
    const reader = new PacketReader(payload, 'binary row');
    const header = reader.u8();
    if (header !== BinaryProtocol.ROW_HEADER) {
      throw malformedPacket(`binary row starts with 0x${header.toString(16)}`);
    }
    const bitmap = reader.bytes(this.bitmapLength);
    if (((bitmap[this.bitmapLength - 1] as number) & this.paddingMask) !== 0) {
      throw malformedPacket('binary row has NULL bits past its last column');
    }
    const columns = this.columns;
    for (let index = 0; index < columns.length; index += 1) {
      const bit = index + BinaryProtocol.ROW_NULL_BITMAP_OFFSET;
      if (((bitmap[bit >> 3] as number) & (1 << (bit & 7))) !== 0) {
        this.reserve(1);
        this.buffer[this.used++] = LengthEncoded.NULL;
      } else {
        this.value(reader, columns[index] as ColumnDefinition);
      }
    }
    if (reader.remaining > 0) {
      throw malformedPacket(`binary row has ${reader.remaining} bytes after its last value`);
    }
  }

  /** Writes one value as a text-protocol cell: its text (or its bytes), length-encoded. */
  private value(reader: PacketReader, column: ColumnDefinition): void {
    const text = valueText(reader, column);
    if (text !== undefined) {
      this.ascii(text);
      return;
    }
    // Everything else is length-encoded in both protocols: copy it with its length.
    const from = reader.offset;
    reader.lengthEncodedBytes();
    this.copy(reader.payload.subarray(from, reader.offset));
  }

  private reserve(bytes: number): void {
    const end = this.used + bytes;
    if (end <= this.buffer.length) return;
    const grown = new Uint8Array(Math.max(end, this.buffer.length * 2));
    grown.set(this.buffer.subarray(0, this.used));
    this.buffer = grown;
  }

  /** Writes ASCII text (always under 251 characters here) with its one-byte length. */
  private ascii(text: string): void {
    this.reserve(text.length + 1);
    const buffer = this.buffer;
    let at = this.used;
    buffer[at++] = text.length;
    for (let index = 0; index < text.length; index += 1) buffer[at++] = text.charCodeAt(index);
    this.used = at;
  }

  private copy(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }
}
