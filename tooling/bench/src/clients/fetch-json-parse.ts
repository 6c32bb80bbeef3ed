import { type ClientAdapter, NotAvailableError, type ServerTarget } from './client-adapter.js';

function basicAuthorization(target: ServerTarget): string {
  return `Basic ${Buffer.from(`${target.user}:${target.password}`).toString('base64')}`;
}

/**
 * The least a Data API user can do: `fetch` the `/query/tuples` answer and `JSON.parse` it, with
 * no type handling (BIGINTs beyond 2^53 come back rounded). The baseline of the Data API workload.
 */
export const fetchJsonParse: ClientAdapter = {
  id: 'fetch-json-parse',
  label: 'fetch + JSON.parse',
  open: async (target) => {
    const url = `http://${target.host}:${target.port}/api/v2/query/tuples`;
    const headers = {
      'content-type': 'application/json',
      authorization: basicAuthorization(target),
    };
    return {
      fetchAll: async (sql) => {
        const response = await fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({ sql, database: target.database }),
        });
        const parsed = JSON.parse(await response.text()) as {
          results?: Array<{ rows?: unknown[] }>;
        };
        return parsed.results?.[0]?.rows?.length ?? 0;
      },
      streamAll: () => Promise.reject(new NotAvailableError('the Data API has no streaming')),
      close: async () => {},
    };
  },
};
