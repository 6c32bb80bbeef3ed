import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeRowdat1, encodeRowdat1, RowEncodeError } from '../src/index.js';
import { encodeCase } from './arbitraries-rowdat.js';
import { fuzzParameters, fuzzTimeout, RUNS, same } from './fuzz.js';
import { toHex } from './support.js';

const CASES = Math.round(RUNS * 0.2);

describe('the two implementations agree', () => {
  test(
    `ROWDAT_1 encoding: ${CASES} random batches, and decode(encode(x)) round-trips`,
    () => {
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
        fuzzParameters(CASES),
      );
    },
    fuzzTimeout(CASES),
  );
});
