import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { indentSource } from './indent-source.js';
import { catalogueFile, generatedFile, sharedCatalogueFile } from './paths.js';
import { renderSchemas } from './render-schemas.js';
import { loadCatalogue } from './spec-catalogue.js';

async function render(): Promise<string> {
  return indentSource(renderSchemas(await loadCatalogue(catalogueFile)));
}

/** The shared catalogue's text, or undefined when the shared folder is not beside this clone. */
async function sharedCatalogue(): Promise<string | undefined> {
  return readFile(sharedCatalogueFile, 'utf8').catch(() => undefined);
}

async function generate(): Promise<void> {
  if ((await sharedCatalogue()) !== undefined) {
    await mkdir(path.dirname(catalogueFile), { recursive: true });
    await copyFile(sharedCatalogueFile, catalogueFile);
  }
  await mkdir(path.dirname(generatedFile), { recursive: true });
  await writeFile(generatedFile, await render());
  console.log(`wrote ${path.relative(process.cwd(), generatedFile)}`);
}

async function check(): Promise<void> {
  const shared = await sharedCatalogue();
  if (shared !== undefined && shared !== (await readFile(catalogueFile, 'utf8'))) {
    console.error(
      `${catalogueFile} differs from ${sharedCatalogueFile}: run \`pnpm --filter @s2/management-codegen generate\` and commit the result.`,
    );
    process.exitCode = 1;
    return;
  }
  if (shared === undefined) console.log(`(no ${sharedCatalogueFile}: checking the committed copy)`);
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
