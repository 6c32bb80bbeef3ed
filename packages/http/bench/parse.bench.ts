/**
 * Lossless parse of a `/query/tuples` answer into the rows a tuples cursor hands out, against
 * plain `JSON.parse` of the same text (issue #9: at most 1.5×). Run:
 * `npx tsx --conditions=source bench/parse.bench.ts [vector|varbinary]` (default both).
 */
import { resolveValueOptions, toTuples } from '@s2/core-cursor';
import { parseResponseJson } from '../src/parse-response-json.js';
import { tuplesResults } from '../src/tuples-results.js';
import { mixedAnswer, type VectorForm } from './mixed-answer.js';

const RUNS = 5;
const options = resolveValueOptions();

function milliseconds(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** What `cursor.fetchAll()` does with the answer of a tuples cursor, minus the HTTP. */
function rowsOf(text: string): unknown[] {
  const [result] = tuplesResults(parseResponseJson(text));
  return result?.kind === 'rows' ? toTuples(result.batches, options) : [];
}

const forms: VectorForm[] = process.argv[2]
  ? [process.argv[2] as VectorForm]
  : ['varbinary', 'vector'];
for (const form of forms) {
  for (const wideBigints of [false, true]) {
    const text = mixedAnswer(wideBigints, form);
    const plain: number[] = [];
    const lossless: number[] = [];
    // Interleaved, so that noise from other processes hits both sides alike.
    for (let run = 0; run < RUNS; run++) {
      plain.push(milliseconds(() => JSON.parse(text)));
      lossless.push(milliseconds(() => rowsOf(text)));
    }
    const plainMedian = median(plain);
    const losslessMedian = median(lossless);
    console.log(
      `${form}, ${wideBigints ? 'every 16th BIGINT > 2^53' : 'no BIGINT > 2^53'}: ` +
        `${(text.length / 1e6).toFixed(1)} MB, JSON.parse ${plainMedian.toFixed(0)} ms ` +
        `(min ${Math.min(...plain).toFixed(0)}), @s2/http rows ${losslessMedian.toFixed(0)} ms ` +
        `(min ${Math.min(...lossless).toFixed(0)}), ratio ${(losslessMedian / plainMedian).toFixed(2)}× ` +
        `(medians of ${RUNS})`,
    );
  }
}
