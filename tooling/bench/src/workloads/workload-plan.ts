import type { Direction } from '../report/stats.js';
import type { Job } from '../runner/job.js';

/** One client's place in a workload: a job to run, or the reason it cannot run at all. */
export type PlanEntry =
  | { readonly client: string; readonly label: string; readonly job: Job }
  | { readonly client: string; readonly label: string; readonly notAvailable: string };

/** A workload before it runs. */
export interface WorkloadPlan {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly unit: string;
  readonly direction: Direction;
  readonly baseline: string;
  readonly entries: readonly PlanEntry[];
}
