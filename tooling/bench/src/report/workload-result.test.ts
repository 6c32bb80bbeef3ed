import { describe, expect, it } from 'vitest';
import type { JobOutcome } from '../runner/job.js';
import type { WorkloadPlan } from '../workloads/workload-plan.js';
import { workloadResult } from './workload-result.js';

const target = { host: '127.0.0.1', port: 1, user: 'root', password: '', database: 'd' };
const job = (adapter: string) => ({
  kind: 'fetch' as const,
  adapter,
  target,
  sql: 'SELECT 1',
  expectedRows: 1,
  runs: 3,
});

const plan: WorkloadPlan = {
  id: 'w',
  title: 'w',
  description: 'w',
  unit: 'ms',
  direction: 'lower-is-better',
  baseline: 'base',
  entries: [
    { client: 'base', label: 'Base', job: job('base') },
    { client: 'fast', label: 'Fast', job: job('fast') },
    { client: 'broken', label: 'Broken', job: job('broken') },
    { client: 'absent', label: 'Absent', notAvailable: 'not written yet' },
  ],
};

describe('workloadResult', () => {
  const outcomes = new Map<string, JobOutcome>([
    ['base', { status: 'ok', samples: [300, 100, 200], extras: { rowsPerSecond: [1, 2, 3] } }],
    ['fast', { status: 'ok', samples: [50, 40, 60], extras: {} }],
    ['broken', { status: 'failed', reason: 'lost connection' }],
  ]);
  const result = workloadResult(plan, outcomes);

  it('takes ratios on the medians against the baseline', () => {
    expect(result.results[0]).toMatchObject({ status: 'ok', ratio: 1, value: { median: 200 } });
    expect(result.results[1]).toMatchObject({
      status: 'ok',
      ratio: 4,
      value: { median: 50, min: 40, max: 60 },
    });
  });

  it('keeps failures and absent clients with their reasons, in plan order', () => {
    expect(result.results.map((entry) => entry.status)).toEqual([
      'ok',
      'ok',
      'failed',
      'not available',
    ]);
    expect(result.results[2]?.reason).toBe('lost connection');
    expect(result.results[3]?.reason).toBe('not written yet');
  });

  it('gives no ratio when the baseline did not run', () => {
    const withoutBaseline = workloadResult(plan, new Map([['fast', outcomes.get('fast')!]]));
    expect(withoutBaseline.results[1]?.ratio).toBeUndefined();
    expect(withoutBaseline.results[0]).toMatchObject({ status: 'failed' });
  });
});
