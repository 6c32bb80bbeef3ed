/**
 * Lossless parse of a `/query/tuples` answer into a ColumnBatch, against plain `JSON.parse` of
 * the same text (issue #9: at most 1.5×). Run: `npx tsx --conditions=source bench/parse.bench.ts`.
 */
import { parseResponseJson } from '../src/parse-response-json.js';
import { tuplesResults } from '../src/tuples-results.js';

const ROWS = 200_000;
const RUNS = 5;
const COLUMNS = [
  { name: 'i', dataType: 'INT', nullable: false },
  { name: 'bi', dataType: 'BIGINT', nullable: true },
  { name: 'd', dataType: 'DOUBLE', nullable: true },
  { name: 'de', dataType: 'DECIMAL(14,4)', nullable: true },
  { name: 'vc', dataType: 'VARCHAR', nullable: true },
  { name: 'dtm', dataType: 'DATETIME', nullable: true },
  { name: 'sparse', dataType: 'INT', nullable: true },
  { name: 'v', dataType: 'VECTOR(16, F32)', nullable: true },
];

/** A deterministic pseudo-random source, so that every run parses the same text. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function responseText(wideBigints: boolean): string {
  const random = generator(42);
  const rows: string[] = [];
  for (let row = 0; row < ROWS; row++) {
    // As in tooling/bench's mixed table: every 16th BIGINT beyond 2^53 in the wide variant.
    const bigint =
      wideBigints && row % 16 === 0
        ? (9_007_199_254_740_993n + BigInt(row)).toString()
        : String(Math.floor(random() * 4e9 - 2e9) * 1024);
    const vector = Array.from({ length: 16 }, () => String(Math.fround(random() * 2 - 1)));
    const second = String(row % 60).padStart(2, '0');
    const cells = [
      String(row),
      bigint,
      (random() * 1e6 - 5e5).toPrecision(15),
      JSON.stringify((Math.floor(random() * 1e9) / 1e4).toFixed(4)),
      JSON.stringify(`name ${row} ✓ "${(random() * 1e4).toFixed(0)}"`),
      JSON.stringify(`2024-02-${String(1 + (row % 28)).padStart(2, '0')} 12:34:${second}`),
      row % 10 === 0 ? String(row) : 'null',
      `[${vector.join(',')}]`,
    ];
    rows.push(`[${cells.join(',')}]`);
  }
  return `{"results":[{"columns":${JSON.stringify(COLUMNS)},"rows":[${rows.join(',')}]}]}`;
}

function milliseconds(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

for (const wideBigints of [false, true]) {
  const text = responseText(wideBigints);
  const plain: number[] = [];
  const lossless: number[] = [];
  // Interleaved, so that noise from other processes hits both sides alike.
  for (let run = 0; run < RUNS; run++) {
    plain.push(milliseconds(() => JSON.parse(text)));
    lossless.push(milliseconds(() => tuplesResults(parseResponseJson(text))));
  }
  const plainMedian = median(plain);
  const losslessMedian = median(lossless);
  console.log(
    `${wideBigints ? 'every 16th BIGINT > 2^53' : 'no BIGINT > 2^53'}: ${(text.length / 1e6).toFixed(1)} MB, ` +
      `JSON.parse ${plainMedian.toFixed(0)} ms, @s2/http ${losslessMedian.toFixed(0)} ms, ` +
      `ratio ${(losslessMedian / plainMedian).toFixed(2)}× (median of ${RUNS})`,
  );
}
