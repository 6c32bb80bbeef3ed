import path from 'node:path';
import { packageTests } from '@s2/tsconfig/vitest';

const shared = packageTests(import.meta.dirname, { testTimeout: 30_000 });

// Every test talks HTTP to one fake cloud started for the run; each test uses its own token,
// which the fake treats as a separate organization, so files can run in parallel.
export default {
  ...shared,
  test: {
    ...shared.test,
    globalSetup: [
      path.resolve(import.meta.dirname, '../../tooling/fake-cloud/src/global-setup.ts'),
    ],
  },
};
