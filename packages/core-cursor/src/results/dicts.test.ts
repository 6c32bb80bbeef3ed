import { describe, expect, it } from 'vitest';
import { ColumnBatchBuilder } from '../column-batch-builder.js';
import { resolveValueOptions } from '../values/value-options.js';
import { columnKeys, toDicts } from './dicts.js';

describe('dict rows', () => {
  it('names a duplicate column table.name, and suffixes when that is taken or unknown', () => {
    expect(
      columnKeys([
        { name: 'id', typeCode: 3, table: 'a' },
        { name: 'id', typeCode: 3, table: 'b' },
        { name: 'b.id', typeCode: 3 },
        { name: 'id', typeCode: 3, table: 'b' },
        { name: 'x', typeCode: 3 },
        { name: 'x', typeCode: 3 },
      ]),
    ).toEqual(['id', 'b.id', 'b.id_2', 'b.id_3', 'x', 'x_2']);
  });

  it('builds one object per row with every value', () => {
    const builder = new ColumnBatchBuilder([
      { kind: 'int32', typeCode: 3 },
      { kind: 'utf8', typeCode: 253 },
    ]);
    builder.appendRow([1, 'a']).appendRow([null, '__proto__']);
    const rows = toDicts(
      [builder.build()],
      [
        { name: '__proto__', typeCode: 3 },
        { name: 'name', typeCode: 253 },
      ],
      resolveValueOptions(),
    );
    expect(rows).toHaveLength(2);
    expect(Object.keys(rows[0] ?? {})).toEqual(['__proto__', 'name']);
    expect(Object.getOwnPropertyDescriptor(rows[0], '__proto__')?.value).toBe(1);
    expect(rows[1]?.name).toBe('__proto__');
  });
});
