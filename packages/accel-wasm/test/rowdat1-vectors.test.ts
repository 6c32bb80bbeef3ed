import { describe, expect, test } from 'vitest';
import { createRowdat1Codec, decodeRowdat1, encodeRowdat1 } from '../src/index.js';
import { EXPECTED_VALUES, int64Column, VECTORS } from './rowdat1-fixtures.js';
import { cells, fingerprint, hex, IMPLEMENTATIONS, toHex } from './support.js';

describe.each(IMPLEMENTATIONS)('ROWDAT_1 conformance vectors ($name)', ({ accel }) => {
  test.each(VECTORS)('conformance vector $id decodes and re-encodes byte for byte', (vector) => {
    const bytes = hex(vector.hex);
    expect(bytes.length).toBe(vector.bytes);
    const decoded = decodeRowdat1(vector.types, bytes, { accel });
    const [ids, columns] = EXPECTED_VALUES[vector.id]!;
    expect(Array.from(decoded.rowIds)).toEqual(ids);
    expect(decoded.batch.columns.map(cells)).toEqual(columns);
    const again = encodeRowdat1(vector.types, decoded, {
      accel,
      nullFloat: vector.nullFloat ?? 'zero',
    });
    expect(toHex(again)).toBe(vector.hex);
  });

  test('vector 4 with the default writer: zero payloads for nulls (decision #137)', () => {
    const decoded = decodeRowdat1([5, 8], hex(VECTORS[3]!.hex), { accel });
    expect(toHex(encodeRowdat1([5, 8], decoded, { accel }))).toBe(
      '010000000000000001000000000000000001' + '0000000000000000',
    );
  });

  test('vectors encode from columns built by hand', () => {
    const codec = createRowdat1Codec([8, 254], { accel });
    const body = codec.encode({
      rowIds: BigInt64Array.from([0n, 0n]),
      batch: {
        numRows: 2,
        columns: [
          int64Column([0n, 1n]),
          {
            kind: 'utf8',
            typeCode: 254,
            decimals: 0,
            length: 2,
            nullCount: 0,
            validity: new Uint8Array([3]),
            offsets: Int32Array.from([0, 1, 2]),
            data: new TextEncoder().encode('01'),
          },
        ],
      },
    });
    expect(toHex(body)).toBe(VECTORS[7]!.hex);
    const six = codec.encode({
      rowIds: new BigInt64Array(0),
      batch: {
        numRows: 0,
        columns: [
          int64Column([]),
          {
            kind: 'utf8',
            typeCode: 254,
            decimals: 0,
            length: 0,
            nullCount: 0,
            validity: new Uint8Array(0),
            offsets: new Int32Array(1),
            data: new Uint8Array(0),
          },
        ],
      },
    });
    expect(six.length).toBe(0);
    expect(codec.decode(new Uint8Array(0)).batch.numRows).toBe(0);
  });

  test('fingerprints match between implementations for the conformance vectors', () => {
    for (const vector of VECTORS) {
      const mine = decodeRowdat1(vector.types, hex(vector.hex), { accel });
      const theirs = decodeRowdat1(vector.types, hex(vector.hex), {
        accel: accel === 'ts' ? 'require-wasm' : 'ts',
      });
      expect(fingerprint(mine.batch)).toEqual(fingerprint(theirs.batch));
      expect(Array.from(mine.rowIds)).toEqual(Array.from(theirs.rowIds));
    }
  });
});
