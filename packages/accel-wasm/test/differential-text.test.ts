import fc from 'fast-check';
import { describe, test } from 'vitest';
import { createRowDecoder } from '../src/index.js';
import { textCase } from './arbitraries-text.js';
import { FUZZ_TIMEOUT, fuzzChunks, onlyRowErrors, RUNS, same, yieldToEventLoop } from './fuzz.js';
import { chunk, outcome } from './support.js';

const CASES = RUNS;

describe('the two implementations agree', () => {
  test.each(fuzzChunks(CASES))(
    `text protocol, random cases $from–$to of ${CASES}`,
    async ({ parameters }) => {
      fc.assert(
        fc.property(textCase, ({ specs, decimal, invalidDates, firstRow, payloads }) => {
          const { data, bounds } = chunk(payloads, 1);
          const run = (accel: 'ts' | 'require-wasm') =>
            outcome(() =>
              createRowDecoder(specs, { accel, decimal, invalidDates }).decode(
                data,
                bounds,
                firstRow,
              ),
            );
          const ts = run('ts');
          const wasm = run('require-wasm');
          onlyRowErrors(ts);
          same(wasm, ts);
        }),
        parameters,
      );
      await yieldToEventLoop();
    },
    FUZZ_TIMEOUT,
  );
});
