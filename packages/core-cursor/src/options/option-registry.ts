import { InterfaceError } from '../errors/index.js';
import type { OptionDefinition } from './option-kinds.js';
import {
  lookupOptionName,
  OPTION_TABLE,
  type OptionName,
  type OptionValue,
} from './option-names.js';
import { readEnvironment } from './read-environment.js';

/** Where an option's current value comes from, highest precedence first. */
export type OptionSource = 'scope' | 'set' | 'env' | 'default';

const setValues = new Map<OptionName, unknown>();
const scopes: Array<ReadonlyMap<OptionName, unknown>> = [];

/** Resolves any accepted spelling of an option name, or throws InterfaceError. */
export function resolveOptionName(name: string): OptionName {
  const found = lookupOptionName(name);
  if ('name' in found) return found.name;
  throw new InterfaceError(
    found.problem === 'ambiguous'
      ? `Option name "${name}" is ambiguous; use the full name (see describeOption())`
      : `Unknown option "${name}"; describeOption() lists the options`,
  );
}

function definitionOf(name: OptionName): OptionDefinition<unknown> {
  return OPTION_TABLE[name] as OptionDefinition<unknown>;
}

/**
 * Validates a value for an option (typed values, or the text forms accepted in environment
 * variables and URLs) and returns it typed. `origin` says where the value came from, for the
 * error message; secret values are never quoted.
 */
export function parseOptionValue<K extends OptionName>(
  name: K,
  value: unknown,
  origin: string,
): OptionValue<K> {
  const definition = definitionOf(name);
  const parsed = definition.schema.safeParse(value);
  if (parsed.success) return parsed.data as OptionValue<K>;
  const shown = definition.secret ? '' : ` ${JSON.stringify(String(value))}`;
  const expected = definition.choices
    ? `one of ${definition.choices.join(', ')}`
    : `a ${definition.kind}`;
  throw new InterfaceError(
    `Invalid value${shown} for option ${name} from ${origin}: expected ${expected}`,
  );
}

function currentValue(name: OptionName): { value: unknown; source: OptionSource } {
  for (let index = scopes.length - 1; index >= 0; index--) {
    const scope = scopes[index]!;
    if (scope.has(name)) return { value: scope.get(name), source: 'scope' };
  }
  if (setValues.has(name)) return { value: setValues.get(name), source: 'set' };
  const definition = definitionOf(name);
  const hit = readEnvironment(definition.env);
  if (hit)
    return {
      value: parseOptionValue(name, hit.value, `environment variable ${hit.name}`),
      source: 'env',
    };
  return { value: definition.defaultValue, source: 'default' };
}

/**
 * Reads an option. Precedence: a `withOptions` scope, then `setOption`, then the environment
 * (re-read on every call), then the default.
 *
 * @param name Python name (`results.type`), camelCase name (`resultsType`) or a unique leaf.
 */
export function getOption<K extends OptionName>(name: K): OptionValue<K>;
export function getOption(name: string): unknown;
export function getOption(name: string): unknown {
  return currentValue(resolveOptionName(name)).value;
}

/** Says where an option's current value comes from. */
export function getOptionSource(name: string): OptionSource {
  return currentValue(resolveOptionName(name)).source;
}

/**
 * Sets an option for the process after validating it. Unlike the Python SDK this never writes
 * `process.env`; a set value takes precedence over the environment. `undefined` resets it.
 */
export function setOption<K extends OptionName>(name: K, value: OptionValue<K> | undefined): void;
export function setOption(name: string, value: unknown): void;
export function setOption(name: string, value: unknown): void {
  const key = resolveOptionName(name);
  if (value === undefined || value === null) {
    setValues.delete(key);
    return;
  }
  setValues.set(key, parseOptionValue(key, value, 'setOption'));
}

/** Forgets values set with `setOption`: for the named options, or for all when none is named. */
export function resetOption(...names: string[]): void {
  if (names.length === 0) {
    setValues.clear();
    return;
  }
  for (const name of names) setValues.delete(resolveOptionName(name));
}

/** Validates overrides and pushes them as a scope; returns the function that removes it. */
export function pushOptionScope(overrides: Readonly<Record<string, unknown>>): () => void {
  const scope = new Map<OptionName, unknown>();
  for (const [name, value] of Object.entries(overrides)) {
    const key = resolveOptionName(name);
    scope.set(
      key,
      value === undefined || value === null
        ? definitionOf(key).defaultValue
        : parseOptionValue(key, value, 'withOptions'),
    );
  }
  scopes.push(scope);
  return () => {
    const index = scopes.lastIndexOf(scope);
    if (index >= 0) scopes.splice(index, 1);
  };
}
