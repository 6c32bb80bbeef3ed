import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { TLSSocket } from 'node:tls';
import { PacketWriter } from '../protocol/packet-writer.js';
import { Capability } from '../protocol/protocol-constants.js';

/*
 * A scripted MySQL-protocol server for the bytes no local server produces (SingleStore
 * extended metadata, RSA and clear-password auth, malformed packets, unexpected LOCAL INFILE
 * names). Each accepted socket runs the script; packets are built with the same writer the
 * client uses, but every message layout is spelled out here from spec/wire-protocol.md.
 */

export const SERVER_CAPABILITIES =
  Capability.LONG_PASSWORD |
  Capability.LONG_FLAG |
  Capability.CONNECT_WITH_DB |
  Capability.LOCAL_FILES |
  Capability.PROTOCOL_41 |
  Capability.TRANSACTIONS |
  Capability.SECURE_CONNECTION |
  Capability.MULTI_STATEMENTS |
  Capability.MULTI_RESULTS |
  Capability.PLUGIN_AUTH |
  Capability.CONNECT_ATTRS |
  Capability.PLUGIN_AUTH_LENENC_CLIENT_DATA;

export const SCRAMBLE = Uint8Array.from({ length: 20 }, (_unused, index) => 0x21 + index);

/** One client connection as the script sees it. */
export class ScriptedSession {
  private buffer = new Uint8Array(0);
  private waiter: (() => void) | undefined;
  private closed = false;
  sequence = 0;

  constructor(public socket: Socket) {
    this.listen(socket);
  }

  private listen(socket: Socket): void {
    socket.on('data', (chunk: Buffer) => {
      const joined = new Uint8Array(this.buffer.length + chunk.length);
      joined.set(this.buffer);
      joined.set(chunk, this.buffer.length);
      this.buffer = joined;
      this.waiter?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiter?.();
    });
    socket.on('error', () => undefined);
  }

  /** The next client packet's payload; undefined when the client closed. */
  async read(): Promise<Uint8Array | undefined> {
    for (;;) {
      if (this.buffer.length >= 4) {
        const length = this.buffer[0]! | (this.buffer[1]! << 8) | (this.buffer[2]! << 16);
        if (this.buffer.length >= 4 + length) {
          this.sequence = (this.buffer[3]! + 1) & 0xff;
          const payload = this.buffer.slice(4, 4 + length);
          this.buffer = this.buffer.slice(4 + length);
          return payload;
        }
      }
      if (this.closed) return undefined;
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
      this.waiter = undefined;
    }
  }

  /** Frames one payload with the next sequence id (payloads here stay below 16 MiB). */
  frame(payload: Uint8Array): Uint8Array {
    const framed = new Uint8Array(payload.length + 4);
    framed[0] = payload.length & 0xff;
    framed[1] = (payload.length >> 8) & 0xff;
    framed[2] = payload.length >> 16;
    framed[3] = this.sequence;
    this.sequence = (this.sequence + 1) & 0xff;
    framed.set(payload, 4);
    return framed;
  }

  send(...payloads: Uint8Array[]): void {
    for (const payload of payloads) this.socket.write(this.frame(payload));
  }

  /**
   * Wraps the socket in TLS as a server. The client's ClientHello may already sit in the
   * buffer behind the SSLRequest, so the TLS layer reads through a duplex fed with it first.
   */
  async upgradeToTls(cert: string, key: string): Promise<void> {
    const raw = this.socket;
    const leftover = this.buffer;
    this.buffer = new Uint8Array(0);
    raw.removeAllListeners('data');
    raw.removeAllListeners('close');
    const duplex = new Duplex({
      read() {},
      write(chunk: Buffer, _encoding, callback) {
        raw.write(chunk, callback);
      },
      final(callback) {
        raw.end();
        callback();
      },
    });
    raw.on('data', (chunk: Buffer) => duplex.push(chunk));
    raw.on('end', () => duplex.push(null));
    raw.on('close', () => duplex.destroy());
    if (leftover.length > 0) duplex.push(leftover);
    const secure = new TLSSocket(duplex as unknown as Socket, { isServer: true, cert, key });
    this.socket = secure;
    this.listen(secure);
    await once(secure, 'secure');
  }
}

