import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeRowdat1, encodeRowdat1, RowEncodeError } from '../src/index.js';
import { encodeCase } from './arbitraries-rowdat.js';
import { FUZZ_TIMEOUT, fuzzChunks, RUNS, same, yieldToEventLoop } from './fuzz.js';
import { toHex } from './support.js';

const CASES = Math.round(RUNS * 0.2);

describe('the two implementations agree', () => {
  test.each(fuzzChunks(CASES))(
    `ROWDAT_1 encoding and decode(encode(x)), random batches $from–$to of ${CASES}`,
    async ({ parameters }) => {
      fc.assert(
        fc.property(encodeCase, ({ types, rowIds, columns, nullFloat, length }) => {
          const rows = { rowIds, batch: { numRows: length, columns } };
          const run = (accel: 'ts' | 'require-wasm') => {
            try {
              return { hex: toHex(encodeRowdat1(types, rows, { accel, nullFloat })) };
            } catch (error) {
              if (!(error instanceof RowEncodeError)) throw error;
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
          const ts = run('ts');
          same(run('require-wasm'), ts);
          if (ts.hex !== undefined) {
            const body = Uint8Array.from(Buffer.from(ts.hex, 'hex'));
            const decoded = decodeRowdat1(types, body, { accel: 'ts' });
            expect(toHex(encodeRowdat1(types, decoded, { accel: 'ts', nullFloat }))).toBe(ts.hex);
          }
        }),
        parameters,
      );
      await yieldToEventLoop();
    },
    FUZZ_TIMEOUT,
  );
});
