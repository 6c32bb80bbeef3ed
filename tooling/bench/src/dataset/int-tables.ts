import { SeededRandom } from './seeded-random.js';
import { loadDataSql, type TableSpec } from './table-spec.js';

/** Two INT columns: the narrow, row-count-bound workload. */
export function twoIntTable(name: string, rows: number): TableSpec {
  return {
    name,
    rows,
    createSql: () => `CREATE TABLE \`${name}\` (a INT NOT NULL, b INT NOT NULL)`,
    loadSql: () => loadDataSql(name),
    lines: () => twoIntLines(rows),
  };
}

function* twoIntLines(rows: number): Iterable<string> {
  const random = new SeededRandom(7);
  for (let a = 1; a <= rows; a += 1) {
    yield `${a}\t${random.int(-2_000_000_000, 2_000_000_000)}\n`;
  }
}

export const WIDE_COLUMNS = 100;

/** One hundred INT columns: the wide workload, where per-column cost dominates. */
export function wideIntTable(name: string, rows: number): TableSpec {
  const columns = Array.from({ length: WIDE_COLUMNS }, (_, i) => `c${i + 1} INT NOT NULL`);
  return {
    name,
    rows,
    createSql: () => `CREATE TABLE \`${name}\` (${columns.join(', ')})`,
    loadSql: () => loadDataSql(name),
    lines: () => wideLines(rows),
  };
}

function* wideLines(rows: number): Iterable<string> {
  const random = new SeededRandom(100);
  const values: number[] = new Array(WIDE_COLUMNS).fill(0);
  for (let row = 0; row < rows; row += 1) {
    for (let i = 0; i < WIDE_COLUMNS; i += 1) values[i] = random.int(-1_000_000, 1_000_000);
    yield `${values.join('\t')}\n`;
  }
}
