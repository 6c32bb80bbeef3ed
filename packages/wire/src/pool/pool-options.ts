import type { WireConnectionOptions } from '../connection/connection-options.js';

/** Options of a connection pool: the connection options plus the pool's own. */
export interface PoolOptions extends WireConnectionOptions {
  /** Connections kept open even when idle; default 0. */
  minSize?: number;
  /** Connections open at most; default 10. */
  maxSize?: number;
  /** Milliseconds `acquire()` waits for a free connection; default 10 000. */
  acquireTimeout?: number;
  /** Milliseconds after which an idle connection above `minSize` is closed; default 60 000. */
  idleTimeout?: number;
  /** A connection idle longer than this many milliseconds is pinged before it is handed out; default 1000. */
  validateAfterIdle?: number;
  /**
   * Reset session state (COM_RESET_CONNECTION, then the session setup) on release; default
   * false, as in mysql2's and mariadb's pools, because it adds a round trip to every lease.
   * Without it, user variables, temporary tables and session settings pass to the next lease;
   * an open transaction is rolled back either way.
   */
  resetOnRelease?: boolean;
}
