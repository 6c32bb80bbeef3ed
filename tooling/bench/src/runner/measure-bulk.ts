import { Readable } from 'node:stream';
import mysql from 'mysql2/promise';
import type { ClientSession, ServerTarget } from '../clients/client-adapter.js';
import { NotAvailableError } from '../clients/client-adapter.js';
import { BULK_COLUMNS, bulkBatches, bulkTextChunks } from '../dataset/bulk-rows.js';

/**
 * Loads `rows` rows into an emptied table `runs` times (after one warm-up at a tenth of the size)
 * and returns the milliseconds of each run. Generating the rows is part of the time for every
 * client alike, as it is for users; emptying the table and counting the rows are not.
 */
export async function measureBulk(
  session: ClientSession,
  method: 'insert' | 'load-data',
  target: ServerTarget,
  table: string,
  rows: number,
  batchRows: number,
  runs: number,
): Promise<{ samples: number[]; extras: Record<string, number[]> }> {
  const { insertBatches, loadDataLocal } = session;
  const load =
    method === 'insert'
      ? insertBatches &&
        ((count: number) =>
          insertBatches({ table, columns: BULK_COLUMNS, batches: bulkBatches(count, batchRows) }))
      : loadDataLocal &&
        ((count: number) =>
          loadDataLocal(
            `LOAD DATA LOCAL INFILE ':stream:' INTO TABLE \`${table}\` (${BULK_COLUMNS.join(', ')})`,
            Readable.from(bulkTextChunks(count, batchRows)),
          ));
  if (!load) throw new NotAvailableError(`this client has no ${method} path`);
  const admin = await mysql.createConnection({ ...target });
  try {
    // TRUNCATE re-creates a MEMORY table with this session's size limit (16 MB by default);
    // servers without the variable (or without MEMORY tables) refuse it, which is harmless.
    await admin.query('SET SESSION max_heap_table_size = 1073741824').catch(() => {});
    const loadOnce = async (count: number) => {
      await admin.query(`TRUNCATE TABLE \`${table}\``);
      const started = performance.now();
      await load(count);
      const elapsed = performance.now() - started;
      const [result] = await admin.query(`SELECT COUNT(*) AS n FROM \`${table}\``);
      const written = Number((result as Array<{ n: number }>)[0]?.n);
      if (written !== count) throw new Error(`loaded ${written} rows, expected ${count}`);
      return elapsed;
    };
    await loadOnce(Math.max(1, Math.floor(rows / 10)));
    const samples: number[] = [];
    const rowsPerSecond: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const elapsed = await loadOnce(rows);
      samples.push(elapsed);
      rowsPerSecond.push(rows / (elapsed / 1000));
    }
    return { samples, extras: { rowsPerSecond } };
  } finally {
    await admin.end();
  }
}
