import type { Readable } from 'node:stream';
import type { ConnectionPool, WireConnection } from '@s2/wire';
import { type ClientSession, NotAvailableError, type ServerTarget } from './client-adapter.js';

/** `tuples` materialises JS rows; `columns` keeps the decoded Arrow-layout batches as they are. */
export type WireResultsType = 'tuples' | 'columns';

/**
 * Whether @s2/wire decodes through @s2/accel-wasm, asked without trusting either package: with
 * an invalid S2_ACCEL the accelerator refuses to pick an implementation, so a query on a
 * throwaway connection fails only if its rows went through the accelerator.
 */
async function wireDecodesThroughAccel(target: ServerTarget): Promise<boolean> {
  const connection = await connectWire(target);
  const mode = process.env.S2_ACCEL;
  process.env.S2_ACCEL = 'bench-probe';
  try {
    await connection.query('SELECT 1');
    return false;
  } catch (error) {
    return firstLine(error).includes('S2_ACCEL');
  } finally {
    process.env.S2_ACCEL = mode;
    connection.destroy();
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

async function loadWire(): Promise<typeof import('@s2/wire')> {
  try {
    return await import('@s2/wire');
  } catch (error) {
    throw new NotAvailableError(`@s2/wire does not load: ${firstLine(error)}`);
  }
}

function wireOptions(target: ServerTarget) {
  const { host, port, user, password, database } = target;
  return { host, port, user, password, database, sslMode: 'disabled' as const, localInfile: true };
}

async function connectWire(target: ServerTarget): Promise<WireConnection> {
  return (await loadWire()).connect(wireOptions(target));
}

/** One connection, or the pool's `withConnection` with its default settings, as users get it. */
type Lease = <T>(work: (connection: WireConnection) => Promise<T>) => Promise<T>;

/**
 * Drives @s2/wire through its own API: `query()` for buffered results (`rows()` for tuples, the
 * decoded batches as they are for columns), `stream()` for the unbuffered path,
 * `LOAD DATA LOCAL INFILE ':stream:'` with `infileStream`, and `createPool()` with its defaults
 * for more than one connection. It has no multi-row INSERT helper yet, so that workload says so.
 */
export async function openWire(
  target: ServerTarget,
  connections: number,
  resultsType: WireResultsType,
): Promise<ClientSession> {
  if (process.env.S2_ACCEL === 'require-wasm' && !(await wireDecodesThroughAccel(target))) {
    throw new NotAvailableError(
      '@s2/wire does not decode through @s2/accel-wasm yet, so S2_ACCEL cannot pick wasm',
    );
  }
  let lease: Lease;
  let close: () => Promise<void>;
  if (connections > 1) {
    const wire = await loadWire();
    const pool: ConnectionPool = wire.createPool({
      ...wireOptions(target),
      minSize: connections,
      maxSize: connections,
    });
    lease = (work) => pool.withConnection(work);
    close = () => pool.end();
  } else {
    const connection = await connectWire(target);
    lease = (work) => work(connection);
    close = () => connection.close();
  }
  return {
    fetchAll: (sql) =>
      lease(async (connection) => {
        const [result] = await connection.query(sql);
        if (!result) return 0;
        return resultsType === 'tuples' ? result.rows().length : result.rowCount;
      }),
    streamAll: (sql) =>
      lease(async (connection) => {
        let rows = 0;
        for await (const event of connection.stream(sql)) {
          if (event.type === 'batch') rows += event.batch.numRows;
        }
        return rows;
      }),
    loadDataLocal: (sql: string, data: Readable) =>
      lease(async (connection) => {
        const [result] = await connection.query(sql, { infileStream: data });
        return Number(result?.affectedRows ?? 0);
      }),
    close,
  };
}
