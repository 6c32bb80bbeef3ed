import { formatNumber, formatRatio } from './format-number.js';
import type { ClientResult, WorkloadResult } from './results.js';

/** The secondary figure worth a column: throughput for reads and loads, RSS for streams. */
export function secondary(workload: WorkloadResult, result: ClientResult): string {
  const extras = result.extras ?? {};
  const parts: string[] = [];
  if (extras.rowsPerSecond) parts.push(`${formatNumber(extras.rowsPerSecond.median)} rows/s`);
  if (extras.peakRssMb && workload.id.startsWith('stream')) {
    const start = extras.startRssMb ? ` (${formatNumber(extras.startRssMb.median)} before)` : '';
    parts.push(`peak RSS ${formatNumber(extras.peakRssMb.max)} MB${start}`);
  }
  if (extras.meanLatencyUs) parts.push(`${formatNumber(extras.meanLatencyUs.median)} µs/query`);
  return parts.join(', ');
}

/**
 * A plain-text table: one block per workload, one line per client, with the median, the min–max
 * range, the secondary figure and the ratio against the workload's baseline.
 */
export function consoleTable(workloads: readonly WorkloadResult[]): string {
  const header = ['client', 'median', 'min – max', 'unit', 'throughput / memory', 'vs baseline'];
  const lines: string[] = [];
  for (const workload of workloads) {
    const rows = workload.results.map((result) =>
      result.status === 'ok' && result.value
        ? [
            result.label,
            formatNumber(result.value.median),
            `${formatNumber(result.value.min)} – ${formatNumber(result.value.max)}`,
            workload.unit,
            secondary(workload, result),
            formatRatio(result.ratio),
          ]
        : [result.label, `${result.status}: ${result.reason ?? ''}`, '', '', '', ''],
    );
    const widths = header.map((title, column) =>
      Math.max(
        title.length,
        ...rows.filter((row) => row[2] !== '').map((row) => row[column]?.length ?? 0),
      ),
    );
    const render = (row: string[]) =>
      row[2] === '' && row[1] !== ''
        ? `  ${row[0]?.padEnd(widths[0] ?? 0)}  ${row[1]}`
        : `  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join('  ')}`;
    lines.push(
      `${workload.title} — baseline ${workload.baseline}`,
      render(header),
      ...rows.map(render),
      '',
    );
  }
  return lines.join('\n');
}