export function handshakePacket(
  plugin = 'mysql_native_password',
  capabilities = SERVER_CAPABILITIES,
  scramble = SCRAMBLE,
): Uint8Array {
  return new PacketWriter()
    .u8(10)
    .nulTerminatedString('8.0.0-scripted')
    .u32(77)
    .bytes(scramble.subarray(0, 8))
    .u8(0)
    .u16(capabilities & 0xffff)
    .u8(45)
    .u16(0x0002)
    .u16(capabilities >>> 16)
    .u8(21)
    .zeros(10)
    .bytes(scramble.subarray(8, 20))
    .u8(0)
    .nulTerminatedString(plugin)
    .finish();
}

export function okPacket(status = 0x0002, affectedRows = 0): Uint8Array {
  return new PacketWriter()
    .u8(0)
    .lengthEncoded(affectedRows)
    .lengthEncoded(0)
    .u16(status)
    .u16(0)
    .finish();
}

export function eofPacket(status = 0x0002): Uint8Array {
  return new PacketWriter().u8(0xfe).u16(0).u16(status).finish();
}

export function errPacket(errno: number, sqlState: string, message: string): Uint8Array {
  return new PacketWriter().u8(0xff).u16(errno).string(`#${sqlState}`).string(message).finish();
}

/** A column definition; `extended` bytes go after the 12-byte fixed block. */
export function columnPacket(
  name: string,
  type: number,
  options: { charset?: number; length?: number; flags?: number; extended?: Uint8Array } = {},
): Uint8Array {
  const extended = options.extended ?? new Uint8Array(0);
  const writer = new PacketWriter();
  for (const part of ['def', 'db', 't', 't', name, name]) writer.lengthEncodedString(part);
  return writer
    .lengthEncoded(12 + extended.length)
    .u16(options.charset ?? 45)
    .u32(options.length ?? 255)
    .u8(type)
    .u16(options.flags ?? 0)
    .u8(0)
    .zeros(2)
    .bytes(extended)
    .finish();
}

export function rowPacket(cells: (Uint8Array | string | null)[]): Uint8Array {
  const writer = new PacketWriter();
  for (const cell of cells) {
    if (cell === null) writer.u8(0xfb);
    else if (typeof cell === 'string') writer.lengthEncodedString(cell);
    else writer.lengthEncodedBytes(cell);
  }
  return writer.finish();
}

/** A complete result set: column count, definitions, EOF, rows, EOF. */
export function resultSet(
  columns: Uint8Array[],
  rows: Uint8Array[],
  status = 0x0002,
): Uint8Array[] {
  return [
    new PacketWriter().lengthEncoded(columns.length).finish(),
    ...columns,
    eofPacket(status),
    ...rows,
    eofPacket(status),
  ];
}

/** Sends the handshake, reads the response and accepts it; returns the response payload. */
export async function acceptLogin(session: ScriptedSession): Promise<Uint8Array> {
  session.sequence = 0;
  session.send(handshakePacket());
  const response = await session.read();
  session.send(okPacket());
  return response ?? new Uint8Array(0);
}

/**
 * Answers the client's session setup (SET NAMES, the SingleStore variables) with OKs, until
 * `count` statements were answered.
 */
export async function acceptSetup(session: ScriptedSession, count = 3): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await session.read();
    session.send(okPacket());
  }
}

/** The SQL of a COM_QUERY payload. */
export function querySql(payload: Uint8Array | undefined): string {
  return payload === undefined ? '' : new TextDecoder().decode(payload.subarray(1));
}

export interface ScriptedServer {
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 that runs `script` for every connection. */
export async function startScriptedServer(
  script: (session: ScriptedSession) => Promise<void>,
): Promise<ScriptedServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const session = new ScriptedSession(socket);
    script(session).catch(() => socket.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    server,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
