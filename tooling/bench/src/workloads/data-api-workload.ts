import type { ServerTarget } from '../clients/client-adapter.js';
import { HTTP_CLIENTS } from '../runner/client-registry.js';
import type { WorkloadPlan } from './workload-plan.js';

/**
 * The mixed query through the Data API: @s2/http against fetch + JSON.parse of the same answer.
 * The answer was recorded once from the local Data API server (apps/data-api-server) and is
 * served from memory, so the time is the clients' own HTTP and parsing cost.
 */
export function dataApiWorkload(
  target: ServerTarget | { readonly failure: string },
  title: string,
  sql: string,
  rows: number,
  runs: number,
): WorkloadPlan {
  return {
    id: 'data-api-mixed',
    title: `Data API: ${title}`,
    description:
      'POST /api/v2/query/tuples; the local Data API server’s answer replayed from memory over HTTP/1.1 loopback; ms per query',
    unit: 'ms',
    direction: 'lower-is-better',
    baseline: 'fetch-json-parse',
    entries: HTTP_CLIENTS.map((adapter) =>
      'failure' in target
        ? { client: adapter.id, label: adapter.label, notAvailable: target.failure }
        : {
            client: adapter.id,
            label: adapter.label,
            job: {
              kind: 'fetch' as const,
              adapter: adapter.id,
              target,
              sql,
              expectedRows: rows,
              runs,
            },
          },
    ),
  };
}
