import { PacketReader } from '../protocol/packet-reader.js';
import { BINARY_CHARSET, ExtendedType, ExtendedTypeCode } from '../protocol/protocol-constants.js';
import { malformedPacket } from '../protocol/wire-errors.js';

/** A VECTOR column's element type (wire-protocol.md §12.4), by its code. */
export const VECTOR_ELEMENTS = ['f32', 'f64', 'i8', 'i16', 'i32', 'i64', 'f16'] as const;

export type VectorElementName = (typeof VECTOR_ELEMENTS)[number];

/** ColumnDefinition41 with SingleStore's extended bytes (wire-protocol.md §11.6, §12.2). */
export interface ColumnDefinition {
  readonly catalog: string;
  readonly schema: string;
  readonly table: string;
  readonly orgTable: string;
  readonly name: string;
  readonly orgName: string;
  readonly charset: number;
  /** Column length; for a VECTOR the dimension (wire-protocol.md §12.5). */
  readonly length: number;
  /** The MySQL type byte as sent. */
  readonly columnType: number;
  /** The MySQL type, or SingleStore's 1001 / 2001–2007 / 3001–3007 for extended columns. */
  readonly typeCode: number;
  readonly flags: number;
  readonly decimals: number;
  /** VECTOR only. */
  readonly vector?: {
    readonly dims: number;
    readonly element: VectorElementName;
    /** Packed little-endian elements (charset 63) rather than JSON text. */
    readonly binary: boolean;
  };
}

const FIXED_BLOCK_LENGTH = 12;

export function parseColumnDefinition(payload: Uint8Array): ColumnDefinition {
  const reader = new PacketReader(payload, 'column definition');
  const catalog = reader.lengthEncodedString();
  const schema = reader.lengthEncodedString();
  const table = reader.lengthEncodedString();
  const orgTable = reader.lengthEncodedString();
  const name = reader.lengthEncodedString();
  const orgName = reader.lengthEncodedString();
  const blockLength = reader.lengthEncoded();
  if (blockLength < FIXED_BLOCK_LENGTH) {
    throw malformedPacket(`column definition fixed block of ${blockLength} bytes`);
  }
  const blockEnd = reader.offset + blockLength;
  const charset = reader.u16();
  let length = reader.u32();
  const columnType = reader.u8();
  const flags = reader.u16();
  const decimals = reader.u8();
  reader.skip(2);
  let typeCode = columnType;
  let vector: ColumnDefinition['vector'];
  if (blockLength > FIXED_BLOCK_LENGTH) {
    const extended = reader.u8();
    if (extended === ExtendedType.BSON) {
      typeCode = ExtendedTypeCode.BSON;
    } else if (extended === ExtendedType.VECTOR) {
      const dims = reader.u32();
      const elementCode = reader.u8();
      const element = VECTOR_ELEMENTS[elementCode - 1];
      if (element === undefined) {
        throw malformedPacket(`column '${name}' has unknown vector element type ${elementCode}`);
      }
      const binary = charset === BINARY_CHARSET;
      typeCode =
        (binary ? ExtendedTypeCode.VECTOR_BINARY_BASE : ExtendedTypeCode.VECTOR_JSON_BASE) +
        elementCode;
      length = dims;
      vector = { dims, element, binary };
    } else if (extended !== ExtendedType.NONE) {
      throw malformedPacket(`column '${name}' has unknown extended type ${extended}`);
    }
    if (reader.offset > blockEnd) {
      throw malformedPacket(`column '${name}' extended bytes overrun the fixed block`);
    }
  }
  const definition: ColumnDefinition = {
    catalog,
    schema,
    table,
    orgTable,
    name,
    orgName,
    charset,
    length,
    columnType,
    typeCode,
    flags,
    decimals,
  };
  return vector === undefined ? definition : { ...definition, vector };
}
