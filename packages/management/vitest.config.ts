import path from 'node:path';
import { packageTests } from '@s2/tsconfig/vitest';

// The client reads these from the environment; blank them so a developer's or CI's settings
// (e.g. a real SINGLESTOREDB_URL) cannot leak into tests, which set what they need explicitly.
const isolatedEnvironment = Object.fromEntries(
  [
    'SINGLESTOREDB_URL',
    'SINGLESTOREDB_MANAGEMENT_TOKEN',
    'SINGLESTOREDB_MANAGEMENT_BASE_URL',
    'SINGLESTOREDB_MANAGEMENT_VERSION',
    'SINGLESTOREDB_ORGANIZATION',
    'SINGLESTOREDB_PROJECT',
    'SINGLESTOREDB_DEFAULT_DATABASE',
    'SINGLESTOREDB_WORKSPACE',
    'SINGLESTOREDB_VIRTUAL_WORKSPACE',
    'SINGLESTOREDB_CLUSTER',
  ].map((name) => [name, '']),
);

const shared = packageTests(import.meta.dirname, { testTimeout: 30_000, env: isolatedEnvironment });

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
