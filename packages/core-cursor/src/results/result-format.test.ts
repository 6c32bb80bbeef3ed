import { describe, expect, it } from 'vitest';
import { MIXED_SPECS, mixedBatch } from '../../test/test-batches.js';
import { InterfaceError, ProgrammingError } from '../errors/index.js';
import { resolveValueOptions } from '../values/value-options.js';
import { optionalModule } from './optional-module.js';
import { loadPolars } from './polars.js';
import { formatResult, resolveResultsType } from './result-format.js';

const columns = MIXED_SPECS.map((spec, index) => ({
  name: ['i', 'big', 's', 'ts', 'vec', 'doc'][index] ?? '',
  typeCode: spec.typeCode,
}));
const batch = mixedBatch([
  [1, -5n, 'a', '1960-01-02 03:04:05.000001', [1, 2], '{"k":[1]}'],
  [null, 9223372036854775807n, null, null, null, null],
]);

describe('resolveResultsType', () => {
  it.each([
    ['tuples', 'tuples'],
    ['DICTS', 'dicts'],
    ['namedtuples', 'dicts'],
    ['numpy', 'columns'],
    ['pandas', 'polars'],
    ['arrow', 'arrow'],
  ])('%s → %s', (name, expected) => {
    expect(resolveResultsType(name)).toBe(expected);
  });

  it('rejects unknown names instead of matching substrings', () => {
    expect(() => resolveResultsType('structsequence')).toThrow(ProgrammingError);
    expect(() => resolveResultsType('dictionary')).toThrow(ProgrammingError);
  });
});

describe('arrow format', () => {
  it('maps the types and wraps the batch buffers without copying', async () => {
    const table = await formatResult('arrow', [batch], columns, resolveValueOptions());
    expect(table.schema.fields.map((field) => `${field.name}:${field.type}`)).toEqual([
      'i:Int32',
      'big:Int64',
      's:Utf8',
      'ts:Timestamp<MICROSECOND, UTC>',
      'vec:FixedSizeList[2]<Float32>',
      'doc:Utf8',
    ]);
    expect(table.numRows).toBe(2);
    expect(table.getChild('i')?.data[0]?.values.buffer).toBe(batch.columns[0]?.values?.buffer);
    expect(table.getChild('s')?.data[0]?.values.buffer).toBe(batch.columns[2]?.data?.buffer);
    expect(table.getChild('big')?.toArray()).toEqual(
      new BigInt64Array([-5n, 9223372036854775807n]),
    );
    expect(table.getChild('i')?.get(1)).toBeNull();
    expect(table.getChild('doc')?.get(0)).toBe('{"k":[1]}');
    expect(Array.from(table.getChild('vec')?.get(0) ?? [])).toEqual([1, 2]);
  });

  it('keeps the schema of an empty result', async () => {
    const empty = mixedBatch([]);
    const table = await formatResult('arrow', [empty], columns, resolveValueOptions());
    expect(table.numRows).toBe(0);
    expect(table.schema.fields).toHaveLength(6);
    expect(String(table.schema.fields[1]?.type)).toBe('Int64');
  });
});

describe('polars format', () => {
  it('builds a DataFrame with exact types through Arrow', async () => {
    const frame = await formatResult('polars', [batch], columns, resolveValueOptions());
    expect(frame.height).toBe(2);
    expect(frame.columns).toEqual(['i', 'big', 's', 'ts', 'vec', 'doc']);
    expect(String(frame.getColumn('big').dtype)).toContain('Int64');
    // toArray() would round through number; the text shows the stored value is exact.
    const polars = await loadPolars();
    expect(frame.getColumn('big').cast(polars.Utf8).toArray()).toEqual([
      '-5',
      '9223372036854775807',
    ]);
    expect(String(frame.getColumn('ts').dtype)).toContain('Datetime');
    expect(frame.getColumn('s').toArray()).toEqual(['a', null]);
  });
});

describe('optional peers', () => {
  it('explains what to install when a peer is missing, and retries later', async () => {
    let attempts = 0;
    const load = optionalModule('nodejs-polars', 'Polars results', () => {
      attempts++;
      return Promise.reject(new Error("Cannot find module 'nodejs-polars'"));
    });
    const error = await load().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InterfaceError);
    expect((error as Error).message).toMatch(/npm install nodejs-polars/);
    expect((error as Error).cause).toBeInstanceOf(Error);
    await load().catch(() => undefined);
    expect(attempts).toBe(2);
  });
});
