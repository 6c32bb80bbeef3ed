import { describe, expect, it } from 'vitest';
import { createInterpolator } from '../params/index.js';
import { buildMultiRowInserts, parseInsertValues } from './execute-many.js';

describe('parseInsertValues', () => {
  it.each([
    ['INSERT INTO t (a, b) VALUES (?, ?)', 'INSERT INTO t (a, b) VALUES ', '(?, ?)', ''],
    ['replace into t values(:a,:b);', 'replace into t values', '(:a,:b)', ''],
    [
      'INSERT INTO t VALUE (?) ON DUPLICATE KEY UPDATE a = a + 1',
      'INSERT INTO t VALUE ',
      '(?)',
      ' ON DUPLICATE KEY UPDATE a = a + 1',
    ],
  ])('splits %s', (sql, prefix, row, suffix) => {
    expect(parseInsertValues(sql)).toEqual({ prefix, row, suffix });
  });

  it.each([
    'INSERT INTO t VALUES (?, 1)',
    'INSERT INTO t SELECT ?',
    'UPDATE t SET a = ?',
    'INSERT INTO t VALUES (?) ON DUPLICATE KEY UPDATE a = ?',
    'INSERT INTO t VALUES (?), (?)',
  ])('leaves %s to run row by row', (sql) => {
    expect(parseInsertValues(sql)).toBeNull();
  });
});

const interpolate = createInterpolator();

describe('buildMultiRowInserts', () => {
  const parts = parseInsertValues('INSERT INTO t VALUES (?, ?)');
  if (!parts) throw new Error('unparsed');

  it('keeps every statement within the byte limit, counting UTF-8 bytes', () => {
    const rows = Array.from({ length: 50 }, (_unused, index) => [index, 'é'.repeat(index % 7)]);
    const statements = buildMultiRowInserts(parts, rows, interpolate, 120);
    const encoder = new TextEncoder();
    for (const sql of statements) expect(encoder.encode(sql).length).toBeLessThanOrEqual(120);
    const tuples = statements.flatMap((sql) => sql.slice(parts.prefix.length).split('),('));
    expect(tuples).toHaveLength(50);
  });

  it('sends a row longer than the limit on its own', () => {
    const statements = buildMultiRowInserts(
      parts,
      [
        [1, 'x'.repeat(200)],
        [2, 'y'],
      ],
      interpolate,
      50,
    );
    expect(statements).toEqual([
      `INSERT INTO t VALUES (1, '${'x'.repeat(200)}')`,
      "INSERT INTO t VALUES (2, 'y')",
    ]);
  });
});
