import { describe, expect, it } from 'vitest';
import { processKey } from './run-plan.js';

describe('processKey', () => {
  const target = { host: '127.0.0.1', port: 1, user: 'root', password: '', database: 'd' };
  const bulk = (method: 'insert' | 'load-data') => ({
    kind: 'bulk' as const,
    adapter: 'wire',
    method,
    target,
    table: 't',
    rows: 10,
    batchRows: 5,
    runs: 1,
  });

  it('gives each bulk method a process of its own', () => {
    expect(processKey(bulk('insert'))).not.toBe(processKey(bulk('load-data')));
  });

  it("keeps a client's buffered reads and round trips in one process", () => {
    const fetch = {
      kind: 'fetch' as const,
      adapter: 'wire',
      target,
      sql: 'S',
      expectedRows: 1,
      runs: 1,
    };
    const selectOne = {
      kind: 'select-one' as const,
      adapter: 'wire',
      target,
      connections: 1,
      runMs: 1,
      runs: 1,
    };
    expect(processKey(fetch)).toBe(processKey(selectOne));
    expect(processKey({ ...fetch, kind: 'stream' })).not.toBe(processKey(fetch));
  });
});
