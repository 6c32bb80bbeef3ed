import { describe, expect, it } from 'vitest';
import { ColumnBatchBuilder } from '../column-batch-builder.js';
import { resolveValueOptions } from '../values/value-options.js';
import { toTuples } from './tuples.js';

const KINDS = [
  { spec: { kind: 'int32', typeCode: 3 }, value: (row: number) => row * 7 - 50 },
  { spec: { kind: 'utf8', typeCode: 253 }, value: (row: number) => `é${row}` },
  { spec: { kind: 'float64', typeCode: 5 }, value: (row: number) => row / 4 },
] as const;

describe('tuples format', () => {
  it('builds the same rows for every width, across batches, with nulls', () => {
    const options = resolveValueOptions();
    for (let width = 0; width <= 11; width += 1) {
      const kinds = Array.from({ length: width }, (_unused, index) => KINDS[index % KINDS.length]!);
      const specs = kinds.map((kind) => kind.spec);
      const expected: unknown[][] = [];
      const batches = [5, 0, 3].map((count) => {
        const builder = new ColumnBatchBuilder(specs);
        for (let row = 0; row < count; row += 1) {
          const at = expected.length;
          const tuple = kinds.map((kind, index) =>
            (at + index) % 4 === 0 ? null : kind.value(at),
          );
          builder.appendRow(tuple);
          expected.push(tuple);
        }
        return builder.build();
      });
      expect(toTuples(batches, options), `width ${width}`).toEqual(expected);
    }
  });

  it('reads null-free number columns as they are, for every plain number kind and width', () => {
    const options = resolveValueOptions();
    const kinds = [
      { spec: { kind: 'int8', typeCode: 1 }, value: (row: number) => (row % 2 ? -128 : 127) },
      { spec: { kind: 'uint8', typeCode: 1 }, value: (row: number) => 255 - row },
      { spec: { kind: 'int16', typeCode: 2 }, value: (row: number) => -32768 + row },
      { spec: { kind: 'uint16', typeCode: 2 }, value: (row: number) => 65535 - row },
      { spec: { kind: 'int32', typeCode: 3 }, value: (row: number) => -2147483648 + row },
      { spec: { kind: 'uint32', typeCode: 3 }, value: (row: number) => 4294967295 - row },
      {
        spec: { kind: 'float64', typeCode: 5 },
        value: (row: number) => (row % 2 ? -0 : 0.1 * row),
      },
    ] as const;
    for (const width of [1, 7, 8, 9, 21]) {
      const chosen = Array.from(
        { length: width },
        (_unused, index) => kinds[index % kinds.length]!,
      );
      const builder = new ColumnBatchBuilder(chosen.map((kind) => kind.spec));
      const expected = Array.from({ length: 6 }, (_unused, row) =>
        chosen.map((kind) => kind.value(row)),
      );
      for (const tuple of expected) builder.appendRow(tuple);
      const rows = toTuples([builder.build()], options);
      expect(rows, `width ${width}`).toEqual(expected);
      expect(rows.every((row) => Array.isArray(row))).toBe(true);
    }
  });
});
