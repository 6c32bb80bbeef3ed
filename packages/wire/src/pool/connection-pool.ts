import { InterfaceError, OperationalError, S2Error } from '@s2/core-cursor';
import { ProtocolConnection } from '../connection/protocol-connection.js';
import { ServerStatus } from '../protocol/protocol-constants.js';
import type { PoolOptions } from './pool-options.js';

interface IdleConnection {
  readonly connection: ProtocolConnection;
  readonly since: number;
}

interface Waiter {
  resolve(connection: ProtocolConnection): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

const CLOSED_POOL = (): InterfaceError =>
  new InterfaceError('The pool has been ended', { errno: 2048 });

/**
 * A pool of wire connections. Idle connections are checked before they are handed out
 * (closed or failed ones are dropped, ones idle for a while are pinged), so a dead
 * connection is replaced and never given to a caller. A released connection keeps its session
 * state unless `resetOnRelease` is set, like mysql2's and mariadb's pools: a reset costs a round
 * trip per query. An open transaction is always rolled back, so no lease inherits one.
 */
export class ConnectionPool {
  private readonly idle: IdleConnection[] = [];
  private readonly leased = new Set<ProtocolConnection>();
  private readonly waiters: Waiter[] = [];
  private opening = 0;
  /** Set when the server answered COM_RESET_CONNECTION with an error. */
  private resetRefused = false;
  private ending: Promise<void> | undefined;
  private readonly sweeper: NodeJS.Timeout;
  private readonly minSize: number;
  private readonly maxSize: number;

  constructor(private readonly options: PoolOptions) {
    this.minSize = options.minSize ?? 0;
    this.maxSize = Math.max(1, options.maxSize ?? 10);
    const idleTimeout = options.idleTimeout ?? 60_000;
    this.sweeper = setInterval(() => this.sweep(idleTimeout), Math.min(idleTimeout, 10_000));
    this.sweeper.unref();
    this.fillToMinimum();
  }

  /** Open connections, idle and leased, plus those being opened. */
  get size(): number {
    return this.idle.length + this.leased.size + this.opening;
  }

  get idleCount(): number {
    return this.idle.length;
  }

  /** Callers waiting for a connection. */
  get pendingCount(): number {
    return this.waiters.length;
  }

