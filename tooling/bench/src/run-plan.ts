import { progress } from './progress.js';
import type { WorkloadResult } from './report/results.js';
import { workloadResult } from './report/workload-result.js';
import type { Job, JobOutcome } from './runner/job.js';
import { runChild } from './runner/run-child.js';
import type { WorkloadPlan } from './workloads/workload-plan.js';

interface Member {
  readonly plan: number;
  readonly client: string;
  readonly label: string;
  readonly job: Job;
}

/**
 * Which jobs share a child process. A client's buffered reads and round trips share one, so a
 * run spawns a few dozen processes rather than one per measurement (on 2 shared cores each
 * costs seconds); streams get a process each, so each peak RSS is that stream's alone; and each
 * bulk method gets one, so LOAD DATA is not timed in a heap the INSERT runs have already grown
 * (one full run had wire's LOAD DATA at 668 ms after its INSERT runs, 483 ms alone).
 */
export function processKey(job: Job): string {
  if (job.kind === 'stream') return `${job.adapter}:stream:${job.sql}`;
  if (job.kind === 'bulk') return `${job.adapter}:bulk:${job.method}`;
  return `${job.adapter}:reads`;
}

/** Runs every plan's jobs, client by client, and summarises each plan. */
export async function runPlans(
  plans: readonly WorkloadPlan[],
  unavailable: ReadonlyMap<string, string>,
  timeoutMs: number,
): Promise<WorkloadResult[]> {
  const groups = new Map<string, Member[]>();
  plans.forEach((plan, index) => {
    for (const entry of plan.entries) {
      if (!('job' in entry)) continue;
      const key = processKey(entry.job);
      groups.set(key, [
        ...(groups.get(key) ?? []),
        { plan: index, client: entry.client, label: entry.label, job: entry.job },
      ]);
    }
  });
  const outcomes = plans.map(() => new Map<string, JobOutcome>());
  for (const members of groups.values()) {
    const reason = unavailable.get(members[0]?.job.adapter ?? '');
    const results: JobOutcome[] = reason
      ? members.map(() => ({ status: 'not available', reason }))
      : await runChild(
          members.map((member) => member.job),
          timeoutMs * members.length,
        );
    members.forEach((member, index) => {
      const outcome = results[index] ?? { status: 'failed', reason: 'no outcome was reported' };
      outcomes[member.plan]?.set(member.client, outcome);
      const said = outcome.status === 'ok' ? 'done' : `${outcome.status}: ${outcome.reason}`;
      progress(`${plans[member.plan]?.id}: ${member.label}: ${said}`);
    });
  }
  return plans.map((plan, index) => workloadResult(plan, outcomes[index] ?? new Map()));
}
