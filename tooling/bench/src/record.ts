import { NotAvailableError, type ServerTarget } from './clients/client-adapter.js';
import { rawDrain } from './clients/raw-drain.js';
import type { Recording } from './replay/recording.js';
import { startRecordingProxy } from './replay/recording-proxy.js';
import { WIRE_CLIENTS } from './runner/client-registry.js';

/** The recording, and the clients that said they are not available, with their reasons. */
export interface RecordedRun {
  readonly recording: Recording;
  readonly unavailable: ReadonlyMap<string, string>;
}

/**
 * Records every read query's response once, through the proxy, with the raw drain; then lets each
 * client library log in through the proxy and run SELECT 1, so whatever it sends on connect is in
 * the recording too. A client that is not available says so here, once, instead of in every run.
 */
export async function recordQueries(
  target: ServerTarget,
  queries: readonly string[],
): Promise<RecordedRun> {
  const unavailable = new Map<string, string>();
  const proxy = await startRecordingProxy(target);
  const proxied = { ...target, host: '127.0.0.1', port: proxy.port };
  try {
    const drain = await rawDrain.open(proxied, 1);
    try {
      for (const sql of queries) await drain.fetchAll(sql);
    } finally {
      await drain.close();
    }
    for (const adapter of WIRE_CLIENTS) {
      for (const connections of [1, 2]) {
        try {
          const session = await adapter.open(proxied, connections);
          await session.fetchAll('SELECT 1');
          await session.close();
        } catch (error) {
          // Other failures are left to the measuring runs, which report them per workload.
          if (error instanceof NotAvailableError) unavailable.set(adapter.id, error.message);
        }
      }
    }
    return { recording: proxy.recording.finish(), unavailable };
  } finally {
    await proxy.close();
  }
}
