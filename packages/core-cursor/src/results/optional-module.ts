import { InterfaceError } from '../errors/index.js';

/**
 * Imports an optional peer dependency once; a missing package becomes an error that says what
 * to install, with the import failure kept as `cause`.
 */
export function optionalModule<T>(
  packageName: string,
  purpose: string,
  importer: () => Promise<T>,
): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= importer().catch((cause: unknown) => {
      loading = undefined;
      throw new InterfaceError(
        `${purpose} needs the optional package '${packageName}': install it with \`npm install ${packageName}\``,
        { cause },
      );
    });
    return loading;
  };
}
