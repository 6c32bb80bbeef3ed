/** MySQL protocol byte values the harness reads or writes (wire-protocol.md §4, §11). */
export const PACKET_HEADER_LENGTH = 4;
export const MAX_PACKET_PAYLOAD = 0xff_ff_ff;

export const OK_MARKER = 0x00;
export const EOF_MARKER = 0xfe;
export const ERR_MARKER = 0xff;
export const LOCAL_INFILE_MARKER = 0xfb;

export const COM_QUIT = 0x01;
export const COM_INIT_DB = 0x02;
export const COM_QUERY = 0x03;
export const COM_PING = 0x0e;
export const COM_RESET_CONNECTION = 0x1f;

export const SERVER_MORE_RESULTS_EXISTS = 0x0008;

export const CLIENT_LONG_PASSWORD = 0x1;
export const CLIENT_LONG_FLAG = 0x4;
export const CLIENT_CONNECT_WITH_DB = 0x8;
export const CLIENT_COMPRESS = 0x20;
export const CLIENT_LOCAL_FILES = 0x80;
export const CLIENT_PROTOCOL_41 = 0x200;
export const CLIENT_SSL = 0x800;
export const CLIENT_TRANSACTIONS = 0x2000;
export const CLIENT_SECURE_CONNECTION = 0x8000;
export const CLIENT_MULTI_RESULTS = 0x2_0000;
export const CLIENT_PLUGIN_AUTH = 0x8_0000;
export const CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA = 0x20_0000;
export const CLIENT_SESSION_TRACK = 0x80_0000;
export const CLIENT_DEPRECATE_EOF = 0x100_0000;
export const CLIENT_OPTIONAL_RESULTSET_METADATA = 0x200_0000;
export const CLIENT_ZSTD_COMPRESSION = 0x400_0000;
export const CLIENT_QUERY_ATTRIBUTES = 0x800_0000;

/**
 * Capabilities a replayed result must not depend on. Each of them changes the bytes of a result
 * (EOF vs OK terminators, session-state blocks, compression framing, TLS), so the recording proxy
 * hides them from both sides and every client then reads the classic layout the recording holds.
 */
export const CAPABILITIES_HIDDEN_FROM_REPLAY =
  CLIENT_COMPRESS |
  CLIENT_SSL |
  CLIENT_SESSION_TRACK |
  CLIENT_DEPRECATE_EOF |
  CLIENT_OPTIONAL_RESULTSET_METADATA |
  CLIENT_ZSTD_COMPRESSION |
  CLIENT_QUERY_ATTRIBUTES;

export const UTF8MB4_GENERAL_CI = 45;
