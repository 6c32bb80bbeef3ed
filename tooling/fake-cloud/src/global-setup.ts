import { type OperationName, operations } from '@s2/management/internal';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { type FakeCloud, startFakeCloud } from './fake-cloud.js';

declare module 'vitest' {
  export interface ProvidedContext {
    fakeCloudUrl: string;
  }
}

let running: FakeCloud | undefined;

/** Vitest global setup: one fake cloud per run on a free port, with short transitions. */
export async function setup(project: TestProject): Promise<void> {
  running = await startFakeCloud({ port: 0, transitionDelayMs: 30 });
  project.provide('fakeCloudUrl', running.url);
}

/** Stops the fake cloud after the run, reporting spec operations no test reached. */
export async function teardown(): Promise<void> {
  if (running) {
    const served = running.operationsServed;
    const missed = Object.keys(operations).filter((name) => !served.has(name as OperationName));
    console.info(
      `fake cloud: the tests reached ${served.size} of ${Object.keys(operations).length} spec operations${
        missed.length > 0 ? `; not reached: ${missed.join(', ')}` : ''
      }`,
    );
  }
  await running?.close();
}
