import type { Readable } from 'node:stream';

/** Where a client connects: the replay server or the real one. */
export interface ServerTarget {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

/** Rows for a multi-row INSERT, produced batch by batch so a million rows never sit in memory. */
export interface InsertBatches {
  readonly table: string;
  readonly columns: readonly string[];
  readonly batches: Iterable<unknown[][]>;
}

/** One client library (or one mode of one), as the benchmark drives it. */
export interface ClientAdapter {
  /** Kebab-case id, also the adapter's file name. */
  readonly id: string;
  /** What the table and chart call it. */
  readonly label: string;
  /** Environment the measuring child process runs with (how `S2_ACCEL` picks wasm or TS). */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Opens one connection, or a pool of `connections` when more than one. Throws
   * `NotAvailableError` when the client's package is not usable yet.
   */
  open(target: ServerTarget, connections: number): Promise<ClientSession>;
}

/** An open connection or pool. Every method resolves to the number of rows it saw or wrote. */
export interface ClientSession {
  /** Runs a query and materialises every row the way this client's users receive them. */
  fetchAll(sql: string): Promise<number>;
  /** Runs a query through the client's unbuffered (streaming) path, dropping each row. */
  streamAll(sql: string): Promise<number>;
  /** Multi-row INSERTs, one statement per batch; absent when the client has no such path. */
  insertBatches?(rows: InsertBatches): Promise<number>;
  /** LOAD DATA LOCAL INFILE fed from a stream; absent when the client cannot stream a file. */
  loadDataLocal?(sql: string, data: Readable): Promise<number>;
  close(): Promise<void>;
}

/** The client exists in the plan but its package cannot run this yet; the reason is reported. */
export class NotAvailableError extends Error {
  override readonly name = 'NotAvailableError';
}
