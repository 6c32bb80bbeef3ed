import { TypeCode } from '@s2/core-cursor';
/**
 * Every byte value of the MySQL client/server protocol this package uses, in one table
 * (spec/wire-protocol.md §3–§17). Names follow the protocol documentation.
 */

/** Capability flags (wire-protocol.md §4). */
export const Capability = {
  LONG_PASSWORD: 0x1,
  FOUND_ROWS: 0x2,
  LONG_FLAG: 0x4,
  CONNECT_WITH_DB: 0x8,
  LOCAL_FILES: 0x80,
  PROTOCOL_41: 0x200,
  SSL: 0x800,
  TRANSACTIONS: 0x2000,
  SECURE_CONNECTION: 0x8000,
  MULTI_STATEMENTS: 0x10000,
  MULTI_RESULTS: 0x20000,
  PLUGIN_AUTH: 0x80000,
  CONNECT_ATTRS: 0x100000,
  PLUGIN_AUTH_LENENC_CLIENT_DATA: 0x200000,
  DEPRECATE_EOF: 0x1000000,
} as const;

/** Server status bits of OK and EOF packets (wire-protocol.md §11.4). */
export const ServerStatus = {
  IN_TRANS: 0x1,
  AUTOCOMMIT: 0x2,
  MORE_RESULTS_EXISTS: 0x8,
  NO_BACKSLASH_ESCAPES: 0x200,
} as const;

/** Command bytes. */
export const CommandByte = {
  QUIT: 0x01,
  INIT_DB: 0x02,
  QUERY: 0x03,
  PING: 0x0e,
  STMT_PREPARE: 0x16,
  STMT_EXECUTE: 0x17,
  STMT_SEND_LONG_DATA: 0x18,
  STMT_CLOSE: 0x19,
  STMT_RESET: 0x1a,
  RESET_CONNECTION: 0x1f,
} as const;

/** First bytes that identify a response packet (wire-protocol.md §11.3). */
export const PacketHeader = {
  OK: 0x00,
  AUTH_MORE_DATA: 0x01,
  LOCAL_INFILE: 0xfb,
  EOF: 0xfe,
  AUTH_SWITCH: 0xfe,
  ERR: 0xff,
} as const;

/**
 * MySQL type bytes of column definitions and of prepared-statement parameters: core-cursor's
 * table, which also holds the SDK's codes for SingleStore's extended types.
 */
export const ColumnType = TypeCode;

/** The UNSIGNED bit of a column definition's flags. */
export const UNSIGNED_FLAG = 0x20;

/** A decimals byte of 31 (NOT_FIXED_DEC): the column has no fixed number of fraction digits. */
export const NOT_FIXED_DECIMALS = 31;

/** Bytes of the binary protocol: COM_STMT_EXECUTE and binary result rows. */
export const BinaryProtocol = {
  /** COM_STMT_EXECUTE flags: no server-side cursor. */
  CURSOR_TYPE_NO_CURSOR: 0x00,
  /** COM_STMT_EXECUTE's iteration count, always 1. */
  ITERATION_COUNT: 1,
  /** COM_STMT_EXECUTE: parameter types follow the NULL bitmap. */
  NEW_PARAMS_BOUND: 1,
  /** Set in a parameter type's second byte for an unsigned integer. */
  PARAM_UNSIGNED: 0x80,
  /** The first byte of a binary result row. */
  ROW_HEADER: 0x00,
  /** Bits before the first column's bit in a binary row's NULL bitmap. */
  ROW_NULL_BITMAP_OFFSET: 2,
} as const;

/** Length-encoded integer prefixes. */
export const LengthEncoded = {
  NULL: 0xfb,
  TWO_BYTES: 0xfc,
  THREE_BYTES: 0xfd,
  EIGHT_BYTES: 0xfe,
} as const;

/** The largest payload one frame carries; a payload this long continues in the next frame. */
export const MAX_FRAME_PAYLOAD = 0xffffff;

/** Bytes of the frame header: 3-byte length + sequence id. */
export const FRAME_HEADER_LENGTH = 4;

/** An EOF packet is 0xFE with a payload shorter than this (a row can also start with 0xFE). */
export const EOF_MAX_LENGTH = 9;

/** The byte before an ERR packet's SQLSTATE (wire-protocol.md §11.5). */
export const SQL_STATE_MARKER = 0x23;

/** Bytes of an ERR packet before its message: 0xFF, the errno, the marker and the SQLSTATE. */
export const ERR_HEADER_LENGTH = 9;

/** MYSQL_ERRMSG_SIZE: servers cut an error message to this many bytes. */
export const ERR_MESSAGE_MAX_LENGTH = 512;

/** utf8mb4_general_ci: the collation sent in the handshake response (wire-protocol.md §5). */
export const UTF8MB4_GENERAL_CI = 45;

/** The binary pseudo-charset: a column with it holds bytes, not text. */
export const BINARY_CHARSET = 63;

/** Status bytes of caching_sha2_password's AuthMoreData (wire-protocol.md §8.3). */
export const CachingSha2Status = {
  REQUEST_PUBLIC_KEY: 0x02,
  FAST_AUTH_SUCCESS: 0x03,
  PERFORM_FULL_AUTHENTICATION: 0x04,
} as const;

/** SingleStore's extended type byte in column definitions (wire-protocol.md §12.3). */
export const ExtendedType = {
  NONE: 0,
  BSON: 1,
  VECTOR: 2,
} as const;

/** SingleStore's type codes for extended columns (wire-protocol.md §12.3–§12.4). */
export const ExtendedTypeCode = {
  BSON: 1001,
  VECTOR_JSON_BASE: 2000,
  VECTOR_BINARY_BASE: 3000,
} as const;

/** Client-side error numbers (CR_* of libmysqlclient) this package raises. */
export const ClientErrno = {
  CONNECTION_ERROR: 2002,
  CONN_HOST_ERROR: 2003,
  SERVER_GONE_ERROR: 2006,
  SERVER_LOST: 2013,
  NET_PACKET_TOO_LARGE: 2020,
  COMMANDS_OUT_OF_SYNC: 2014,
  SSL_CONNECTION_ERROR: 2026,
  MALFORMED_PACKET: 2027,
  AUTH_PLUGIN_CANNOT_LOAD: 2059,
  CONNECTION_CLOSED: 2048,
  QUERY_INTERRUPTED: 1317,
  LOCAL_INFILE_REFUSED: 2068,
  FILE_NOT_FOUND: 1017,
} as const;
