import fc from 'fast-check';
import { describe, test } from 'vitest';
import { decodeRowdat1, RowDecodeError } from '../src/index.js';
import { rowdatCase } from './arbitraries-rowdat.js';
import { FUZZ_TIMEOUT, fuzzChunks, RUNS, same, yieldToEventLoop } from './fuzz.js';
import { fingerprint } from './support.js';

const CASES = Math.round(RUNS * 0.4);

describe('the two implementations agree', () => {
  test.each(fuzzChunks(CASES))(
    `ROWDAT_1 decoding, random bodies $from–$to of ${CASES}`,
    async ({ parameters }) => {
      fc.assert(
        fc.property(rowdatCase, ({ types, body }) => {
          const run = (accel: 'ts' | 'require-wasm') => {
            try {
              const result = decodeRowdat1(types, body, { accel });
              return { ids: Array.from(result.rowIds, String), batch: fingerprint(result.batch) };
            } catch (error) {
              if (!(error instanceof RowDecodeError)) throw error;
              return {
                error: {
                  code: error.code,
                  row: error.row,
                  column: error.column,
                  message: error.message,
                },
              };
            }
          };
          same(run('require-wasm'), run('ts'));
        }),
        parameters,
      );
      await yieldToEventLoop();
    },
    FUZZ_TIMEOUT,
  );
});
