import { Readable } from 'node:stream';
import type { ServerFlavour } from '@s2/test-server';
import type { Connection } from 'mysql2/promise';
import type { TableSpec } from './table-spec.js';

/** Lines are joined into chunks so the stream does not pay per line. */
const CHUNK_LINES = 4096;

function* chunked(lines: Iterable<string>): Iterable<Buffer> {
  let batch: string[] = [];
  for (const line of lines) {
    batch.push(line);
    if (batch.length === CHUNK_LINES) {
      yield Buffer.from(batch.join(''));
      batch = [];
    }
  }
  if (batch.length > 0) yield Buffer.from(batch.join(''));
}

/**
 * (Re)creates a table and fills it with LOAD DATA LOCAL from a generated stream, through mysql2:
 * the harness's own setup uses a third-party client so it does not depend on the code measured.
 */
export async function loadTable(
  connection: Connection,
  table: TableSpec,
  flavour: ServerFlavour,
): Promise<void> {
  await connection.query(`DROP TABLE IF EXISTS \`${table.name}\``);
  await connection.query(table.createSql(flavour));
  await connection.query({
    sql: table.loadSql(flavour),
    infileStreamFactory: () => Readable.from(chunked(table.lines(flavour))),
  });
  const [rows] = await connection.query(`SELECT COUNT(*) AS n FROM \`${table.name}\``);
  const count = Number((rows as Array<{ n: number | string }>)[0]?.n);
  if (count !== table.rows) {
    throw new Error(`loading ${table.name} gave ${count} rows, expected ${table.rows}`);
  }
}
