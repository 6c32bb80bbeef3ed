import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { endpointAddress, probeEndpoint } from './endpoint-probe.js';

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function listen(reply: Buffer): Promise<number> {
  server = createServer((socket) => socket.end(reply));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return typeof address === 'object' && address ? address.port : 0;
}

describe('endpointAddress', () => {
  it('parses host, host:port and bracketed IPv6', () => {
    expect(endpointAddress('svc.example.com')).toEqual({ host: 'svc.example.com', port: 3306 });
    expect(endpointAddress('svc.example.com:3333')).toEqual({
      host: 'svc.example.com',
      port: 3333,
    });
    expect(endpointAddress('[::1]:3307')).toEqual({ host: '::1', port: 3307 });
  });
});

describe('probeEndpoint', () => {
  it('is up when a server sends a handshake', async () => {
    const port = await listen(Buffer.from([5, 0, 0, 0, 0x0a, 0x38, 0x2e, 0x30, 0]));
    expect(await probeEndpoint(`127.0.0.1:${port}`)).toBe(true);
  });

  it('is down when nothing listens or the server says something else', async () => {
    const port = await listen(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n'));
    expect(await probeEndpoint(`127.0.0.1:${port}`)).toBe(false);
    expect(await probeEndpoint('127.0.0.1:1')).toBe(false);
  });
});
