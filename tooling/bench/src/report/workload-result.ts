import type { JobOutcome } from '../runner/job.js';
import type { WorkloadPlan } from '../workloads/workload-plan.js';
import type { ClientResult, WorkloadResult } from './results.js';
import { ratioAgainst, type Summary, summarize } from './stats.js';

/** Summarises each client's samples and takes every ratio against the plan's baseline. */
export function workloadResult(
  plan: WorkloadPlan,
  outcomes: ReadonlyMap<string, JobOutcome>,
): WorkloadResult {
  const summaries = new Map<string, { value: Summary; extras: Record<string, Summary> }>();
  for (const [client, outcome] of outcomes) {
    if (outcome.status !== 'ok' || outcome.samples.length === 0) continue;
    const extras: Record<string, Summary> = {};
    for (const [name, samples] of Object.entries(outcome.extras)) {
      if (samples.length > 0) extras[name] = summarize(samples);
    }
    summaries.set(client, { value: summarize(outcome.samples), extras });
  }
  const baseline = summaries.get(plan.baseline)?.value.median;
  const results = plan.entries.map((entry): ClientResult => {
    const base = { client: entry.client, label: entry.label };
    if ('notAvailable' in entry)
      return { ...base, status: 'not available', reason: entry.notAvailable };
    const outcome = outcomes.get(entry.client);
    if (!outcome) return { ...base, status: 'failed', reason: 'no outcome was reported' };
    if (outcome.status !== 'ok') return { ...base, status: outcome.status, reason: outcome.reason };
    const summary = summaries.get(entry.client);
    if (!summary) return { ...base, status: 'failed', reason: 'no samples were reported' };
    const ratio =
      baseline === undefined
        ? undefined
        : ratioAgainst(summary.value.median, baseline, plan.direction);
    return { ...base, status: 'ok', value: summary.value, ratio, extras: summary.extras };
  });
  return {
    id: plan.id,
    title: plan.title,
    description: plan.description,
    unit: plan.unit,
    direction: plan.direction,
    baseline: plan.baseline,
    results,
  };
}
