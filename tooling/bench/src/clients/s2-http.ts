import { type ClientAdapter, NotAvailableError } from './client-adapter.js';

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}

/** @s2/http: the Data API client with lossless 64-bit integers, returning tuples. */
export const s2Http: ClientAdapter = {
  id: 's2-http',
  label: '@s2/http tuples (lossless)',
  open: async (target) => {
    let http: typeof import('@s2/http');
    try {
      http = await import('@s2/http');
    } catch (error) {
      throw new NotAvailableError(`@s2/http does not load: ${firstLine(error)}`);
    }
    const { host, port, user, password, database } = target;
    const connection = await http.connect({ driver: 'http', host, port, user, password, database });
    return {
      fetchAll: async (sql) => {
        const rows: unknown = await connection.query(sql);
        return Array.isArray(rows) ? rows.length : 0;
      },
      streamAll: () => Promise.reject(new NotAvailableError('the Data API has no streaming')),
      close: () => connection.close(),
    };
  },
};
