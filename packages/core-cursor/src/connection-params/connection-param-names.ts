import { InterfaceError } from '../errors/index.js';
import { CONNECTION_OPTION_TABLE } from '../options/connection-option-table.js';
import { type CamelCase, flatCamelCase, type OptionValue } from '../options/option-names.js';

/** Options that are also connection parameters (Python names). */
export type ConnectionOptionName = keyof typeof CONNECTION_OPTION_TABLE;

/** `results.type` → `resultsType`, `ssl_ca` → `sslCa`. */
export type FlatCamelCase<S extends string> = S extends `${infer Group}.${infer Leaf}`
  ? CamelCase<`${Group}_${Leaf}`>
  : CamelCase<S>;

/** A connection parameter's TypeScript name: `resultsType`, `sslCa`, `httpPort`. */
export type ConnectionParamName = FlatCamelCase<ConnectionOptionName>;

/** The parameters `connect()` takes, each optional; `null` counts as not given. */
export type ConnectionInput = {
  [K in ConnectionOptionName as FlatCamelCase<K>]?: OptionValue<K> | null;
} & {
  /** A connection URL; its parts fill whatever is not given explicitly. */
  url?: string | null;
};

/** Connection option names in table order. */
export const CONNECTION_OPTION_NAMES = Object.keys(
  CONNECTION_OPTION_TABLE,
) as ConnectionOptionName[];

const BY_SPELLING: ReadonlyMap<string, ConnectionOptionName> = new Map(
  CONNECTION_OPTION_NAMES.flatMap((name) =>
    [name, name.replaceAll('.', '_'), flatCamelCase(name)].map(
      (spelling) => [spelling.toLowerCase(), name] as const,
    ),
  ),
);

/** The camelCase parameter name of a connection option. */
export function paramNameOf(name: ConnectionOptionName): ConnectionParamName {
  return flatCamelCase(name) as ConnectionParamName;
}

/**
 * Matches a parameter name written in snake_case (`ssl_ca`, `results_type`) or camelCase
 * (`sslCa`, `resultsType`), case-insensitively. Unknown names throw an InterfaceError that
 * lists the valid ones; `where` says where the name was found.
 */
export function resolveConnectionParamName(name: string, where: string): ConnectionOptionName {
  const found = BY_SPELLING.get(name.toLowerCase());
  if (found) return found;
  const valid = CONNECTION_OPTION_NAMES.map(paramNameOf).join(', ');
  throw new InterfaceError(
    `Unknown connection parameter "${name}" in ${where}; valid parameters (camelCase or ` +
      `snake_case) are: ${valid}`,
  );
}
