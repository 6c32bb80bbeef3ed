import net from 'node:net';
import {
  hideReplayCapabilitiesInGreeting,
  hideReplayCapabilitiesInResponse,
} from '../protocol/handshake.js';
import { COM_QUERY, COM_QUIT, ERR_MARKER, OK_MARKER } from '../protocol/packet-constants.js';
import { framePacket, type Packet, PacketSplitter } from '../protocol/packet-splitter.js';
import { ResponseTracker } from '../protocol/response-tracker.js';
import { RecordingBuilder } from './recording.js';

/** A running recording proxy. */
export interface RecordingProxy {
  readonly port: number;
  readonly recording: RecordingBuilder;
  close(): Promise<void>;
}

/** One command waiting for its response; `sql` is unset for commands that are not recorded. */
interface PendingCommand {
  readonly sql: string | undefined;
  readonly tracker: ResponseTracker;
  readonly frames: Buffer[];
}

/**
 * A TCP proxy in front of a real server that records what the replay server needs: the greeting,
 * the OK that ends authentication, and every query's response bytes. It hides capabilities that
 * would change the result layout from both sides, so the recorded bytes are valid for any client.
 */
export async function startRecordingProxy(upstream: {
  host: string;
  port: number;
}): Promise<RecordingProxy> {
  const recording = new RecordingBuilder();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const backend = net.connect(upstream.port, upstream.host);
    sockets.add(client);
    sockets.add(backend);
    client.setNoDelay(true);
    backend.setNoDelay(true);
    proxyConnection(client, backend, recording);
    const forget = () => {
      client.destroy();
      backend.destroy();
      sockets.delete(client);
      sockets.delete(backend);
    };
    client.on('close', forget).on('error', forget);
    backend.on('close', forget).on('error', forget);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no TCP address');
  return {
    port: address.port,
    recording,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function proxyConnection(client: net.Socket, backend: net.Socket, recording: RecordingBuilder) {
  const fromServer = new PacketSplitter();
  const fromClient = new PacketSplitter();
  const pending: PendingCommand[] = [];
  let serverPhase: 'greeting' | 'auth' | 'command' = 'greeting';
  let clientPacketsSeen = 0;

  backend.on('data', (chunk: Buffer) => {
    // Results are forwarded chunk by chunk, as they came: only the handshake is rewritten.
    const forwardWhole = serverPhase === 'command';
    if (forwardWhole) client.write(chunk);
    for (const packet of fromServer.push(chunk)) {
      if (serverPhase === 'greeting') {
        const greeting = framePacket(hideReplayCapabilitiesInGreeting(packet.payload), 0);
        recording.greeting ??= greeting;
        client.write(greeting);
        serverPhase = 'auth';
        continue;
      }
      if (!forwardWhole) client.write(packet.frame);
      if (serverPhase === 'auth') {
        if (packet.payload[0] === OK_MARKER) {
          recording.authOk ??= Buffer.from(packet.frame);
          serverPhase = 'command';
        } else if (packet.payload[0] === ERR_MARKER) {
          client.end();
        }
        continue;
      }
      recordResponsePacket(packet, pending, recording);
    }
  });

  client.on('data', (chunk: Buffer) => {
    for (const packet of fromClient.push(chunk)) {
      clientPacketsSeen += 1;
      if (clientPacketsSeen === 1) {
        backend.write(
          framePacket(hideReplayCapabilitiesInResponse(packet.payload), packet.sequenceId),
        );
        continue;
      }
      if (serverPhase === 'command' && packet.sequenceId === 0) {
        const command = packet.payload[0];
        if (command !== COM_QUIT) {
          const sql = command === COM_QUERY ? packet.payload.toString('utf8', 1) : undefined;
          pending.push({ sql, tracker: new ResponseTracker(), frames: [] });
        }
      }
      backend.write(packet.frame);
    }
  });
}

function recordResponsePacket(
  packet: Packet,
  pending: PendingCommand[],
  recording: RecordingBuilder,
) {
  const command = pending[0];
  if (!command) return;
  command.frames.push(packet.frame);
  if (!command.tracker.accept(packet.payload)) return;
  pending.shift();
  if (command.sql !== undefined && !command.tracker.sawLocalInfile) {
    recording.addResponse(command.sql, Buffer.concat(command.frames));
  }
}
