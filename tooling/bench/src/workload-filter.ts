import type { WorkloadPlan } from './workloads/workload-plan.js';

/**
 * The names `BENCH_ONLY` takes, each with the prefix of the workload ids it selects (the ids carry
 * the row counts, which change with BENCH_QUICK). The read names are those of `bench:profile`'s
 * BENCH_WORKLOADS; `select1` selects both SELECT 1 workloads, single and pooled.
 */
const WORKLOAD_PREFIXES = {
  mixed: 'mixed-',
  ints: 'ints-',
  wide: 'wide-',
  stream: 'stream-',
  select1: 'select-1-',
  bulk: 'bulk-load-',
  'data-api': 'data-api-',
} as const;

export type WorkloadName = keyof typeof WORKLOAD_PREFIXES;

export const WORKLOAD_NAMES = Object.keys(WORKLOAD_PREFIXES) as readonly WorkloadName[];

/** The workloads served by the replay server, which need the read queries recorded first. */
export const READ_WORKLOAD_NAMES: readonly WorkloadName[] = [
  'mixed',
  'ints',
  'wide',
  'stream',
  'select1',
];

function isWorkloadName(name: string): name is WorkloadName {
  return Object.hasOwn(WORKLOAD_PREFIXES, name);
}

/**
 * The workloads `BENCH_ONLY` names (comma-separated, in the order of the full run, duplicates
 * dropped), or undefined when it is unset or empty: the full run. An unknown name throws, naming
 * the valid ones, so a typo does not silently measure nothing.
 */
export function workloadFilter(environment: NodeJS.ProcessEnv): WorkloadName[] | undefined {
  const value = environment.BENCH_ONLY;
  if (value === undefined || value.trim() === '') return undefined;
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !isWorkloadName(name));
  if (unknown.length > 0 || names.length === 0) {
    const said = unknown.length > 0 ? `unknown workload ${unknown.join(', ')}` : 'no workload';
    throw new Error(`BENCH_ONLY names ${said}; valid names: ${WORKLOAD_NAMES.join(', ')}`);
  }
  return WORKLOAD_NAMES.filter((name) => names.includes(name));
}

/** Whether the selection (undefined: everything) includes `name`. */
export function isSelected(
  selection: readonly WorkloadName[] | undefined,
  name: WorkloadName,
): boolean {
  return selection === undefined || selection.includes(name);
}

/**
 * The plans the selection keeps. Throws when a selected name matches no plan, which would mean
 * the workload ids and the names above have drifted apart.
 */
export function selectPlans(
  plans: readonly WorkloadPlan[],
  selection: readonly WorkloadName[] | undefined,
): WorkloadPlan[] {
  if (selection === undefined) return [...plans];
  for (const name of selection) {
    if (!plans.some((plan) => plan.id.startsWith(WORKLOAD_PREFIXES[name]))) {
      throw new Error(`no workload id starts with ${WORKLOAD_PREFIXES[name]} (BENCH_ONLY=${name})`);
    }
  }
  return plans.filter((plan) =>
    selection.some((name) => plan.id.startsWith(WORKLOAD_PREFIXES[name])),
  );
}

/**
 * The file stem of a run's report in `results/`. Only the full run writes `latest`, the run of
 * record; a filtered run writes `only-<names>` (ignored by git), so rerunning one workload can
 * never replace the full run's figures.
 */
export function reportStem(quick: boolean, selection: readonly WorkloadName[] | undefined): string {
  if (selection === undefined) return quick ? 'quick' : 'latest';
  return `only-${selection.join('+')}${quick ? '-quick' : ''}`;
}
