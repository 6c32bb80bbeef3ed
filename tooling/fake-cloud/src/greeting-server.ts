import { createServer, type Server } from 'node:net';

/** A MySQL protocol-10 handshake packet, enough for a client's reachability probe. */
function handshakePacket(): Buffer {
  const payload = Buffer.concat([
    Buffer.from([0x0a]),
    Buffer.from('8.0.32-SingleStoreDB-fake-cloud\0', 'latin1'),
    Buffer.from([1, 0, 0, 0]),
    Buffer.from('abcdefgh\0', 'latin1'),
    Buffer.from([0xff, 0xf7, 0x21, 0x02, 0x00, 0xff, 0x81, 21]),
    Buffer.alloc(10),
    Buffer.from('ijklmnopqrst\0mysql_native_password\0', 'latin1'),
  ]);
  const header = Buffer.from([payload.length & 0xff, (payload.length >> 8) & 0xff, 0, 0]);
  return Buffer.concat([header, payload]);
}

/**
 * A TCP server that greets every connection like a database server and hangs up; workspace
 * endpoints of the fake cloud point at it so clients can probe them.
 */
export async function startGreetingServer(
  host: string,
): Promise<{ port: number; close: () => Promise<void> }> {
  const packet = handshakePacket();
  const server: Server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end(packet);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
