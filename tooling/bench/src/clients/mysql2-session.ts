import type { Readable } from 'node:stream';
import mysql from 'mysql2';
import type { ClientSession, InsertBatches, ServerTarget } from './client-adapter.js';

type Queryable = mysql.Connection | mysql.Pool;

function rowCount(result: unknown): number {
  return Array.isArray(result) ? result.length : 0;
}

function affectedRows(result: unknown): number {
  return (result as { affectedRows?: number }).affectedRows ?? 0;
}

/**
 * mysql2 driven through its callback API: the promise wrapper adds a layer users of the fast path
 * skip, and the streaming path (`query().on('result')`) only exists there.
 */
export function openMysql2(
  target: ServerTarget,
  connections: number,
  rowsAsArray: boolean,
): Promise<ClientSession> {
  const settings: mysql.PoolOptions = {
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
    rowsAsArray,
    // Exact 64-bit integers and decimals, as our own clients give them.
    supportBigNumbers: true,
  };
  const client: Queryable =
    connections > 1
      ? mysql.createPool({ ...settings, connectionLimit: connections })
      : mysql.createConnection(settings);

  const run = (options: mysql.QueryOptions): Promise<unknown> =>
    new Promise((resolve, reject) => {
      client.query(options, (error, result) => (error ? reject(error) : resolve(result)));
    });

  const session: ClientSession = {
    fetchAll: async (sql) => rowCount(await run({ sql })),
    streamAll: (sql) =>
      new Promise((resolve, reject) => {
        let rows = 0;
        client
          .query({ sql })
          .on('result', () => {
            rows += 1;
          })
          .on('error', reject)
          .on('end', () => resolve(rows));
      }),
    insertBatches: async ({ table, columns, batches }: InsertBatches) => {
      let written = 0;
      const sql = `INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(', ')}) VALUES ?`;
      for (const batch of batches) written += affectedRows(await run({ sql, values: [batch] }));
      return written;
    },
    loadDataLocal: async (sql: string, data: Readable) =>
      affectedRows(await run({ sql, infileStreamFactory: () => data })),
    close: () =>
      new Promise<void>((resolve) => {
        client.end(() => resolve());
      }),
  };
  if (connections === 1) {
    return new Promise((resolve, reject) => {
      (client as mysql.Connection).connect((error) => (error ? reject(error) : resolve(session)));
    });
  }
  return Promise.resolve(session);
}
