import type { Implementation } from '../row-decoder-types.js';
import { decodeRowdat1 } from './rowdat1-decode.js';
import { encodeRowdat1 } from './rowdat1-encode.js';
import { decodeTextRows } from './text-decoder.js';

/** The pure TypeScript implementation: always available, identical results to the wasm one. */
export const tsImplementation: Implementation = {
  name: 'ts',
  decodeText: decodeTextRows,
  decodeRowdat1,
  encodeRowdat1,
};
