import { formatNumber } from './format-number.js';
import type { BenchReport, ClientResult, WorkloadResult } from './results.js';

/** One of the issue's targets, as this run measured it. */
export interface TargetCheck {
  readonly target: string;
  /** The figures the verdict rests on, per workload. */
  readonly measured: string;
  /** Null when a figure is missing (a client not available or failed). */
  readonly met: boolean | null;
}

const FETCHES = ['mixed-', 'ints-', 'wide-'] as const;

function workload(report: BenchReport, prefix: string): WorkloadResult | undefined {
  return report.workloads.find((candidate) => candidate.id.startsWith(prefix));
}

function result(found: WorkloadResult | undefined, client: string): ClientResult | undefined {
  const entry = found?.results.find((candidate) => candidate.client === client);
  return entry?.status === 'ok' ? entry : undefined;
}

function median(found: WorkloadResult | undefined, client: string): number | undefined {
  return result(found, client)?.value?.median;
}

/** A verdict over several figures: all must pass, and a missing one leaves it open. */
function check(
  target: string,
  figures: ReadonlyArray<{ label: string; value: number | undefined }>,
  passes: (value: number) => boolean,
  unit = '×',
): TargetCheck {
  const measured = figures
    .map(
      ({ label, value }) =>
        `${label} ${value === undefined ? 'n/a' : `${formatNumber(value)}${unit}`}`,
    )
    .join(', ');
  const values = figures.map((figure) => figure.value);
  const met = values.some((value) => value === undefined)
    ? null
    : values.every((value) => passes(value as number));
  return { target, measured, met };
}

/** `numerator`'s median time over `denominator`'s on a workload. */
function timeRatio(
  found: WorkloadResult | undefined,
  numerator: string,
  denominator: string,
): number | undefined {
  const top = median(found, numerator);
  const bottom = median(found, denominator);
  return top === undefined || bottom === undefined ? undefined : top / bottom;
}

/**
 * The issue's targets, read off a report. They are reported, never tuned for: the harness only
 * says where @s2 stands.
 */
export function checkTargets(report: BenchReport): TargetCheck[] {
  const fetches = FETCHES.map((prefix) => ({ prefix, found: workload(report, prefix) }));
  const each = (value: (found: WorkloadResult | undefined) => number | undefined) =>
    fetches.map(({ prefix, found }) => ({ label: prefix.slice(0, -1), value: value(found) }));
  const stream = workload(report, 'stream-');
  const bulk = workload(report, 'bulk-load-');
  const dataApi = workload(report, 'data-api-');
  const streamPeaks = ['s2-wire-tuples', 's2-wire-columns'].map((client) => ({
    label: client.replace('s2-wire-', ''),
    value: result(stream, client)?.extras?.peakRssMb?.max,
  }));
  return [
    check(
      'tuples fetch ≥ 1.5× mysql2 rowsAsArray',
      each((found) => result(found, 's2-wire-tuples')?.ratio),
      (v) => v >= 1.5,
    ),
    check(
      'columns fetch ≥ 4× mysql2 rowsAsArray',
      each((found) => result(found, 's2-wire-columns')?.ratio),
      (v) => v >= 4,
    ),
    check(
      'columns fetch within 2× of the raw drain (time ratio)',
      each((found) => timeRatio(found, 's2-wire-columns', 'raw-drain')),
      (v) => v <= 2,
    ),
    check(
      'Arrow fetch ≥ 4× mysql2 rowsAsArray',
      each((found) => result(found, 's2-wire-arrow')?.ratio),
      (v) => v >= 4,
    ),
    check(
      'Arrow fetch within 2× of the raw drain (time ratio)',
      each((found) => timeRatio(found, 's2-wire-arrow', 'raw-drain')),
      (v) => v <= 2,
    ),
    check(
      'wasm ≥ 2.5× the TS fallback (tuples)',
      each((found) => timeRatio(found, 's2-wire-tuples-ts', 's2-wire-tuples')),
      (v) => v >= 2.5,
    ),
    check(
      'wasm ≥ 2.5× the TS fallback (columns)',
      each((found) => timeRatio(found, 's2-wire-columns-ts', 's2-wire-columns')),
      (v) => v >= 2.5,
    ),
    check(
      'SELECT 1 QPS ≥ mysql2 (1 and 32 connections)',
      ['select-1-x1', 'select-1-x32'].map((id) => ({
        label: id.replace('select-1-', ''),
        value: result(workload(report, id), 's2-wire-tuples')?.ratio,
      })),
      (v) => v >= 1,
    ),
    check('streaming peak RSS < 150 MB', streamPeaks, (v) => v < 150, ' MB'),
    check(
      'LOAD DATA LOCAL stream ≥ 3× mysql2 batched INSERT',
      [{ label: 'wire', value: result(bulk, 's2-wire-tuples-ts:load-data')?.ratio }],
      (v) => v >= 3,
    ),
    check(
      '@s2/http within 1.5× of fetch + JSON.parse (time ratio)',
      [{ label: 'http', value: timeRatio(dataApi, 's2-http', 'fetch-json-parse') }],
      (v) => v <= 1.5,
    ),
  ];
}

/** The targets as console lines. */
export function targetLines(checks: readonly TargetCheck[]): string {
  const verdict = (met: boolean | null) => (met === null ? 'open' : met ? 'met' : 'NOT met');
  const width = Math.max(...checks.map((entry) => entry.target.length));
  return [
    'Targets of issue #9',
    ...checks.map(
      (entry) =>
        `  ${entry.target.padEnd(width)}  ${verdict(entry.met).padEnd(7)}  ${entry.measured}`,
    ),
  ].join('\n');
}
