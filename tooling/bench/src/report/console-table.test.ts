import { describe, expect, it } from 'vitest';
import { consoleTable } from './console-table.js';
import { sampleReport } from './sample-report.js';

describe('consoleTable', () => {
  const table = consoleTable(sampleReport().workloads);
  const lines = table.split('\n');

  it('titles each workload with its baseline', () => {
    expect(lines[0]).toBe('1M rows x 2 ints — baseline mysql2-rows-as-array');
  });

  it('gives median, range, unit, throughput and ratio for clients that ran', () => {
    const drain = lines.find((line) => line.includes('raw drain'));
    expect(drain).toMatch(
      /raw drain \(floor\)\s+100\s+90\.0 – 120\s+ms\s+10,000,000 rows\/s\s+4\.00×/,
    );
  });

  it('says why a client has no figures', () => {
    expect(table).toMatch(
      /@s2\/wire tuples \(wasm\)\s+not available: @s2\/wire does not export connect\(\) yet/,
    );
    expect(table).toMatch(/mariadb objects\s+failed: boom/);
  });
});
