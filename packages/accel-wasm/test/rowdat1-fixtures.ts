import type { ColumnVector } from '../src/index.js';

/** external-functions.md §5.4, verbatim. */
export const VECTORS = [
  {
    id: '1',
    types: [8, 5, 254, 254],
    bytes: 46,
    hex: '0700000000000000002a0000000000000000000000000000f83f0002000000000000006869010000000000000000',
  },
  {
    id: '2',
    types: [-8, -254],
    bytes: 54,
    hex: '000000000000000000ffffffffffffffff00020000000000000000ff0100000000000000010000000000000000010000000000000000',
  },
  {
    id: '3',
    types: [12, 10, 11, 246],
    bytes: 51,
    hex: '030000000000000000f55b5a104304fa0100e6d634010000000000bb0f10a6c5ffffff0007000000000000002d31322e333435',
  },
  {
    id: '4',
    types: [5, 8],
    bytes: 26,
    hex: '010000000000000001000000000000f87f010000000000000000',
    nullFloat: 'nan' as const,
  },
  {
    id: '5a',
    types: [254],
    bytes: 40,
    hex: '000000000000000000060000000000000068c3a96c6c6f0100000000000000010000000000000000',
  },
  {
    id: '5b',
    types: [254],
    bytes: 40,
    hex: '000000000000000000060000000000000048c3894c4c4f0100000000000000010000000000000000',
  },
  { id: '6a', types: [8], bytes: 17, hex: '0000000000000000000200000000000000' },
  {
    id: '6b',
    types: [8, 254],
    bytes: 54,
    hex: '000000000000000000000000000000000000010000000000000030000000000000000000010000000000000000010000000000000031',
  },
];

export const EXPECTED_VALUES: Record<string, [bigint[], unknown[][]]> = {
  '1': [[7n], [[42n], [1.5], ['hi'], [null]]],
  '2': [
    [0n, 1n],
    [
      [2n ** 64n - 1n, null],
      [[0, 255], null],
    ],
  ],
  '3': [
    [3n],
    [
      [BigInt(Date.parse('2024-01-02T03:04:05Z')) * 1000n + 678901n],
      [Date.parse('2024-01-02T00:00:00Z') / 864e5],
      ['-25:06:17.000005'],
      ['-12.345'],
    ],
  ],
  '4': [[1n], [[null], [null]]],
  '5a': [[0n, 1n], [['héllo', null]]],
  '5b': [[0n, 1n], [['HÉLLO', null]]],
  '6a': [[0n], [[2n]]],
  '6b': [
    [0n, 0n],
    [
      [0n, 1n],
      ['0', '1'],
    ],
  ],
};

export const int64Column = (
  values: bigint[],
  kind: 'int64' | 'uint64' = 'int64',
): ColumnVector => ({
  kind,
  typeCode: 8,
  decimals: 0,
  length: values.length,
  nullCount: 0,
  validity: new Uint8Array([0xff]),
  values: kind === 'int64' ? BigInt64Array.from(values) : BigUint64Array.from(values),
});
