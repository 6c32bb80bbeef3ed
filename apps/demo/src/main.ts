import { randomBytes } from 'node:crypto';
import { type DataApiServer, startDataApiServer } from '@s2/data-api-server';
import { activeImplementation, connect, type LocalServer, server } from '@s2/sdk';
import { demoRows, demoTableSql } from './demo-rows.js';
import { progressBar } from './progress-bar.js';
import { Timings } from './timings.js';

const rowCount = Number(process.env.S2_DEMO_ROWS ?? 100_000);
const timings = new Timings();

function heading(text: string): void {
  console.log(`\n== ${text}`);
}

async function main(): Promise<void> {
  const givenUrl = process.env.SINGLESTOREDB_URL;
  let local: LocalServer | undefined;
  let dataApi: DataApiServer | undefined;
  const database = `s2_demo_${randomBytes(3).toString('hex')}`;

  heading('Server');
  if (givenUrl) {
    console.log('  SINGLESTOREDB_URL is set: using that server.');
  } else {
    local = await timings.measure('start a throwaway local server', () => server.local.start());
    console.log(
      `  SINGLESTOREDB_URL is not set: started a throwaway MariaDB on port ${local.port}.`,
    );
    console.log(
      '  (It is MariaDB, not SingleStore: VECTOR and BSON columns need a real SingleStore.)',
    );
  }
  const baseUrl = givenUrl ?? local!.connectionUrl;

  try {
    const admin = await connect(baseUrl);
    await admin.exec(`CREATE DATABASE \`${database}\``);
    await admin.close();

    const conn = await timings.measure('connect over the MySQL protocol', () =>
      connect({ url: baseUrl, database, localInfile: true }),
    );
    const [version] = (await conn.query('SELECT VERSION()')) as unknown[][];
    console.log(`  connected: ${String(version?.[0])}, database ${database}`);

    heading(
      `Bulk load: ${rowCount.toLocaleString('en-US')} rows through LOAD DATA LOCAL from a stream`,
    );
    await conn.exec(demoTableSql);
    const bar = progressBar(rowCount, 'loading');
    const loaded = await timings.measure('LOAD DATA LOCAL from an async generator', async () => {
      const cursor = conn.cursor();
      await cursor.execute(
        "LOAD DATA LOCAL INFILE ':stream:' INTO TABLE events FIELDS TERMINATED BY '\\t'",
        undefined,
        { infileStream: demoRows(rowCount, (sent) => bar.update(sent)) },
      );
      return cursor.rowCount;
    });
    bar.finish();
    console.log(`  ${loaded.toLocaleString('en-US')} rows loaded`);

    heading('Read back, in three shapes from one columnar decode');
    const tuples = (await timings.measure('SELECT * as tuples (arrays)', () =>
      conn.query('SELECT * FROM events ORDER BY id'),
    )) as unknown[][];
    console.log(
      `  tuples: ${tuples.length.toLocaleString('en-US')} rows; first: ${JSON.stringify(tuples[0], jsonSafe)}`,
    );

    const dictsCursor = conn.cursor({ resultsType: 'dicts' });
    const dicts = await timings.measure('SELECT * as dicts (objects)', async () => {
      await dictsCursor.execute('SELECT * FROM events ORDER BY id');
      return dictsCursor.fetchAll();
    });
    console.log(
      `  dicts: ${dicts.length.toLocaleString('en-US')} rows; first: ${JSON.stringify(dicts[0], jsonSafe)}`,
    );

    const arrowCursor = conn.cursor({ resultsType: 'arrow' });
    const table = await timings.measure('SELECT * as an Arrow table', async () => {
      await arrowCursor.execute('SELECT * FROM events ORDER BY id');
      return arrowCursor.fetchAll();
    });
    const fields = table.schema.fields.map((field) => `${field.name}: ${field.type}`).join(', ');
    console.log(
      `  arrow: ${table.numRows.toLocaleString('en-US')} rows × ${table.numCols} columns (${fields})`,
    );
    console.log(`  rows were decoded by the ${activeImplementation()} row parser`);
    if (tuples.length !== rowCount || dicts.length !== rowCount || table.numRows !== rowCount) {
      throw new Error(`expected ${rowCount} rows in every shape`);
    }

    heading('SHOW TABLES through conn.show');
    console.log(String(await conn.show.tables()));

    heading('The same query over the Data API (HTTP)');
    const summarySql =
      'SELECT label, COUNT(*) AS events, SUM(amount) AS total, MAX(id) AS last_id FROM events GROUP BY label ORDER BY label';
    const overWire = await conn.query(summarySql);
    dataApi = await startDataApiServer({ target: baseUrl, log: false });
    const httpUrl = `http://root:@127.0.0.1:${dataApi.port}/${database}`;
    const http = await connect(process.env.S2_DEMO_DATA_API_URL ?? httpUrl);
    const overHttp = await timings.measure('aggregate over HTTP', () => http.query(summarySql));
    console.log(`  local Data API server at ${dataApi.url}`);
    for (const row of overHttp as unknown[][])
      console.log(`  ${row.map((value) => String(value)).join('  ')}`);
    const extremesSql =
      'SELECT CAST(18446744073709551615 AS UNSIGNED) AS max_u64, -9223372036854775808 AS min_i64';
    const [wireExtremes] = (await conn.query(extremesSql)) as unknown[][];
    const [httpExtremes] = (await http.query(extremesSql)) as unknown[][];
    await http.close();
    console.log(
      `  64-bit extremes over the wire: ${wireExtremes?.map(String).join(', ')}; over HTTP: ${httpExtremes?.map(String).join(', ')}`,
    );
    const same =
      JSON.stringify(overWire, jsonSafe) === JSON.stringify(overHttp, jsonSafe) &&
      JSON.stringify(wireExtremes, jsonSafe) === JSON.stringify(httpExtremes, jsonSafe);
    console.log(
      `  identical to the wire result, BIGINT and DECIMAL included: ${same ? 'yes' : 'NO'}`,
    );
    if (!same) throw new Error('the Data API returned different values than the wire protocol');

    await conn.exec(`DROP DATABASE \`${database}\``);
    await conn.close();
  } finally {
    await dataApi?.stop();
    await local?.stop();
  }

  heading('Timings');
  console.log(timings.toString());
}

function jsonSafe(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value;
}

main().catch((error: unknown) => {
  console.error(`\ndemo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
