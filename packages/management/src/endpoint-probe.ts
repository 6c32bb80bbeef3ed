import { connect } from 'node:net';

/** Splits `host[:port]` (IPv6 hosts in brackets), defaulting the port. */
export function endpointAddress(
  endpoint: string,
  defaultPort = 3306,
): { host: string; port: number } {
  const match = /^\[([^\]]+)\](?::(\d+))?$|^([^:]+)(?::(\d+))?$/.exec(endpoint.trim());
  const host = match?.[1] ?? match?.[3] ?? endpoint;
  const port = Number(match?.[2] ?? match?.[4] ?? defaultPort);
  return { host, port };
}

/**
 * Whether a database server greets on the endpoint: it connects, waits for the first packet
 * (the server speaks first in the MySQL protocol) and hangs up without sending credentials.
 */
export function probeEndpoint(
  endpoint: string,
  options: { timeout?: number; signal?: AbortSignal | undefined } = {},
): Promise<boolean> {
  const { host, port } = endpointAddress(endpoint);
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let settled = false;
    const finish = (up: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(up);
    };
    const onAbort = () => finish(false);
    const timer = setTimeout(() => finish(false), options.timeout ?? 5_000);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    // A packet whose payload starts with protocol version 10 (handshake) or 0xff (an error
    // such as "host blocked") both mean a server is answering.
    socket.once('data', (chunk: Buffer) =>
      finish(chunk.length > 4 && (chunk[4] === 0x0a || chunk[4] === 0xff)),
    );
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
  });
}
