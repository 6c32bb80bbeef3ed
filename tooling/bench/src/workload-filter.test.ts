import { describe, expect, it } from 'vitest';
import {
  READ_WORKLOAD_NAMES,
  reportStem,
  selectPlans,
  WORKLOAD_NAMES,
  workloadFilter,
} from './workload-filter.js';
import type { WorkloadPlan } from './workloads/workload-plan.js';

const plan = (id: string): WorkloadPlan => ({
  id,
  title: id,
  description: '',
  unit: 'ms',
  direction: 'lower-is-better',
  baseline: 'base',
  entries: [],
});

const FULL_RUN = [
  'mixed-200k',
  'ints-1M',
  'wide-10k',
  'stream-5M',
  'select-1-x1',
  'select-1-x32',
  'bulk-load-1000k',
  'data-api-mixed',
].map(plan);

describe('workloadFilter', () => {
  it('means the full run when BENCH_ONLY is unset or blank', () => {
    expect(workloadFilter({})).toBeUndefined();
    expect(workloadFilter({ BENCH_ONLY: '' })).toBeUndefined();
    expect(workloadFilter({ BENCH_ONLY: '  ' })).toBeUndefined();
  });

  it('reads comma-separated names, in the full run order, without duplicates', () => {
    expect(workloadFilter({ BENCH_ONLY: 'bulk' })).toEqual(['bulk']);
    expect(workloadFilter({ BENCH_ONLY: 'bulk, ints,bulk' })).toEqual(['ints', 'bulk']);
    expect(workloadFilter({ BENCH_ONLY: 'data-api,select1,' })).toEqual(['select1', 'data-api']);
  });

  it('rejects an unknown name, naming it and every valid one', () => {
    expect(() => workloadFilter({ BENCH_ONLY: 'bulk,int,bulk-load' })).toThrow(
      'BENCH_ONLY names unknown workload int, bulk-load; valid names: mixed, ints, wide, stream, select1, bulk, data-api',
    );
  });

  it('rejects a value that names no workload', () => {
    expect(() => workloadFilter({ BENCH_ONLY: ',' })).toThrow(
      'BENCH_ONLY names no workload; valid names: mixed, ints, wide, stream, select1, bulk, data-api',
    );
  });

  it('does not take names from the prototype', () => {
    expect(() => workloadFilter({ BENCH_ONLY: 'toString' })).toThrow('unknown workload toString');
  });
});

describe('selectPlans', () => {
  it('keeps every plan without a selection', () => {
    expect(selectPlans(FULL_RUN, undefined)).toEqual(FULL_RUN);
  });

  it('keeps the selected workloads, both SELECT 1 ones for select1', () => {
    const ids = (names: Parameters<typeof selectPlans>[1]) =>
      selectPlans(FULL_RUN, names).map((kept) => kept.id);
    expect(ids(['bulk'])).toEqual(['bulk-load-1000k']);
    expect(ids(['ints', 'select1'])).toEqual(['ints-1M', 'select-1-x1', 'select-1-x32']);
    expect(ids([...WORKLOAD_NAMES])).toEqual(FULL_RUN.map((kept) => kept.id));
  });

  it('fails when a name matches no workload id', () => {
    expect(() => selectPlans([plan('ints-1M')], ['bulk'])).toThrow('bulk-load-');
  });

  it('knows which names are read workloads', () => {
    expect(READ_WORKLOAD_NAMES).not.toContain('bulk');
    expect(READ_WORKLOAD_NAMES).not.toContain('data-api');
  });
});

describe('reportStem', () => {
  it('writes latest only for the full run', () => {
    expect(reportStem(false, undefined)).toBe('latest');
    expect(reportStem(true, undefined)).toBe('quick');
    expect(reportStem(false, ['bulk'])).toBe('only-bulk');
    expect(reportStem(true, ['ints', 'bulk'])).toBe('only-ints+bulk-quick');
    for (const name of WORKLOAD_NAMES) expect(reportStem(false, [name])).not.toBe('latest');
  });
});
