import type { DataApiServer } from '@s2/data-api-server';
import { useTestDatabase } from '@s2/test-server';
import { connect as connectWire } from '@s2/wire';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './index.js';
import { dataApiUrl, startLocalDataApi } from './test-support/local-data-api.js';

const database = useTestDatabase();
let server: DataApiServer;
const SELECT = 'SELECT id, d, dt, dt6, ts, dn FROM zero_dates ORDER BY id';

beforeAll(async () => {
  server = await startLocalDataApi(database.url);
  const wire = await connectWire(database.url);
  // Zero dates need a sql_mode without NO_ZERO_DATE / strict mode, as in older schemas.
  await wire.query("SET SESSION sql_mode = ''");
  await wire.query(`CREATE TABLE zero_dates (id INT PRIMARY KEY, d DATE NOT NULL,
    dt DATETIME NOT NULL, dt6 DATETIME(6) NOT NULL, ts TIMESTAMP NOT NULL DEFAULT '0000-00-00 00:00:00',
    dn DATE NULL)`);
  await wire.query(`INSERT INTO zero_dates VALUES
    (1, '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00.000000', '0000-00-00 00:00:00', '0000-00-00'),
    (2, '2024-02-29', '2024-02-29 01:02:03', '2024-02-29 01:02:03.000004', '2024-02-29 01:02:03', NULL)`);
  await wire.close();
});
afterAll(async () => {
  await server?.stop();
});

describe('zero dates', () => {
  it('arrive as the zero-date text in NOT NULL columns of the Data API answer', async () => {
    const target = new URL(database.url);
    const response = await fetch(`${server.url}/api/v2/query/tuples`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${btoa(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`)}`,
      },
      body: JSON.stringify({ sql: SELECT, database: database.name }),
    });
    const { results } = (await response.json()) as { results: [{ rows: unknown[][] }] };
    expect(results[0].rows[0]).toEqual([
      1,
      '0000-00-00',
      '0000-00-00 00:00:00',
      '0000-00-00 00:00:00.000000',
      '0000-00-00 00:00:00',
      null,
    ]);
  });

  async function readBoth(dates: 'date' | 'string') {
    const withDates = (url: string) => `${url}${url.includes('?') ? '&' : '?'}dates=${dates}`;
    const wire = await connectWire(withDates(database.url));
    const http = await connect(withDates(dataApiUrl(server, database.url)));
    const overWire = (await wire.query(SELECT)) as unknown[][];
    const overHttp = (await http.query(SELECT)) as unknown[][];
    await Promise.all([wire.close(), http.close()]);
    return { overWire, overHttp };
  }

  it('read as null over HTTP, as over the wire, whatever the dates option', async () => {
    for (const dates of ['date', 'string'] as const) {
      const { overWire, overHttp } = await readBoth(dates);
      expect({ dates, row: overHttp[0] }).toEqual({ dates, row: overWire[0] });
      expect(overHttp[0]).toEqual([1, null, null, null, null, null]);
    }
    const { overWire, overHttp } = await readBoth('date');
    expect(overHttp).toEqual(overWire);
    expect(overHttp[1]?.[1]).toEqual(new Date('2024-02-29T00:00:00Z'));
  });

  it('keeps DATETIME(6) microseconds with dates: string, as the wire does', async () => {
    const { overWire, overHttp } = await readBoth('string');
    expect(overHttp[1]).toEqual(overWire[1]);
  });
});
