import type { Readable } from 'node:stream';
import * as mariadb from 'mariadb';
import type { ClientSession, InsertBatches, ServerTarget } from './client-adapter.js';

function affectedRows(result: unknown): number {
  if (Array.isArray(result))
    return result.reduce((sum: number, part) => sum + affectedRows(part), 0);
  return Number((result as { affectedRows?: number | bigint }).affectedRows ?? 0);
}

/** The mariadb connector through its promise API, which is its primary one. */
export async function openMariadb(
  target: ServerTarget,
  connections: number,
  rowsAsArray: boolean,
): Promise<ClientSession> {
  const settings: mariadb.ConnectionConfig = {
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
    rowsAsArray,
    permitLocalInfile: true,
  };
  const client =
    connections > 1
      ? mariadb.createPool({ ...settings, connectionLimit: connections, minimumIdle: connections })
      : await mariadb.createConnection(settings);

  const session: ClientSession = {
    fetchAll: async (sql) => {
      const rows: unknown = await client.query({ sql, rowsAsArray });
      return Array.isArray(rows) ? rows.length : 0;
    },
    streamAll: async (sql) => {
      if (!('queryStream' in client)) throw new Error('streaming runs on one connection');
      let rows = 0;
      for await (const _ of client.queryStream({ sql, rowsAsArray })) rows += 1;
      return rows;
    },
    insertBatches: async ({ table, columns, batches }: InsertBatches) => {
      const placeholders = columns.map(() => '?').join(', ');
      const sql = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES (${placeholders})`;
      let written = 0;
      for (const batch of batches) written += affectedRows(await client.batch(sql, batch));
      return written;
    },
    loadDataLocal: async (sql: string, data: Readable) =>
      affectedRows(await client.query({ sql, infileStreamFactory: () => data })),
    close: () => client.end(),
  };
  return session;
}
