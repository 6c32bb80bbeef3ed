import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('the demo', () => {
  it('runs end to end: load, read back in three shapes, and the same answer over HTTP', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', '--conditions=source', path.join(import.meta.dirname, 'main.ts')],
      { env: { ...process.env, S2_DEMO_ROWS: '2000' }, timeout: 110_000 },
    );
    expect(stdout).toContain('2,000 rows loaded');
    expect(stdout).toMatch(/tuples: 2,000 rows/);
    expect(stdout).toMatch(/dicts: 2,000 rows/);
    expect(stdout).toMatch(/arrow: 2,000 rows × 6 columns/);
    expect(stdout).toContain('| events |');
    expect(stdout).toContain('identical to the wire result, BIGINT and DECIMAL included: yes');
    expect(stdout).toContain(
      '18446744073709551615, -9223372036854775808; over HTTP: 18446744073709551615',
    );
  });
});
