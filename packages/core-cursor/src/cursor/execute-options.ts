import type { InfileStream } from './transport.js';

/** Options of one `execute()`. */
export interface ExecuteOptions {
  /** Data for `LOAD DATA LOCAL INFILE ':stream:'`. */
  infileStream?: InfileStream;
  /** Cancels the statement. */
  signal?: AbortSignal;
  /**
   * Runs the statement as a server-side prepared statement (the MySQL binary protocol) instead
   * of inlining the parameters on the client. Defaults to the connection's `prepare` for a
   * statement with parameters, else off. See `ExecuteRequest.prepare`.
   */
  prepare?: boolean;
}

/** Options of one `executeMany()`. */
export interface ExecuteManyOptions {
  /**
   * Prepares the statement once and executes it per row, instead of inlining each row (and
   * rewriting INSERT … VALUES into multi-row statements). Defaults to the connection's.
   */
  prepare?: boolean;
  /**
   * Cancels the rest: no further statement or row is sent, and the one running is stopped as
   * `execute()`'s signal stops it. What was sent before still runs (with `prepare` on
   * @s2/wire, the pipelined executes already written, at most 64 KiB of them); `rowCount` is
   * then not set and the call rejects with the transport's abort error.
   */
  signal?: AbortSignal;
}
