import path from 'node:path';
import { build } from 'esbuild';

const SOURCE = path.join(import.meta.dirname, 'child.ts');
/** Inside the bench package, so the bundle's bare imports resolve to the bench's dependencies. */
const OUTPUT = path.join(
  import.meta.dirname,
  '..',
  '..',
  'node_modules',
  '.cache',
  'bench-child',
  'child.mjs',
);

let bundled: Promise<string> | undefined;

/**
 * The child's entry as one plain JavaScript file, bundled once per run, with every package left
 * as an import: node resolves those without the `source` condition, so children load the
 * workspace packages' built `dist` (`pnpm bench` builds them first). Children run it with plain `node`, as users run the clients: under tsx's loader
 * the workspace packages (whose real paths are outside node_modules) went through its transform
 * and source-map handling, which cost @s2's children about 24 MB of RSS before the first row and
 * mysql2's and mariadb's (under node_modules, skipped by tsx) about 2.
 */
export function childEntry(): Promise<string> {
  bundled ??= build({
    entryPoints: [SOURCE],
    outfile: OUTPUT,
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: `node${process.versions.node.split('.')[0]}`,
    logLevel: 'silent',
  }).then(() => OUTPUT);
  return bundled;
}
