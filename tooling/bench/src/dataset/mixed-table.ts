import type { ServerFlavour } from '@s2/test-server';
import { SeededRandom } from './seeded-random.js';
import { loadDataSql, type TableSpec } from './table-spec.js';

const VECTOR_DIMENSIONS = 16;
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ';

/**
 * The mixed workload of the accel-wasm issue: int, bigint, double, decimal, varchar, datetime, a
 * null-heavy int (about 90% NULL) and a 16-float vector. Servers without VECTOR (MariaDB) hold the
 * vector as VARBINARY(64): 16 packed little-endian float32s, the same bytes VECTOR(16) sends.
 */
export function mixedTable(name: string, rows: number): TableSpec {
  return {
    name,
    rows,
    createSql: (flavour) =>
      `CREATE TABLE \`${name}\` (
        id INT NOT NULL PRIMARY KEY,
        big BIGINT NOT NULL,
        amount DOUBLE NOT NULL,
        price DECIMAL(14,4) NOT NULL,
        label VARCHAR(64) NOT NULL,
        created DATETIME NOT NULL,
        sparse INT NULL,
        embedding ${vectorColumnType(flavour)} NOT NULL
      )`,
    loadSql: (flavour) =>
      flavour === 'singlestore'
        ? loadDataSql(name)
        : loadDataSql(
            name,
            '(id, big, amount, price, label, created, sparse, @embedding) SET embedding = UNHEX(@embedding)',
          ),
    lines: (flavour) => mixedLines(rows, flavour),
  };
}

export function vectorColumnType(flavour: ServerFlavour): string {
  return flavour === 'singlestore' ? `VECTOR(${VECTOR_DIMENSIONS})` : 'VARBINARY(64)';
}

function* mixedLines(rows: number, flavour: ServerFlavour): Iterable<string> {
  const random = new SeededRandom(20_261_121);
  const start = Date.UTC(2020, 0, 1) / 1000;
  const vector = new Float32Array(VECTOR_DIMENSIONS);
  const vectorBytes = Buffer.from(vector.buffer);
  for (let id = 1; id <= rows; id += 1) {
    // Every 16th bigint is beyond 2^53, so clients that keep 64-bit integers exact pay for it.
    const big =
      id % 16 === 0
        ? (9_007_199_254_740_993n + BigInt(id)).toString()
        : String(random.int(-2_000_000_000, 2_000_000_000) * 1024);
    const amount = (random.next() * 1e6 - 5e5).toPrecision(15);
    const price = (random.int(0, 999_999_999) / 10_000).toFixed(4);
    let label = '';
    const labelLength = random.int(4, 40);
    for (let i = 0; i < labelLength; i += 1) label += LETTERS[random.int(0, LETTERS.length - 1)];
    const created = new Date((start + random.int(0, 5 * 365 * 86_400)) * 1000)
      .toISOString()
      .slice(0, 19)
      .replace('T', ' ');
    const sparse = random.next() < 0.9 ? '\\N' : String(random.int(0, 1_000_000));
    for (let i = 0; i < VECTOR_DIMENSIONS; i += 1) vector[i] = random.next() * 2 - 1;
    const embedding =
      flavour === 'singlestore' ? `[${Array.from(vector).join(',')}]` : vectorBytes.toString('hex');
    yield `${id}\t${big}\t${amount}\t${price}\t${label.trim() || 'x'}\t${created}\t${sparse}\t${embedding}\n`;
  }
}
