import { startDataApiServer } from '@s2/data-api-server';
import type { ServerTarget } from './clients/client-adapter.js';
import { type DataApiRecording, recordDataApi } from './replay/http-replay-server.js';

/**
 * Starts the local Data API server in front of the real database, records its answer to each
 * statement, and stops it again. A failure is returned, not thrown: it costs the run only the
 * Data API workload, whose entries then carry the reason.
 */
export async function recordThroughDataApi(
  target: ServerTarget,
  statements: readonly string[],
): Promise<DataApiRecording | { readonly failure: string }> {
  try {
    return await recordWithServer(target, statements);
  } catch (error) {
    return { failure: `recording through the local Data API server failed: ${String(error)}` };
  }
}

async function recordWithServer(
  target: ServerTarget,
  statements: readonly string[],
): Promise<DataApiRecording> {
  const server = await startDataApiServer({
    target: `mysql://${target.host}:${target.port}`,
    log: false,
  });
  try {
    const authorization = `Basic ${Buffer.from(`${target.user}:${target.password}`).toString('base64')}`;
    return await recordDataApi(server.url, authorization, target.database, statements);
  } finally {
    await server.stop();
  }
}
