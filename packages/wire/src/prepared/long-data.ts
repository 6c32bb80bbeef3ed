import { OperationalError } from '@s2/core-cursor';
import { largestPacketPayload } from '../connection/statement-size.js';
import { stmtExecuteLength } from '../packets/stmt-execute.js';
import { STMT_SEND_LONG_DATA_HEADER } from '../packets/stmt-send-long-data.js';
import { ClientErrno, ColumnType, LengthEncoded } from '../protocol/protocol-constants.js';
import type { BoundParams } from './binary-params.js';

/** A piece of one parameter's value, sent with COM_STMT_SEND_LONG_DATA before the execute. */
export interface LongDataChunk {
  /** 0-based. */
  readonly parameter: number;
  readonly data: Uint8Array;
}

/** The parameters of one execute: those its packet carries, and the rest as long data. */
export interface ExecuteParams {
  readonly inline: BoundParams;
  readonly longData: readonly LongDataChunk[];
}

const NO_LONG_DATA: readonly LongDataChunk[] = Object.freeze([]);

/** Types whose value is length-encoded bytes, which is what long data can carry. */
const LONG_DATA_TYPES: ReadonlySet<number> = new Set([
  ColumnType.VAR_STRING,
  ColumnType.BLOB,
  ColumnType.NEWDECIMAL,
]);

function lengthPrefixSize(first: number): number {
  if (first === LengthEncoded.TWO_BYTES) return 3;
  if (first === LengthEncoded.THREE_BYTES) return 4;
  if (first === LengthEncoded.EIGHT_BYTES) return 9;
  return 1;
}

function tooLarge(what: string, maxAllowedPacket: number): OperationalError {
  return new OperationalError(
    `${what} does not fit maxAllowedPacket (${maxAllowedPacket} bytes); not sent. Raise ` +
      "maxAllowedPacket (up to the server's max_allowed_packet) or send the data with LOAD DATA " +
      'LOCAL INFILE',
    { errno: ClientErrno.NET_PACKET_TOO_LARGE },
  );
}

/** `params` without the parameters in `moved`, whose bytes leave `values`. */
function withoutValues(params: BoundParams, moved: ReadonlySet<number>): BoundParams {
  const { count, offsets } = params;
  const kept = new Uint8Array(params.values.length);
  const keptOffsets = new Uint32Array(count + 1);
  let length = 0;
  for (let index = 0; index < count; index += 1) {
    keptOffsets[index] = length;
    if (moved.has(index)) continue;
    const value = params.values.subarray(offsets[index], offsets[index + 1]);
    kept.set(value, length);
    length += value.length;
  }
  keptOffsets[count] = length;
  return { ...params, values: kept.subarray(0, length), offsets: keptOffsets };
}

/**
 * Splits parameters so that no packet reaches `maxAllowedPacket`: when the COM_STMT_EXECUTE
 * packet would, the largest string, byte and DECIMAL values leave it, largest first, until it
 * fits, each to be sent as COM_STMT_SEND_LONG_DATA chunks shorter than the limit. The server
 * takes a statement whose parameters add up to more than its max_allowed_packet this way; a
 * single value it still limits to max_allowed_packet bytes (MariaDB and MySQL answer 1105), so
 * a longer one is refused here, as is a packet that cannot be made to fit: OperationalError
 * 2020 before anything is sent. Without `maxAllowedPacket` every value stays in the packet.
 */
export function splitLongData(
  params: BoundParams,
  maxAllowedPacket: number | undefined,
): ExecuteParams {
  if (maxAllowedPacket === undefined) return { inline: params, longData: NO_LONG_DATA };
  const largest = largestPacketPayload(maxAllowedPacket);
  let length = stmtExecuteLength(params);
  if (length <= largest) return { inline: params, longData: NO_LONG_DATA };
  const { count, offsets, types, values } = params;
  const candidates: number[] = [];
  for (let index = 0; index < count; index += 1) {
    if (offsets[index + 1]! > offsets[index]! && LONG_DATA_TYPES.has(types[2 * index]!)) {
      candidates.push(index);
    }
  }
  const size = (index: number): number => offsets[index + 1]! - offsets[index]!;
  candidates.sort((left, right) => size(right) - size(left));
  const moved = new Set<number>();
  const chunkLength = largest - STMT_SEND_LONG_DATA_HEADER;
  const longData: LongDataChunk[] = [];
  for (const parameter of candidates) {
    if (length <= largest) break;
    const start = offsets[parameter]!;
    const data = values.subarray(start + lengthPrefixSize(values[start]!), offsets[parameter + 1]);
    // An empty value has no chunk to send, and stays in the packet.
    if (data.length === 0) continue;
    if (data.length > maxAllowedPacket) {
      throw tooLarge(`Parameter ${parameter + 1} of ${data.length} bytes`, maxAllowedPacket);
    }
    moved.add(parameter);
    length -= size(parameter);
    for (let at = 0; at < data.length; at += chunkLength) {
      longData.push({ parameter, data: data.subarray(at, at + chunkLength) });
    }
  }
  if (length > largest) {
    throw tooLarge(`COM_STMT_EXECUTE of ${length} bytes (without long data)`, maxAllowedPacket);
  }
  return { inline: withoutValues(params, moved), longData };
}
