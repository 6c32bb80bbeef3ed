import type { UserConfig } from 'vitest/config';

export interface PackageTestSettings {
  /** Start (or reuse) the shared test database server for this run. */
  database?: boolean;
  testTimeout?: number;
  include?: string[];
  env?: Record<string, string>;
}

export declare function packageTests(
  packageDir: string,
  settings?: PackageTestSettings,
): UserConfig;
