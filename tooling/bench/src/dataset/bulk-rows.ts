import type { ServerFlavour } from '@s2/test-server';
import { SeededRandom } from './seeded-random.js';

/** The columns of the bulk-load table: an int, a double and a short string. */
export const BULK_COLUMNS = ['id', 'amount', 'label'] as const;

/**
 * The bulk-load target. On MariaDB it is a MEMORY table (the session must allow it to grow, see
 * `prepareData`), so InnoDB's own write cost does not hide the clients' differences, as the
 * replay server does for reads; other servers get their default table type.
 */
export function bulkTableSql(table: string, flavour: ServerFlavour): string {
  const engine = flavour === 'mariadb' || flavour === 'mysql' ? ' ENGINE=MEMORY' : '';
  return `CREATE TABLE \`${table}\` (id INT NOT NULL, amount DOUBLE NOT NULL, label VARCHAR(32) NOT NULL)${engine}`;
}

function* bulkValues(rows: number): Iterable<[number, number, string]> {
  const random = new SeededRandom(42);
  for (let id = 1; id <= rows; id += 1) {
    yield [id, Math.round(random.next() * 1e8) / 100, `item-${random.int(0, 999_999)}`];
  }
}

/** Rows as arrays, in batches of `batchRows`, for multi-row INSERTs. */
export function* bulkBatches(rows: number, batchRows: number): Iterable<unknown[][]> {
  let batch: unknown[][] = [];
  for (const row of bulkValues(rows)) {
    batch.push(row);
    if (batch.length === batchRows) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** The same rows as tab-separated text, in chunks of `chunkRows` lines, for LOAD DATA LOCAL. */
export function* bulkTextChunks(rows: number, chunkRows: number): Iterable<Buffer> {
  let lines: string[] = [];
  for (const [id, amount, label] of bulkValues(rows)) {
    lines.push(`${id}\t${amount}\t${label}\n`);
    if (lines.length === chunkRows) {
      yield Buffer.from(lines.join(''));
      lines = [];
    }
  }
  if (lines.length > 0) yield Buffer.from(lines.join(''));
}
