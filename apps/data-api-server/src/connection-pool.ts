import { openConnection, type ProtocolConnection, type WireConnectionOptions } from '@s2/wire';

interface Waiter {
  resolve(connection: ProtocolConnection): void;
  reject(error: unknown): void;
}

/**
 * A small pool of wire connections that share one set of credentials and one default
 * database. Requests borrow a connection for one statement; `release` resets its session
 * (COM_RESET_CONNECTION) before anyone else may borrow it, so no state leaks between requests.
 */
export class ConnectionPool {
  private readonly idle: ProtocolConnection[] = [];
  private readonly waiters: Waiter[] = [];
  private open = 0;
  private closed = false;

  constructor(
    private readonly options: WireConnectionOptions,
    private readonly maxConnections: number,
  ) {}

  /** Connections currently open (borrowed or idle). */
  get size(): number {
    return this.open;
  }

  /** Borrows a connection, opening one when under the limit, else waiting for a release. */
  async acquire(): Promise<ProtocolConnection> {
    if (this.closed) throw new Error('The connection pool is closed');
    const ready = this.idle.pop();
    if (ready) return ready;
    if (this.open < this.maxConnections) {
      this.open++;
      try {
        return await openConnection(this.options);
      } catch (error) {
        this.open--;
        this.wakeNextWaiter();
        throw error;
      }
    }
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /**
   * Returns a connection. `reusable: false` closes it instead, for statements whose effects a
   * session reset does not undo (a changed default database).
   */
  async release(connection: ProtocolConnection, reusable: boolean): Promise<void> {
    let keep = reusable && !this.closed && connection.isConnected();
    if (keep) {
      keep = await connection.resetConnection().then(
        () => true,
        () => false,
      );
    }
    if (!keep) {
      this.open--;
      connection.destroy();
      this.wakeNextWaiter();
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(connection);
    else this.idle.push(connection);
  }

  private wakeNextWaiter(): void {
    const waiter = this.waiters.shift();
    if (!waiter) return;
    this.acquire().then(waiter.resolve, waiter.reject);
  }

  /** Closes idle connections now and fails waiters; borrowed ones close on release. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) {
      waiter.reject(new Error('The connection pool is closed'));
    }
    const idle = this.idle.splice(0);
    this.open -= idle.length;
    await Promise.all(idle.map((connection) => connection.close()));
  }
}
