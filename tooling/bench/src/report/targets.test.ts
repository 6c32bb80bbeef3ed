import { describe, expect, it } from 'vitest';
import type { BenchReport, ClientResult, WorkloadResult } from './results.js';
import { checkTargets, targetLines } from './targets.js';

const summary = (median: number) => ({ median, min: median, max: median, runs: 5 });

function ok(client: string, median: number, ratio: number, extras = {}): ClientResult {
  return { client, label: client, status: 'ok', value: summary(median), ratio, extras };
}

function fetchWorkload(id: string): WorkloadResult {
  return {
    id,
    title: id,
    description: '',
    unit: 'ms',
    direction: 'lower-is-better',
    baseline: 'mysql2-rows-as-array',
    results: [
      ok('mysql2-rows-as-array', 600, 1),
      ok('s2-wire-tuples', 300, 2),
      ok('s2-wire-tuples-ts', 900, 0.67),
      ok('s2-wire-columns', 100, 6),
      ok('s2-wire-columns-ts', 400, 1.5),
      ok('s2-wire-arrow', 90, 6.67),
      ok('raw-drain', 60, 10),
    ],
  };
}

function report(workloads: WorkloadResult[]): BenchReport {
  return {
    generatedAt: '',
    command: '',
    quick: false,
    runsPerMeasurement: 5,
    machine: { cpuModel: '', cores: 2, memoryGb: 1, os: '', node: '', loadAverageAtStart: [] },
    server: { flavour: 'mariadb', version: '', source: 'local', vectorColumn: '' },
    durationSeconds: 0,
    workloads,
  };
}

describe('checkTargets', () => {
  const checks = checkTargets(report(['mixed-200k', 'ints-1M', 'wide-10k'].map(fetchWorkload)));
  const byTarget = (start: string) => checks.find((entry) => entry.target.startsWith(start));

  it('passes a target only when every workload passes it', () => {
    expect(byTarget('tuples fetch')).toMatchObject({ met: true });
    expect(byTarget('columns fetch ≥ 4×')).toMatchObject({ met: true });
    expect(byTarget('Arrow fetch ≥ 4×')).toMatchObject({ met: true });
    expect(byTarget('Arrow fetch within 2×')).toMatchObject({ met: true });
    expect(byTarget('wasm ≥ 2.5× the TS fallback (tuples)')).toMatchObject({ met: true });
    expect(byTarget('wasm ≥ 2.5× the TS fallback (columns)')).toMatchObject({ met: true });
  });

  it('fails the raw-drain target when columns take more than twice its time', () => {
    // 100 ms against 60 ms is within 2×; make one workload slower and it is not.
    expect(byTarget('columns fetch within 2×')).toMatchObject({ met: true });
    const slow = fetchWorkload('wide-10k');
    const slower = {
      ...slow,
      results: slow.results.map((entry) =>
        entry.client === 's2-wire-columns' ? ok('s2-wire-columns', 200, 3) : entry,
      ),
    };
    const again = checkTargets(
      report([fetchWorkload('mixed-200k'), fetchWorkload('ints-1M'), slower]),
    );
    expect(again.find((entry) => entry.target.startsWith('columns fetch within'))?.met).toBe(false);
  });

  it('leaves a target open when its workloads did not run', () => {
    expect(byTarget('SELECT 1')).toMatchObject({ met: null, measured: 'x1 n/a, x32 n/a' });
    expect(byTarget('streaming')).toMatchObject({ met: null });
  });

  it('prints one line per target with its verdict', () => {
    const lines = targetLines(checks).split('\n');
    expect(lines).toHaveLength(checks.length + 1);
    expect(lines.find((line) => line.includes('tuples fetch'))).toMatch(/ met .*mixed 2\.00×/);
    expect(lines.find((line) => line.includes('SELECT 1'))).toMatch(/ open /);
  });
});
