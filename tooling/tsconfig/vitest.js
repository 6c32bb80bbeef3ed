import path from 'node:path';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

const root = path.resolve(import.meta.dirname, '../..');
const globalSetup = path.join(root, 'tooling/test-server/src/global-setup.ts');

/**
 * The vitest settings every workspace package shares: workspace packages resolve to their
 * `src/` through the `source` export condition, one test server is shared per run (when
 * `database` is set), and results land in `.test-results/` for the CI summary line.
 * @param {string} packageDir the package's directory (import.meta.dirname)
 * @param {{ database?: boolean, testTimeout?: number, include?: string[], env?: Record<string, string> }} [settings]
 */
export function packageTests(packageDir, settings = {}) {
  const name = path.relative(root, packageDir).replaceAll(path.sep, '-');
  const resultsFile = path.join(
    root,
    '.test-results',
    `${name}${process.env.S2_TEST_SUFFIX ?? ''}.json`,
  );
  return defineConfig({
    resolve: { conditions: ['source', ...defaultClientConditions] },
    ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
    test: {
      include: settings.include ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
      globalSetup: settings.database ? [globalSetup] : [],
      testTimeout: settings.testTimeout ?? 30_000,
      hookTimeout: 120_000,
      env: settings.env,
      reporters: ['default', ['json', { outputFile: resultsFile }]],
      pool: 'forks',
      passWithNoTests: true,
    },
  });
}
