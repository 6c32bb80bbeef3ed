import path from 'node:path';

/** The monorepo root: this package lives in `<root>/tooling/management-codegen/src`. */
export const repositoryRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/** The schema catalogue, in the shared folder beside the repository root. */
export const catalogueFile = path.resolve(
  repositoryRoot,
  '..',
  'shared',
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
