import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';

/** What the proxy saw, in order: client bytes forwarded and server bytes returned. */
export interface ProxyEvent {
  readonly connection: number;
  readonly direction: 'to-server' | 'to-client';
  readonly text: string;
}

/**
 * A TCP proxy in front of a real server that can hold back what a client sends once a chunk
 * contains a marker (e.g. `KILL QUERY`) until the test releases it. Tests use it to make a
 * timing that is otherwise a race happen every time, with real server behaviour on both
 * sides of it. Only plaintext connections can be matched (use `sslMode: 'disabled'`).
 */
export class HoldingProxy {
  readonly events: ProxyEvent[] = [];
  private readonly sockets = new Set<Socket>();
  private holdMarker: string | undefined;
  private held: { forward: () => void }[] = [];
  private heldWaiters: (() => void)[] = [];
  private connections = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<HoldingProxy> {
    const server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const proxy = new HoldingProxy(server, port);
    server.on('connection', (client) => proxy.relay(client, targetHost, targetPort));
    return proxy;
  }

  /** From now on, a client chunk containing `marker` and everything after it on that connection waits. */
  holdFrom(marker: string): void {
    this.holdMarker = marker;
  }

  /** Resolves once a chunk was held back. */
  whenHolding(): Promise<void> {
    if (this.held.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.heldWaiters.push(resolve));
  }

  /** Forwards what was held, in order, and stops holding. */
  release(): void {
    this.holdMarker = undefined;
    for (const entry of this.held.splice(0)) entry.forward();
  }

  private relay(client: Socket, targetHost: string, targetPort: number): void {
    this.connections += 1;
    const connection = this.connections;
    const upstream = connect({ host: targetHost, port: targetPort });
    this.sockets.add(client).add(upstream);
    let holding = false;
    const queue: Buffer[] = [];
    const forward = (chunk: Buffer): void => {
      this.events.push({ connection, direction: 'to-server', text: chunk.toString('latin1') });
      upstream.write(chunk);
    };
    client.on('data', (chunk: Buffer) => {
      const marker = this.holdMarker;
      if (!holding && marker !== undefined && chunk.toString('latin1').includes(marker)) {
        holding = true;
        this.held.push({
          forward: () => {
            holding = false;
            for (const waiting of queue.splice(0)) forward(waiting);
          },
        });
        for (const waiter of this.heldWaiters.splice(0)) waiter();
      }
      if (holding) queue.push(chunk);
      else forward(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      this.events.push({ connection, direction: 'to-client', text: chunk.toString('latin1') });
      client.write(chunk);
    });
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  }

  async close(): Promise<void> {
    this.release();
    for (const socket of this.sockets) socket.destroy();
    this.server.close();
    await once(this.server, 'close');
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}
