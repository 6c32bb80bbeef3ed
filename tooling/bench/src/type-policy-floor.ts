/*
 * The floor of a `columns` fetch of the mixed table under the type policy (ARCHITECTURE.md §4),
 * for any JS client: no socket and no decoding, only the per-cell objects the policy requires,
 * kept in column arrays the way a result keeps them. Per row: a Date (DATETIME), a Uint8Array
 * over the 64 vector bytes (VARBINARY on MariaDB), the VARCHAR and DECIMAL texts as slices of
 * one decoded text per batch (as @s2/core-cursor builds them), a bigint for the one BIGINT in 16
 * beyond 2^53, and a null or number for the sparse INT; the INT and DOUBLE columns are typed
 * arrays. Retaining these objects (each survives the young generation and is copied out of it)
 * is what the time measures.
 *
 *   pnpm --filter @s2/bench floor            # BENCH_QUICK=1 for a tenth of the rows
 */
import { benchSettings } from './settings.js';

const BATCH_ROWS = 4096;
const VECTOR_BYTES = 64;
const LABEL_CHARACTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ';
const FIRST_CREATED_MS = Date.UTC(2020, 0, 1);
const BEYOND_SAFE = 9_007_199_254_740_993n;

interface MixedColumns {
  readonly id: Int32Array;
  readonly big: unknown[];
  readonly amount: Float64Array;
  readonly price: string[];
  readonly label: string[];
  readonly created: Date[];
  readonly sparse: (number | null)[];
  readonly embedding: Uint8Array[];
}

/** One batch's text as a decoder would have it: labels of 4-40 characters, then the prices. */
function batchText(rows: number): { text: string; labelEnds: Int32Array } {
  const labelEnds = new Int32Array(rows + 1);
  let text = '';
  for (let row = 0; row < rows; row += 1) {
    const length = 4 + ((row * 7) % 37);
    for (let index = 0; index < length; index += 1) {
      text += LABEL_CHARACTERS[(row + index * 13) % LABEL_CHARACTERS.length];
    }
    labelEnds[row + 1] = text.length;
  }
  // Nine characters each (dddd.dddd), so a price's slice is found without offsets.
  for (let row = 0; row < rows; row += 1) {
    text += `${String((row * 7919) % 9999).padStart(4, '0')}.${1000 + (row % 9000)}`;
  }
  return { text, labelEnds };
}

export function materializeMixed(rows: number): MixedColumns {
  const columns: MixedColumns = {
    id: new Int32Array(rows),
    big: new Array<unknown>(rows),
    amount: new Float64Array(rows),
    price: new Array<string>(rows),
    label: new Array<string>(rows),
    created: new Array<Date>(rows),
    sparse: new Array<number | null>(rows),
    embedding: new Array<Uint8Array>(rows),
  };
  const template = batchText(BATCH_ROWS);
  for (let first = 0; first < rows; first += BATCH_ROWS) {
    const count = Math.min(BATCH_ROWS, rows - first);
    // Each batch has its own text and bytes, as each decoded batch does.
    const text = template.text.slice(0, -1) + String(first % 10);
    const labelEnds = template.labelEnds;
    const pricesStart = labelEnds[BATCH_ROWS] as number;
    const vectors = new Uint8Array(count * VECTOR_BYTES);
    for (let offset = 0; offset < count; offset += 1) {
      const row = first + offset;
      columns.id[row] = row + 1;
      columns.big[row] = row % 16 === 15 ? BEYOND_SAFE + BigInt(row) : row * 1024;
      columns.amount[row] = row * 0.5;
      columns.price[row] = text.slice(pricesStart + offset * 9, pricesStart + offset * 9 + 9);
      columns.label[row] = text.slice(labelEnds[offset] as number, labelEnds[offset + 1] as number);
      columns.created[row] = new Date(FIRST_CREATED_MS + row * 1000);
      columns.sparse[row] = row % 10 === 0 ? row : null;
      columns.embedding[row] = vectors.subarray(offset * VECTOR_BYTES, (offset + 1) * VECTOR_BYTES);
    }
  }
  return columns;
}

function main(): void {
  const rows = benchSettings(process.env).mixedRows;
  const runs = 15;
  let kept: MixedColumns | undefined;
  for (let warmUp = 0; warmUp < 3; warmUp += 1) kept = materializeMixed(rows);
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    // The previous result stays alive until this one is built, as in a loop of fetches.
    kept = materializeMixed(rows);
    samples.push(performance.now() - started);
  }
  samples.sort((left, right) => left - right);
  const median = samples[Math.floor(runs / 2)] ?? Number.NaN;
  console.log(
    `type-policy floor, columns of the mixed table (${kept?.id.length} rows): median ${median.toFixed(1)} ms, min ${samples[0]?.toFixed(1)} ms over ${runs} runs`,
  );
}

if (process.argv[1] === import.meta.filename) main();
