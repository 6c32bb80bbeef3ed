import type { Readable } from 'node:stream';
import { type ClientSession, NotAvailableError, type ServerTarget } from './client-adapter.js';

/** The slice of the planned @s2/wire surface (ARCHITECTURE.md §3) the benchmark drives. */
interface WireCursor {
  execute(sql: string, params?: unknown, options?: { infileStream?: Readable }): Promise<unknown>;
  executeMany(sql: string, rows: unknown[][]): Promise<unknown>;
  readonly rowCount: number;
  fetchAll(): Promise<unknown>;
  close(): Promise<unknown> | unknown;
  [Symbol.asyncIterator](): AsyncIterator<unknown>;
}

interface WireConnection {
  query(sql: string): Promise<unknown>;
  cursor(options?: Record<string, unknown>): WireCursor;
  close(): Promise<unknown>;
}

type WireModule = {
  connect(options: Record<string, unknown>): Promise<WireConnection>;
  createPool?: (options: Record<string, unknown>) => WireConnection;
};

export type WireResultsType = 'tuples' | 'columns';

/** A variable specifier keeps the type checker from holding this file to today's exports. */
const WIRE_PACKAGE: string = '@s2/wire';

async function loadWire(): Promise<WireModule> {
  let loaded: unknown;
  try {
    loaded = await import(WIRE_PACKAGE);
  } catch (error) {
    throw new NotAvailableError(`@s2/wire does not load: ${(error as Error).message}`);
  }
  const candidate = loaded as Partial<WireModule>;
  if (typeof candidate.connect !== 'function') {
    throw new NotAvailableError('@s2/wire does not export connect() yet');
  }
  return candidate as WireModule;
}

/** Rows in a `tuples` result, or the length of the first column of a `columns` result. */
function countRows(result: unknown): number {
  if (Array.isArray(result)) return result.length;
  if (result && typeof result === 'object') {
    const first: unknown = Object.values(result)[0];
    if (first && typeof first === 'object' && 'length' in first) return Number(first.length);
  }
  return 0;
}

/**
 * Drives @s2/wire through the contract ARCHITECTURE.md fixes: `connect({... resultsType})`,
 * `query()`, `cursor()` iteration, `close()`. The accelerator is chosen by S2_ACCEL in the
 * child's environment, so the wasm and TS runs are separate processes of one benchmark run.
 */
export async function openWire(
  target: ServerTarget,
  connections: number,
  resultsType: WireResultsType,
): Promise<ClientSession> {
  const wire = await loadWire();
  const settings = { ...target, resultsType, localInfile: true };
  let connection: WireConnection;
  if (connections > 1) {
    if (typeof wire.createPool !== 'function') {
      throw new NotAvailableError('@s2/wire does not export createPool() yet');
    }
    connection = wire.createPool({ ...settings, connectionLimit: connections });
  } else {
    connection = await wire.connect(settings);
  }
  return {
    fetchAll: async (sql) => countRows(await connection.query(sql)),
    streamAll: async (sql) => {
      const cursor = connection.cursor({ buffered: false });
      await cursor.execute(sql);
      let rows = 0;
      for await (const _ of cursor) rows += 1;
      await cursor.close();
      return rows;
    },
    insertBatches: async ({ table, columns, batches }) => {
      const placeholders = columns.map(() => '?').join(', ');
      const sql = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES (${placeholders})`;
      const cursor = connection.cursor();
      let written = 0;
      for (const batch of batches) {
        await cursor.executeMany(sql, batch);
        written += cursor.rowCount;
      }
      return written;
    },
    loadDataLocal: async (sql, data) => {
      const cursor = connection.cursor();
      await cursor.execute(sql, undefined, { infileStream: data });
      return cursor.rowCount;
    },
    close: async () => {
      await connection.close();
    },
  };
}
