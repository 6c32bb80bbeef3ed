import type { ServerTarget } from '../clients/client-adapter.js';
import { mariadbRowsAsArray } from '../clients/mariadb-rows-as-array.js';
import { mysql2RowsAsArray } from '../clients/mysql2-rows-as-array.js';
import { s2WireTuplesTs } from '../clients/s2-wire-tuples-ts.js';
import type { BenchSettings } from '../settings.js';
import type { PlanEntry, WorkloadPlan } from './workload-plan.js';

const METHOD_LABELS = {
  insert: 'multi-row INSERT batches',
  'load-data': 'LOAD DATA LOCAL stream',
} as const;

/**
 * Bulk load into the real server (a replay cannot take writes): each client's batched INSERT and
 * its LOAD DATA LOCAL from a stream, against mysql2's batched INSERT.
 */
export function bulkWorkload(
  target: ServerTarget,
  table: string,
  settings: BenchSettings,
): WorkloadPlan {
  const entries: PlanEntry[] = [];
  // Loading decodes no rows, so the accelerator does not matter: @s2/wire runs with the TS one.
  const clients = [
    [mysql2RowsAsArray, 'mysql2'],
    [mariadbRowsAsArray, 'mariadb'],
    [s2WireTuplesTs, '@s2/wire'],
  ] as const;
  for (const [adapter, name] of clients) {
    for (const method of ['insert', 'load-data'] as const) {
      entries.push({
        client: `${adapter.id}:${method}`,
        label: `${name} ${METHOD_LABELS[method]}`,
        job: {
          kind: 'bulk',
          adapter: adapter.id,
          method,
          target,
          table,
          rows: settings.bulkRows,
          batchRows: settings.bulkBatchRows,
          runs: settings.runs,
        },
      });
    }
  }
  return {
    id: `bulk-load-${settings.bulkRows / 1000}k`,
    title: `bulk load ${settings.bulkRows.toLocaleString('en-US')} rows`,
    description: `(INT, DOUBLE, VARCHAR(32)) rows generated in the client; real server (a MEMORY table on MariaDB); ${settings.bulkBatchRows} rows per INSERT or per stream chunk; mariadb's INSERT path is its batch() API; ms per load`,
    unit: 'ms',
    direction: 'lower-is-better',
    baseline: 'mysql2-rows-as-array:insert',
    entries,
  };
}
