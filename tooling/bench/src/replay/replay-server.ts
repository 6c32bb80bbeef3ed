import net from 'node:net';
import {
  COM_INIT_DB,
  COM_PING,
  COM_QUERY,
  COM_QUIT,
  COM_RESET_CONNECTION,
  ERR_MARKER,
} from '../protocol/packet-constants.js';
import { framePacket, PacketSplitter, withSequenceId } from '../protocol/packet-splitter.js';
import type { Recording } from './recording.js';

/** A running replay server. */
export interface ReplayServer {
  readonly host: string;
  readonly port: number;
  /** Queries that were asked for but not recorded, so a run can say why a client failed. */
  readonly unknownQueries: ReadonlySet<string>;
  close(): Promise<void>;
}

/** An OK with no rows affected, no insert id, autocommit on and no warnings. */
const PLAIN_OK = Buffer.from([0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00]);

function errorPacket(message: string): Buffer {
  const text = Buffer.from(message, 'utf8');
  const payload = Buffer.alloc(9 + text.length);
  payload[0] = ERR_MARKER;
  payload.writeUInt16LE(1105, 1); // ER_UNKNOWN_ERROR
  payload.write('#HY000', 3, 'latin1');
  text.copy(payload, 9);
  return framePacket(payload, 1);
}

/**
 * Serves a recording over loopback at memory speed: the recorded greeting to every new
 * connection, the recorded OK to any handshake response (the recording was made as root with an
 * empty password, so the scramble does not matter), and each query's recorded bytes. Sequence ids
 * of query responses already start at 1, as every command's do; only the OK is renumbered.
 */
export async function startReplayServer(recording: Recording): Promise<ReplayServer> {
  const unknownQueries = new Set<string>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('close', () => sockets.delete(socket)).on('error', () => socket.destroy());
    serveConnection(socket, recording, unknownQueries);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the replay server has no address');
  return {
    host: '127.0.0.1',
    port: address.port,
    unknownQueries,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function serveConnection(socket: net.Socket, recording: Recording, unknownQueries: Set<string>) {
  const splitter = new PacketSplitter();
  let authenticated = false;
  socket.write(recording.greeting);
  socket.on('data', (chunk: Buffer) => {
    for (const packet of splitter.push(chunk)) {
      if (!authenticated) {
        authenticated = true;
        socket.write(withSequenceId(recording.authOk, packet.sequenceId + 1));
        continue;
      }
      const command = packet.payload[0];
      if (command === COM_QUERY) {
        const sql = packet.payload.toString('utf8', 1);
        const response = recording.responses.get(sql);
        if (response) {
          socket.write(response);
        } else {
          unknownQueries.add(sql);
          socket.write(
            errorPacket(`replay server: this query was not recorded: ${sql.slice(0, 200)}`),
          );
        }
      } else if (
        command === COM_PING ||
        command === COM_INIT_DB ||
        command === COM_RESET_CONNECTION
      ) {
        socket.write(framePacket(PLAIN_OK, 1));
      } else if (command === COM_QUIT) {
        socket.end();
      } else {
        socket.write(
          errorPacket(`replay server: command 0x${(command ?? 0).toString(16)} is not supported`),
        );
      }
    }
  });
}
