import { ProgrammingError } from '../errors/index.js';
import type { Placeholder } from './scan-placeholders.js';

/** Statement parameters: an array for `?` placeholders, an object for `:name` ones. */
export type SqlParams = readonly unknown[] | Readonly<Record<string, unknown>>;

/**
 * Pairs each placeholder with its value, checking that the parameters fit the placeholders:
 * an array needs exactly one value per `?`; an object needs a key for every `:name` (extra keys
 * are allowed, and a name may repeat). Mixing `?` and `:name` is an error.
 */
export function bindPlaceholders(
  placeholders: readonly Placeholder[],
  params: SqlParams,
): unknown[] {
  const positional = placeholders.filter((placeholder) => placeholder.kind === 'positional');
  if (positional.length > 0 && positional.length < placeholders.length) {
    throw new ProgrammingError('A statement cannot mix ? and :name placeholders');
  }
  if (Array.isArray(params)) {
    if (positional.length !== placeholders.length) {
      throw new ProgrammingError(
        'Parameters given as an array need ? placeholders, but the statement uses :name ones',
      );
    }
    if (params.length !== placeholders.length) {
      throw new ProgrammingError(
        `The statement has ${placeholders.length} ? placeholder(s) but ${params.length} ` +
          'parameter(s) were given',
      );
    }
    return [...params];
  }
  if (positional.length > 0) {
    throw new ProgrammingError(
      'Parameters given as an object need :name placeholders, but the statement uses ?',
    );
  }
  const named = params as Readonly<Record<string, unknown>>;
  return placeholders.map((placeholder) => {
    const name = placeholder.name!;
    if (!Object.hasOwn(named, name)) {
      throw new ProgrammingError(`No value was given for the placeholder :${name}`);
    }
    return named[name];
  });
}
