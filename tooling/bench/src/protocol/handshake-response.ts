import { createHash } from 'node:crypto';
import {
  CLIENT_CONNECT_WITH_DB,
  CLIENT_LOCAL_FILES,
  CLIENT_LONG_FLAG,
  CLIENT_LONG_PASSWORD,
  CLIENT_MULTI_RESULTS,
  CLIENT_PLUGIN_AUTH,
  CLIENT_PROTOCOL_41,
  CLIENT_SECURE_CONNECTION,
  CLIENT_TRANSACTIONS,
  MAX_PACKET_PAYLOAD,
  UTF8MB4_GENERAL_CI,
} from './packet-constants.js';

/** The smallest capability set a modern server accepts; it keeps the classic EOF result layout. */
const RAW_CLIENT_CAPABILITIES =
  CLIENT_LONG_PASSWORD |
  CLIENT_LONG_FLAG |
  CLIENT_CONNECT_WITH_DB |
  CLIENT_LOCAL_FILES |
  CLIENT_PROTOCOL_41 |
  CLIENT_TRANSACTIONS |
  CLIENT_SECURE_CONNECTION |
  CLIENT_MULTI_RESULTS |
  CLIENT_PLUGIN_AUTH;

/** The 20 salt bytes of a protocol-v10 greeting (wire-protocol.md §3). */
export function greetingSalt(payload: Buffer): Buffer {
  const versionEnd = payload.indexOf(0, 1);
  const first = payload.subarray(versionEnd + 5, versionEnd + 13);
  const second = payload.subarray(
    versionEnd + 13 + 1 + 2 + 1 + 2 + 2 + 1 + 10,
    versionEnd + 13 + 19 + 12,
  );
  return Buffer.concat([first, second]).subarray(0, 20);
}

/** `mysql_native_password`: SHA1(pw) XOR SHA1(salt + SHA1(SHA1(pw))); empty for no password. */
export function nativePasswordScramble(password: string, salt: Buffer): Buffer {
  if (password === '') return Buffer.alloc(0);
  const sha1 = (data: Buffer) => createHash('sha1').update(data).digest();
  const stage1 = sha1(Buffer.from(password, 'utf8'));
  const stage2 = sha1(stage1);
  const mix = sha1(Buffer.concat([salt, stage2]));
  for (let i = 0; i < mix.length; i += 1) mix[i] = (mix[i] ?? 0) ^ (stage1[i] ?? 0);
  return mix;
}

/** A HandshakeResponse41 for `mysql_native_password` (wire-protocol.md §5). */
export function handshakeResponse(user: string, authResponse: Buffer, database: string): Buffer {
  const header = Buffer.alloc(32);
  header.writeUInt32LE(RAW_CLIENT_CAPABILITIES >>> 0, 0);
  header.writeUInt32LE(MAX_PACKET_PAYLOAD, 4);
  header[8] = UTF8MB4_GENERAL_CI;
  return Buffer.concat([
    header,
    Buffer.from(`${user}\0`, 'utf8'),
    Buffer.from([authResponse.length]),
    authResponse,
    Buffer.from(`${database}\0`, 'utf8'),
    Buffer.from('mysql_native_password\0', 'latin1'),
  ]);
}