  /** A connection for exclusive use; give it back with `release()`. */
  async acquire(): Promise<ProtocolConnection> {
    if (this.ending) throw CLOSED_POOL();
    for (;;) {
      const candidate = this.idle.pop();
      if (candidate === undefined) break;
      const good = this.stillGood(candidate);
      if (good === true || (good !== false && (await good))) {
        this.leased.add(candidate.connection);
        return candidate.connection;
      }
    }
    if (this.size < this.maxSize) {
      const connection = await this.open();
      this.leased.add(connection);
      return connection;
    }
    return new Promise<ProtocolConnection>((resolve, reject) => {
      const waiter: Waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          reject(
            new OperationalError(
              `No connection became free within ${this.options.acquireTimeout ?? 10_000} ms (maxSize ${this.maxSize})`,
            ),
          );
        }, this.options.acquireTimeout ?? 10_000),
      };
      this.waiters.push(waiter);
    });
  }

  /** Whether an idle connection may be handed out; a promise only when it must be pinged. */
  private stillGood({ connection, since }: IdleConnection): boolean | Promise<boolean> {
    if (!connection.isConnected()) return false;
    if (Date.now() - since < (this.options.validateAfterIdle ?? 1000)) return true;
    return connection.ping().then(
      () => true,
      () => {
        connection.destroy();
        return false;
      },
    );
  }

  private async open(): Promise<ProtocolConnection> {
    this.opening += 1;
    try {
      return await ProtocolConnection.open(this.options);
    } finally {
      this.opening -= 1;
    }
  }

  /**
   * Gives a connection back: an open transaction is rolled back, the session is reset when
   * `resetOnRelease` is set, then the connection goes to the next waiter or is kept idle.
   */
  async release(connection: ProtocolConnection): Promise<void> {
    if (!this.leased.delete(connection)) return;
    let usable: boolean | Promise<boolean> = connection.isConnected() && this.ending === undefined;
    if (usable) usable = this.cleanSession(connection);
    if (usable !== true && usable !== false) usable = await usable;
    if (!usable) {
      await connection.close();
      this.replaceForWaiter();
      return;
    }
    this.makeAvailable(connection);
  }

  /**
   * Leaves the session fit for the next lease; false when the connection must be dropped. A
   * promise only when there is a round trip to make: most releases have none.
   */
  private cleanSession(connection: ProtocolConnection): boolean | Promise<boolean> {
    if (this.options.resetOnRelease === true && !this.resetRefused) return this.reset(connection);
    return this.rollBackOpenTransaction(connection);
  }

  private async reset(connection: ProtocolConnection): Promise<boolean> {
    try {
      await connection.resetSession();
      return true;
    } catch (error) {
      // A server that refuses COM_RESET_CONNECTION keeps its connections, unreset, rather
      // than having every release close one; a failed connection is dropped.
      if (!connection.isConnected() || !S2Error.isInstance(error) || (error.errno ?? 0) >= 2000) {
        return false;
      }
      this.resetRefused = true;
    }
    return this.rollBackOpenTransaction(connection);
  }

  private rollBackOpenTransaction(connection: ProtocolConnection): boolean | Promise<boolean> {
    // The status flags of the last reply say whether a transaction is open: no round trip
    // unless one is, and then a ROLLBACK so its locks and writes do not pass to the next lease.
    if ((connection.serverStatus & ServerStatus.IN_TRANS) === 0) return true;
    return connection.query('ROLLBACK').then(
      () => true,
      () => false,
    );
  }

  /** Hands a ready connection to the first waiter, or keeps it idle. */
  private makeAvailable(connection: ProtocolConnection): void {
    const waiter = this.waiters.shift();
    if (waiter !== undefined) {
      clearTimeout(waiter.timer);
      this.leased.add(connection);
      waiter.resolve(connection);
      return;
    }
    this.idle.push({ connection, since: Date.now() });
  }

  private replaceForWaiter(): void {
    if (this.waiters.length === 0 || this.ending || this.size >= this.maxSize) return;
    const waiter = this.waiters.shift()!;
    this.open().then(
      (connection) => {
        clearTimeout(waiter.timer);
        this.leased.add(connection);
        waiter.resolve(connection);
      },
      (error: unknown) => {
        clearTimeout(waiter.timer);
        waiter.reject(error);
      },
    );
  }

  /** Runs `work` with a connection and releases it afterwards, whatever happens. */
  async withConnection<T>(work: (connection: ProtocolConnection) => Promise<T>): Promise<T> {
    const connection = await this.acquire();
    try {
      return await work(connection);
    } finally {
      await this.release(connection);
    }
  }

  private sweep(idleTimeout: number): void {
    const now = Date.now();
    for (let index = 0; index < this.idle.length && this.size > this.minSize; ) {
      const entry = this.idle[index]!;
      if (now - entry.since >= idleTimeout || !entry.connection.isConnected()) {
        this.idle.splice(index, 1);
        entry.connection.close().catch(() => undefined);
      } else {
        index += 1;
      }
    }
    this.fillToMinimum();
  }

  private fillToMinimum(): void {
    while (!this.ending && this.size < this.minSize) {
      this.open().then(
        (connection) => this.makeAvailable(connection),
        () => undefined,
      );
    }
  }

  /**
   * Ends the pool: waiters fail, idle connections close now, leased ones close when released
   * (this waits for them).
   */
  end(): Promise<void> {
    this.ending ??= (async () => {
      clearInterval(this.sweeper);
      for (const waiter of this.waiters.splice(0)) {
        clearTimeout(waiter.timer);
        waiter.reject(CLOSED_POOL());
      }
      await Promise.all(this.idle.splice(0).map((entry) => entry.connection.close()));
      while (this.leased.size > 0 || this.opening > 0) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        for (const entry of this.idle.splice(0)) await entry.connection.close();
      }
    })();
    return this.ending;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.end();
  }
}
