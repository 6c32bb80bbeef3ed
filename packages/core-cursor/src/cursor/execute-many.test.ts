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

  it('fills statements exactly to the byte limit with 1- to 4-byte characters and lone surrogates', () => {
    const texts = ['a', 'é', '€', '😀', '\ud800', '\udfff', 'x\ud83d', '日本'];
    const rows = Array.from({ length: 400 }, (_unused, index) => [
      index,
      (texts[index % texts.length] as string).repeat(1 + (index % 5)),
    ]);
    const encoder = new TextEncoder();
    for (const limit of [60, 97, 250]) {
      const statements = buildMultiRowInserts(parts, rows, interpolate, limit);
      const sizes = statements.map((sql) => encoder.encode(sql).length);
      for (const size of sizes) expect(size).toBeLessThanOrEqual(limit);
      // Each statement but the last was full: the next tuple would not have fitted.
      statements.slice(0, -1).forEach((_sql, index) => {
        const next = (statements[index + 1] as string).slice(parts.prefix.length).split('),(')[0];
        const nextBytes = encoder.encode(`,${next?.endsWith(')') ? next : `${next})`}`).length;
        expect((sizes[index] as number) + nextBytes).toBeGreaterThan(limit);
      });
    }
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

  /** The greedy split, tuple by tuple, that the run-at-a-time builder must reproduce. */
  function referenceInserts(rows: readonly (readonly unknown[])[], maxBytes: number): string[] {
    if (!parts) throw new Error('unparsed');
    const encoder = new TextEncoder();
    const fixedBytes = encoder.encode(parts.prefix + parts.suffix).length;
    const statements: string[] = [];
    let tuples: string[] = [];
    let bytes = fixedBytes;
    for (const row of rows) {
      const tuple = interpolate(parts.row, row);
      const tupleBytes = encoder.encode(tuple).length;
      if (tuples.length > 0 && bytes + 1 + tupleBytes > maxBytes) {
        statements.push(parts.prefix + tuples.join(',') + parts.suffix);
        tuples = [];
        bytes = fixedBytes;
      }
      bytes += tupleBytes + (tuples.length > 0 ? 1 : 0);
      tuples.push(tuple);
    }
    if (tuples.length > 0) statements.push(parts.prefix + tuples.join(',') + parts.suffix);
    return statements;
  }

  it('splits exactly as adding tuples one by one would, across runs of tuples', () => {
    const texts = [
      '',
      'a',
      "it's",
      'é',
      '€日本',
      '😀',
      '\ud800',
      'x'.repeat(3000),
      '€'.repeat(900),
    ];
    let state = 11;
    const next = (limit: number): number => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state % limit;
    };
    for (const count of [0, 1, 63, 64, 65, 128, 129, 1000]) {
      const rows = Array.from({ length: count }, (_unused, index) => [
        index % 3 === 0 ? -index / 8 : index,
        texts[next(texts.length)],
      ]);
      for (const limit of [40, 700, 4000, 20_000, 1_024_000]) {
        expect(buildMultiRowInserts(parts, rows, interpolate, limit)).toEqual(
          referenceInserts(rows, limit),
        );
      }
    }
  });

  it('fills a statement to the last byte where one run ends and the next begins', () => {
    const rows = Array.from({ length: 300 }, (_unused, index) => [
      index % 10,
      index % 2 ? 'é' : 'e',
    ]);
    for (let limit = 400; limit <= 2800; limit++) {
      expect(buildMultiRowInserts(parts, rows, interpolate, limit)).toEqual(
        referenceInserts(rows, limit),
      );
    }
  });
});
