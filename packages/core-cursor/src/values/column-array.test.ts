import { describe, expect, it } from 'vitest';
import type { ColumnBatch, ColumnVector } from '../column-batch.js';
import { ColumnBatchBuilder, type ColumnSpec } from '../column-batch-builder.js';
import { columnArray, columnValuesInto } from './column-array.js';
import { columnReader } from './column-values.js';
import { resolveValueOptions, type ValueOptions } from './value-options.js';

/** A small deterministic generator, so a failure names a reproducible case. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

const INT64_EDGES = [
  0n,
  1n,
  -1n,
  2n ** 53n - 1n,
  2n ** 53n,
  2n ** 53n + 1n,
  -(2n ** 53n) + 1n,
  -(2n ** 53n),
  -(2n ** 53n) - 1n,
  2n ** 32n,
  2n ** 32n - 1n,
  -(2n ** 32n),
  2n ** 63n - 1n,
  -(2n ** 63n),
];
const UINT64_EDGES = [0n, 1n, 2n ** 53n - 1n, 2n ** 53n, 2n ** 63n, 2n ** 64n - 1n, 2n ** 32n + 5n];
const MICROS_EDGES = [
  0n,
  -1n,
  1n,
  999n,
  -999n,
  -1000n,
  -1001n,
  1_700_000_000_123_456n,
  -62_135_596_800_000_000n,
  253_402_300_799_999_999n,
  -2_208_988_800_000_001n,
];
const TEXTS = ['', 'a', 'plain ascii text', 'héllo', '日本語のテキスト', '😀 emoji', 'tab\there'];

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

function valueFor(spec: ColumnSpec, random: () => number, texts: readonly string[]): unknown {
  switch (spec.kind) {
    case 'int32':
      return Math.floor(random() * 4_294_967_296) - 2_147_483_648;
    case 'float64':
      return (random() - 0.5) * 1e12;
    case 'int64':
      return random() < 0.5 ? pick(random, INT64_EDGES) : BigInt(Math.floor(random() * 1e15));
    case 'uint64':
      return pick(random, UINT64_EDGES);
    case 'decimal':
      return (Math.floor(random() * 1e9) / 1e4).toFixed(4);
    case 'date':
      return new Date(
        Date.UTC(1900 + Math.floor(random() * 300), 0, 1 + Math.floor(random() * 365)),
      );
    case 'timestamp':
      return pick(random, MICROS_EDGES);
    case 'binary':
      return Uint8Array.from({ length: Math.floor(random() * 20) }, () =>
        Math.floor(random() * 256),
      );
    default:
      return pick(random, texts);
  }
}

const SPECS: readonly ColumnSpec[] = [
  { kind: 'int32', typeCode: 3 },
  { kind: 'float64', typeCode: 5 },
  { kind: 'int64', typeCode: 8 },
  { kind: 'uint64', typeCode: 8 },
  { kind: 'decimal', typeCode: 246, decimals: 4 },
  { kind: 'date', typeCode: 10 },
  { kind: 'timestamp', typeCode: 12, decimals: 6 },
  { kind: 'timestamp', typeCode: 12, decimals: 0 },
  { kind: 'time', typeCode: 11 },
  { kind: 'utf8', typeCode: 253 },
  { kind: 'utf8', typeCode: 245 },
  { kind: 'binary', typeCode: 252 },
  { kind: 'vector', typeCode: 3001, dims: 3, vectorElement: 'f32' },
];

function batchOf(spec: ColumnSpec, rows: number, seed: number, ascii: boolean): ColumnBatch {
  const random = randomSource(seed);
  const texts =
    spec.typeCode === 245
      ? ['{"a":1}', '[1,2,9007199254740993]', '"x"', 'null']
      : spec.kind === 'time'
        ? ['10:11:12', '-838:59:59.000000', '00:00:00.5']
        : ascii
          ? TEXTS.filter((text) => [...text].every((char) => char.charCodeAt(0) < 0x80))
          : TEXTS;
  const builder = new ColumnBatchBuilder([spec]);
  for (let row = 0; row < rows; row += 1) {
    const value =
      random() < 0.2
        ? null
        : spec.kind === 'vector'
          ? [random(), random(), random()]
          : valueFor(spec, random, texts);
    builder.appendRow([value]);
  }
  return builder.build();
}

function readerValues(column: ColumnVector, options: ValueOptions): unknown[] {
  const read = columnReader(column, options);
  return Array.from({ length: column.length }, (_unused, row) => read(row));
}

const OPTION_SETS: Partial<ValueOptions>[] = [
  {},
  { bigint: 'bigint' },
  { bigint: 'string' },
  { bigint: 'number' },
  { decimal: 'number', dates: 'string', parseJson: false, vectorFormat: 'json' },
];

describe('columnArray', () => {
  for (const spec of SPECS) {
    for (const ascii of [true, false]) {
      it(`gives the reader's values for ${spec.kind} (type ${spec.typeCode}, decimals ${spec.decimals ?? 0})${ascii ? ', ASCII text' : ''}`, () => {
        for (let seed = 1; seed <= 20; seed += 1) {
          const column = batchOf(spec, 1 + seed * 7, seed, ascii).columns[0] as ColumnVector;
          for (const given of OPTION_SETS) {
            const options = resolveValueOptions(given);
            expect(columnArray(column, options)).toStrictEqual(readerValues(column, options));
          }
        }
      });
    }
  }

  it('writes at an offset, leaving the rest of the target alone', () => {
    const options = resolveValueOptions();
    for (const spec of SPECS) {
      const column = batchOf(spec, 30, 5, false).columns[0] as ColumnVector;
      const out = new Array<unknown>(40).fill('untouched');
      columnValuesInto(column, out, 7, options);
      expect(out.slice(0, 7)).toStrictEqual(new Array(7).fill('untouched'));
      expect(out.slice(37)).toStrictEqual(new Array(3).fill('untouched'));
      expect(out.slice(7, 37)).toStrictEqual(readerValues(column, options));
    }
  });

  it('decodes invalid UTF-8 cell by cell, as the reader does', () => {
    const data = Uint8Array.of(0x61, 0xe2, 0x82, 0x62, 0xe2, 0x82, 0xac, 0x80, 0x41);
    const column: ColumnVector = {
      kind: 'utf8',
      typeCode: 253,
      decimals: 0,
      length: 4,
      nullCount: 0,
      validity: Uint8Array.of(0x0f),
      offsets: Int32Array.of(0, 2, 4, 7, 9),
      data,
    };
    const options = resolveValueOptions();
    expect(columnArray(column, options)).toStrictEqual(readerValues(column, options));
  });

  it('keeps a leading U+FEFF, and reads a character split across two cells as each cell alone', () => {
    const euro = [0xe2, 0x82, 0xac];
    const data = Uint8Array.of(
      0xef,
      0xbb,
      0xbf,
      0x41,
      ...euro,
      0xf0,
      0x9f,
      0x98,
      0x80,
      0x42,
      0xe2,
      0x82,
      0xac,
    );
    const column = (offsets: number[]): ColumnVector => ({
      kind: 'utf8',
      typeCode: 253,
      decimals: 0,
      length: offsets.length - 1,
      nullCount: 0,
      validity: Uint8Array.of(0xff),
      offsets: Int32Array.from(offsets),
      data,
    });
    const options = resolveValueOptions();
    const whole = column([0, 4, 7, 12, 15]);
    expect(columnArray(whole, options)).toStrictEqual(['\ufeffA', '€', '😀B', '€']);
    const split = column([0, 4, 5, 7, 12, 15]);
    expect(columnArray(split, options)).toStrictEqual(readerValues(split, options));
    expect(columnArray(split, options)[1]).toBe('\ufffd');
  });

  it('gives binary cells that do not share bytes with the batch or each other', () => {
    const column = batchOf(SPECS[11] as ColumnSpec, 50, 3, true).columns[0] as ColumnVector;
    const values = columnArray(column, resolveValueOptions()) as (Uint8Array | null)[];
    const first = values.findIndex((value) => value !== null && value.length > 0);
    const cell = values[first] as Uint8Array;
    const before = values.map((value) => (value === null ? null : value.slice()));
    cell.fill(0xee);
    const again = columnArray(column, resolveValueOptions()) as (Uint8Array | null)[];
    expect(again[first]).toStrictEqual(before[first]);
    values.forEach((value, index) => {
      if (index !== first) expect(value).toStrictEqual(before[index]);
    });
  });
});
