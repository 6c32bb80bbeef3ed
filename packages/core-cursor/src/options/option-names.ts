import { CONNECTION_OPTION_TABLE } from './connection-option-table.js';
import type { OptionDefinition } from './option-kinds.js';
import { PACKAGE_OPTION_TABLE } from './package-option-table.js';

/** Every registered option, keyed by its Python SDK name. */
export const OPTION_TABLE = { ...CONNECTION_OPTION_TABLE, ...PACKAGE_OPTION_TABLE };

/** A registry key: the Python SDK's option name, such as `results.type` or `http_port`. */
export type OptionName = keyof typeof OPTION_TABLE;

/** The value type of an option. */
export type OptionValue<K extends OptionName> =
  (typeof OPTION_TABLE)[K] extends OptionDefinition<infer T> ? T : never;

/** `snake_case` → `camelCase`, segment by segment. */
export type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S extends `${infer Group}.${infer Leaf}`
    ? `${CamelCase<Group>}.${CamelCase<Leaf>}`
    : S;

/** Converts one snake_case name (dots kept) to camelCase. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** `results.type` → `resultsType`: the form used for connection parameters. */
export function flatCamelCase(name: string): string {
  return camelCase(name.replaceAll('.', '_'));
}

/** All registry keys, in table order. */
export const OPTION_NAMES = Object.keys(OPTION_TABLE) as OptionName[];

function buildLookup(): ReadonlyMap<string, OptionName | null> {
  const lookup = new Map<string, OptionName | null>();
  const exact = new Set<string>();
  for (const name of OPTION_NAMES) {
    for (const spelling of [name, camelCase(name), flatCamelCase(name)]) {
      lookup.set(spelling.toLowerCase(), name);
      exact.add(spelling.toLowerCase());
    }
  }
  // A leaf name (`arraysize`) is a short name when it belongs to exactly one option; null
  // marks an ambiguous leaf so the error can say so.
  for (const name of OPTION_NAMES) {
    const leaf = name.slice(name.lastIndexOf('.') + 1);
    for (const spelling of [leaf, camelCase(leaf)]) {
      const key = spelling.toLowerCase();
      if (exact.has(key)) continue;
      const existing = lookup.get(key);
      lookup.set(key, existing === undefined || existing === name ? name : null);
    }
  }
  return lookup;
}

const LOOKUP = buildLookup();

/**
 * Finds the option a name refers to: the Python name (`results.type`), its camelCase forms
 * (`externalFunction.appMode`, `externalFunctionAppMode`, `httpPort`), or a leaf that only one option has (`arraysize`),
 * all case-insensitive. Returns a reason when the name is unknown or ambiguous.
 */
export function lookupOptionName(
  name: string,
): { name: OptionName } | { problem: 'unknown' | 'ambiguous' } {
  const found = LOOKUP.get(name.toLowerCase());
  if (found === undefined) return { problem: 'unknown' };
  if (found === null) return { problem: 'ambiguous' };
  return { name: found };
}
