import { defineConfig } from 'tsup';

/**
 * The build every published package shares: ESM + CJS + declarations for each entry.
 * @param {{ entry?: Record<string, string> | string[], platform?: 'node' | 'neutral' | 'browser', external?: string[] }} [settings]
 */
export function packageBuild(settings = {}) {
  return defineConfig({
    entry: settings.entry ?? ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    platform: settings.platform ?? 'neutral',
    external: settings.external,
    splitting: true,
    treeshake: true,
  });
}
