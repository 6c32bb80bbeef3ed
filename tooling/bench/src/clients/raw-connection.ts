import net from 'node:net';
import {
  greetingSalt,
  handshakeResponse,
  nativePasswordScramble,
} from '../protocol/handshake-response.js';
import {
  COM_QUERY,
  COM_QUIT,
  EOF_MARKER,
  ERR_MARKER,
  OK_MARKER,
} from '../protocol/packet-constants.js';
import { framePacket, PacketSplitter } from '../protocol/packet-splitter.js';
import { ResultDrain } from '../protocol/result-drain.js';
import type { ServerTarget } from './client-adapter.js';

/**
 * One connection that logs in with `mysql_native_password`, sends COM_QUERY and drains the
 * response with `ResultDrain`. It decodes nothing: it is the floor, not a client.
 */
export class RawConnection {
  private drain: ResultDrain | undefined;
  private settle: ((error: Error | undefined) => void) | undefined;

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      const drain = this.drain;
      if (!drain) return;
      if (drain.feed(chunk) < 0) return;
      this.drain = undefined;
      this.settle?.(drain.error === undefined ? undefined : new Error(drain.error));
    });
    socket.on('error', (error) => this.settle?.(error));
  }

  static async connect(target: ServerTarget): Promise<RawConnection> {
    const socket = net.connect(target.port, target.host);
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => {
      const splitter = new PacketSplitter();
      let greeted = false;
      const onData = (chunk: Buffer) => {
        for (const packet of splitter.push(chunk)) {
          const marker = packet.payload[0];
          if (!greeted) {
            greeted = true;
            const scramble = nativePasswordScramble(target.password, greetingSalt(packet.payload));
            const response = handshakeResponse(target.user, scramble, target.database);
            socket.write(framePacket(response, packet.sequenceId + 1));
          } else if (marker === OK_MARKER) {
            socket.off('data', onData);
            resolve();
          } else if (marker === EOF_MARKER) {
            // AuthSwitch: answer with the scramble for the new salt (only native password here).
            const plugin = packet.payload.toString('latin1', 1, packet.payload.indexOf(0, 1));
            if (plugin !== 'mysql_native_password') {
              reject(new Error(`raw drain: auth plugin ${plugin} is not supported`));
              return;
            }
            const salt = packet.payload.subarray(packet.payload.indexOf(0, 1) + 1, -1);
            socket.write(
              framePacket(nativePasswordScramble(target.password, salt), packet.sequenceId + 1),
            );
          } else if (marker === ERR_MARKER) {
            reject(new Error(`raw drain: login failed: ${packet.payload.toString('utf8', 9)}`));
          }
        }
      };
      socket.on('data', onData);
      socket.once('error', reject);
    });
    return new RawConnection(socket);
  }

  /** Sends the query and resolves to the number of row packets once the response has ended. */
  query(sql: string): Promise<number> {
    const drain = new ResultDrain();
    this.drain = drain;
    return new Promise((resolve, reject) => {
      this.settle = (error) => {
        this.settle = undefined;
        if (error) reject(error);
        else resolve(drain.rows);
      };
      const text = Buffer.from(sql, 'utf8');
      const payload = Buffer.alloc(1 + text.length);
      payload[0] = COM_QUERY;
      text.copy(payload, 1);
      this.socket.write(framePacket(payload, 0));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.socket.end(framePacket(Buffer.from([COM_QUIT]), 0), () => resolve());
      this.socket.once('close', () => resolve());
    });
  }
}
