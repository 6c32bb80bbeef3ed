import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { indentSource } from './indent-source.js';
import { catalogueFile, generatedFile } from './paths.js';
import { renderSchemas } from './render-schemas.js';
import { loadCatalogue } from './spec-catalogue.js';

async function render(): Promise<string> {
  return indentSource(renderSchemas(await loadCatalogue(catalogueFile)));
}

async function generate(): Promise<void> {
  await mkdir(path.dirname(generatedFile), { recursive: true });
  await writeFile(generatedFile, await render());
  console.log(`wrote ${path.relative(process.cwd(), generatedFile)}`);
}

async function check(): Promise<void> {
  const expected = await render();
  const actual = await readFile(generatedFile, 'utf8').catch(() => '');
  if (actual !== expected) {
    console.error(
      `${generatedFile} is out of date with ${catalogueFile}: run \`pnpm --filter @s2/management-codegen generate\` and commit the result.`,
    );
    process.exitCode = 1;
    return;
  }
  console.log('generated schemas are up to date');
}

const command = process.argv[2];
if (command === 'generate') await generate();
else if (command === 'check') await check();
else {
  console.error('usage: cli.ts generate|check');
  process.exitCode = 2;
}
