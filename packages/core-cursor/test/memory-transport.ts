import type { ColumnBatch } from '../src/column-batch.js';
import { ColumnBatchBuilder, type ColumnSpec } from '../src/column-batch-builder.js';
import { Connection, type ConnectionSettings } from '../src/cursor/connection.js';
import type {
  BufferedResultSet,
  ExecuteRequest,
  OkResult,
  StatementResult,
  Transport,
} from '../src/cursor/transport.js';
import { OperationalError } from '../src/errors/index.js';

/**
 * A test double of a transport: answers SQL from a script of buffered results, streams them
 * batch by batch when asked to, and records what it was sent and how far each stream was read.
 * The real transports (@s2/wire, @s2/http) are tested against servers in their own packages.
 */
export class MemoryTransport implements Transport {
  readonly sent: string[] = [];
  readonly requests: ExecuteRequest[] = [];
  /** Batches handed out by streams so far, to check that streaming pulls lazily. */
  batchesPulled = 0;
  autocommit = true;
  maxStatementBytes: number | undefined;
  private open = true;

  constructor(private readonly script: (sql: string) => readonly StatementResult[]) {}

  async *execute(request: ExecuteRequest): AsyncGenerator<StatementResult> {
    if (!this.open) throw new OperationalError('closed', { errno: 2006 });
    this.sent.push(request.sql);
    this.requests.push(request);
    for (const result of this.script(request.sql)) {
      if (result.kind === 'rows' && !request.buffered) {
        yield { kind: 'stream', columns: result.columns, batches: this.stream(result.batches) };
      } else {
        yield result;
      }
    }
  }

  private async *stream(batches: readonly ColumnBatch[]): AsyncGenerator<ColumnBatch> {
    for (const batch of batches) {
      this.batchesPulled++;
      yield batch;
    }
  }

  async ping(): Promise<void> {
    if (!this.open) throw new OperationalError('closed', { errno: 2006 });
  }

  isConnected(): boolean {
    return this.open;
  }

  async close(): Promise<void> {
    this.open = false;
  }

  async setAutocommit(on: boolean): Promise<void> {
    if (on !== this.autocommit) this.sent.push(`SET AUTOCOMMIT = ${on ? 1 : 0}`);
    this.autocommit = on;
  }
}

/** A connection over a MemoryTransport. */
export class MemoryConnection extends Connection {
  constructor(
    readonly memory: MemoryTransport,
    settings: ConnectionSettings = {},
  ) {
    super(memory, settings);
  }
}

/** An OK result. */
export function ok(rowsAffected = 0, lastInsertId: number | bigint | null = null): OkResult {
  return { kind: 'ok', rowsAffected, lastInsertId };
}

/** A buffered result set of `rows`, split into batches of `batchSize` rows. */
export function rowsResult(
  columns: readonly (ColumnSpec & { name: string; table?: string })[],
  rows: readonly (readonly unknown[])[],
  batchSize = 1000,
): BufferedResultSet {
  const builder = new ColumnBatchBuilder(columns);
  const descriptions = columns.map((column) => ({
    name: column.name,
    typeCode: column.typeCode,
    displaySize: null,
    internalSize: null,
    precision: null,
    scale: column.decimals ?? null,
    nullOk: true,
    flags: 0,
    charset: column.kind === 'binary' ? 63 : 33,
    ...(column.table ? { table: column.table } : {}),
  }));
  const batches: ColumnBatch[] = [];
  rows.forEach((row, index) => {
    builder.appendRow(row);
    if ((index + 1) % batchSize === 0) batches.push(builder.build());
  });
  if (builder.numRows > 0 || batches.length === 0) batches.push(builder.build());
  return { kind: 'rows', columns: descriptions, batches };
}
