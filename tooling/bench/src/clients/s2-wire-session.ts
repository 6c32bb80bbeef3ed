import type { Readable } from 'node:stream';
import type { ConnectionPool, WireConnection } from '@s2/wire';
import { type ClientSession, NotAvailableError, type ServerTarget } from './client-adapter.js';

/**
 * `tuples` materialises JS rows; `columns` gives one typed array (or array) per column; `arrow`
 * an Apache Arrow table over the decoded buffers.
 */
export type WireResultsType = 'tuples' | 'columns' | 'arrow';

type Wire = typeof import('@s2/wire');

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

async function loadWire(): Promise<Wire> {
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

/** Rows in a `columns` result: the length of any one column. */
function columnsLength(result: unknown): number {
  const first: unknown = Object.values(result as Record<string, unknown>)[0];
  return first && typeof first === 'object' && 'length' in first ? Number(first.length) : 0;
}

/** Rows in an Arrow table (or one streamed frame of it). */
function tableLength(result: unknown): number {
  return result && typeof result === 'object' && 'numRows' in result ? Number(result.numRows) : 0;
}

function rowsIn(result: unknown, resultsType: WireResultsType): number {
  if (resultsType === 'tuples') return Array.isArray(result) ? result.length : 0;
  return resultsType === 'arrow' ? tableLength(result) : columnsLength(result);
}

/**
 * Whether @s2/wire decodes through @s2/accel-wasm, asked without trusting either package: with
 * an invalid S2_ACCEL the accelerator refuses to pick an implementation, so a query fails only
 * if its rows went through the accelerator. Run before the wasm measurements so wire's own
 * reader, if it ever had one again, is never timed under the wasm label.
 */
async function wireDecodesThroughAccel(wire: Wire, target: ServerTarget): Promise<boolean> {
  const mode = process.env.S2_ACCEL;
  process.env.S2_ACCEL = 'bench-probe';
  let connection: WireConnection | undefined;
  try {
    connection = await wire.connect(wireOptions(target));
    await connection.query('SELECT 1');
    return false;
  } catch (error) {
    return firstLine(error).includes('S2_ACCEL');
  } finally {
    process.env.S2_ACCEL = mode;
    await connection?.close().catch(() => {});
  }
}

/** SELECT 1 through the pool, which hands out protocol-level connections. */
function pooledSession(pool: ConnectionPool): ClientSession {
  const run = (sql: string) =>
    pool.withConnection(async (connection) => {
      const [result] = await connection.query(sql);
      return result?.rowCount ?? 0;
    });
  return { fetchAll: run, streamAll: run, close: () => pool.end() };
}

/**
 * Drives @s2/wire through its DB-API connection: a buffered cursor's `fetchAll()` in the chosen
 * results type, an unbuffered cursor for streaming, `executeMany()` (which batches into
 * multi-row INSERTs) and `execute()` with `infileStream` for `LOAD DATA LOCAL INFILE ':stream:'`; more than one
 * connection goes through `createPool()` with its default settings, as users get it.
 */
export async function openWire(
  target: ServerTarget,
  connections: number,
  resultsType: WireResultsType,
): Promise<ClientSession> {
  const wire = await loadWire();
  if (process.env.S2_ACCEL === 'require-wasm' && !(await wireDecodesThroughAccel(wire, target))) {
    throw new NotAvailableError(
      '@s2/wire does not decode through @s2/accel-wasm, so S2_ACCEL cannot pick wasm',
    );
  }
  if (connections > 1) {
    const options = { ...wireOptions(target), minSize: connections, maxSize: connections };
    return pooledSession(wire.createPool(options));
  }
  const connection = await wire.connect({ ...wireOptions(target), resultsType });
  return {
    // A buffered cursor's fetchAll(): the DB-API path that connection.query() wraps.
    fetchAll: async (sql) => {
      await using cursor = connection.cursor({ buffered: true });
      await cursor.execute(sql);
      return rowsIn(await cursor.fetchAll(), resultsType);
    },
    streamAll: async (sql) => {
      await using cursor = connection.cursor({ buffered: false });
      await cursor.execute(sql);
      let rows = 0;
      // Tuples arrive row by row; columns arrive as one frame per decoded batch.
      for await (const item of cursor) {
        rows += resultsType === 'tuples' ? 1 : rowsIn(item, resultsType);
      }
      return rows;
    },
    insertBatches: async ({ table, columns, batches }) => {
      const placeholders = columns.map(() => '?').join(', ');
      const names = columns.map((column) => `\`${column}\``).join(', ');
      const sql = `INSERT INTO \`${table}\` (${names}) VALUES (${placeholders})`;
      await using cursor = connection.cursor();
      let written = 0;
      for (const batch of batches) written += (await cursor.executeMany(sql, batch)).rowCount;
      return written;
    },
    loadDataLocal: async (sql: string, data: Readable) => {
      await using cursor = connection.cursor();
      await cursor.execute(sql, undefined, { infileStream: data });
      return cursor.rowCount;
    },
    close: () => connection.close(),
  };
}
