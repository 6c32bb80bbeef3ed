import type { TestProject } from 'vitest/node';
import { startTestServer } from './start-test-server.js';

/** Vitest global setup: one server for the whole run, stopped when the run ends. */
export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const { stop, ...info } = server;
  project.provide('s2TestServer', info);
  return async () => {
    await stop();
  };
}
