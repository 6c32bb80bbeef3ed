import type { WorkloadPlan } from './workload-plan.js';

/**
 * The Data API workload: the mixed query through @s2/http and the local Data API server, against
 * fetch + JSON.parse of the same response. Neither piece exists yet, so both entries say why; the
 * plan is here so the table and JSON carry the gap until they land.
 */
export function dataApiWorkload(mixedRowsTitle: string): WorkloadPlan {
  const server = 'the local Data API server (apps/data-api-server) does not exist yet';
  return {
    id: 'data-api-mixed',
    title: `Data API: ${mixedRowsTitle}`,
    description: 'POST /api/v2/query/tuples to the local Data API server; ms per query',
    unit: 'ms',
    direction: 'lower-is-better',
    baseline: 'fetch-json-parse',
    entries: [
      { client: 'fetch-json-parse', label: 'fetch + JSON.parse', notAvailable: server },
      {
        client: 's2-http',
        label: '@s2/http (lossless)',
        notAvailable: `@s2/http exports nothing yet, and ${server}`,
      },
    ],
  };
}
