// Bundled for the browser test: runs queries through @s2/http inside Chromium and leaves a
// JSON-safe summary on window for the test to read.
import { connect } from '../index.js';
import { hasSourceTextReviver } from '../parse-response-json.js';

interface PageConfig {
  url: string;
  user: string;
  password: string;
  database: string;
}

function portable(value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Uint8Array) {
    return `bytes:${Array.from(value, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
  }
  if (value instanceof Date) return `date:${value.toISOString()}`;
  if (Array.isArray(value)) return value.map(portable);
  return value;
}

async function run(config: PageConfig): Promise<unknown> {
  const conn = await connect({
    url: config.url,
    user: config.user,
    password: config.password,
    database: config.database,
  });
  const rows = await conn.query(
    "SELECT ?, 18446744073709551615, -9223372036854775808, CAST(? AS DECIMAL(10,2)), X'cafe', CAST('2024-02-29 01:02:03' AS DATETIME), DATABASE()",
    [9007199254740993n, '1.5'],
  );
  const error = await conn.query('SELECT * FROM missing_table').catch((caught: unknown) => caught);
  await conn.close();
  return {
    ok: true,
    rows: portable(rows),
    error: error instanceof Error ? `${error.name} ${(error as { errno?: number }).errno}` : null,
    sourceTextReviver: hasSourceTextReviver,
  };
}

const config = JSON.parse(decodeURIComponent(location.hash.slice(1))) as PageConfig;
const target = window as unknown as { s2Result?: unknown };
run(config).then(
  (result) => {
    target.s2Result = result;
  },
  (error: unknown) => {
    target.s2Result = { ok: false, error: String(error) };
  },
);
