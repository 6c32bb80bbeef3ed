import path from 'node:path';

/** The monorepo root: this package lives in `<root>/tooling/management-codegen/src`. */
export const repositoryRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/** The schema catalogue as published in the shared folder beside the repository root. */
export const sharedCatalogueFile = path.resolve(
  repositoryRoot,
  '..',
  'shared',
  'spec',
  'management-schemas.json',
);

/**
 * The committed copy of that catalogue, which the generator reads: a clone without the shared
 * folder beside it (a CI checkout) can still check the generated module.
 */
export const catalogueFile = path.resolve(
  repositoryRoot,
  'tooling',
  'management-codegen',
  'spec',
  'management-schemas.json',
);

/** The committed generated module in @s2/management. */
export const generatedFile = path.join(
  repositoryRoot,
  'packages',
  'management',
  'src',
  'generated',
  'schemas.generated.ts',
);
