import type { TestServerInfo } from '@s2/test-server';
import startForVitest from '@s2/test-server/global-setup';
import type { TestProject } from 'vitest/node';

/** The benchmark's database server and how to stop it. */
export interface DatabaseServer {
  readonly info: TestServerInfo;
  stop(): Promise<void>;
}

/**
 * Starts the throwaway server (or uses SINGLESTOREDB_URL) the way the tests do. The package's main
 * entry also exports vitest helpers that throw outside a vitest run, so a plain Node program goes
 * through the global-setup entry, which only calls `startTestServer()` and hands over its info.
 */
export async function startDatabaseServer(): Promise<DatabaseServer> {
  let info: TestServerInfo | undefined;
  const project = {
    provide: (_key: string, value: TestServerInfo) => {
      info = value;
    },
  };
  const stop = await startForVitest(project as unknown as TestProject);
  if (!info) throw new Error('the test server started but described nothing');
  return { info, stop };
}
