import {
  booleanSchema,
  choiceSchema,
  integerSchema,
  type OptionSchema,
  optional,
  socketOptionsSchema,
  stringRecordSchema,
  stringSchema,
} from './option-schema.js';

/** The value shapes an option can have; used by `describeOption`. */
export type OptionKind = 'boolean' | 'integer' | 'string' | 'choice' | 'record';

/**
 * One registered option. `schema` accepts both the typed value and the text form found in
 * environment variables and URL query strings, and outputs the typed value.
 */
export interface OptionDefinition<T> {
  readonly kind: OptionKind;
  readonly schema: OptionSchema<T>;
  readonly defaultValue: T;
  /** Environment variables, tried in order (each also without its underscores). */
  readonly env: readonly string[];
  readonly description: string;
  /** Accepted values of a `choice` option (canonical names, aliases excluded). */
  readonly choices?: readonly string[];
  /** Values never shown by `describeOption` or in messages. */
  readonly secret?: boolean;
}

interface OptionSpec {
  env?: readonly string[];
  description: string;
  secret?: boolean;
}

function define<T>(
  kind: OptionKind,
  schema: OptionSchema<T>,
  defaultValue: T,
  spec: OptionSpec,
  choices?: readonly string[],
): OptionDefinition<T> {
  return {
    kind,
    schema,
    defaultValue,
    env: spec.env ?? [],
    description: spec.description,
    ...(choices ? { choices } : {}),
    ...(spec.secret ? { secret: true } : {}),
  };
}

/** A boolean option with a default. */
export function booleanOption(defaultValue: boolean, spec: OptionSpec): OptionDefinition<boolean> {
  return define('boolean', booleanSchema, defaultValue, spec);
}

/** A boolean option that may be left unset (unset means "decide automatically"). */
export function optionalBooleanOption(spec: OptionSpec): OptionDefinition<boolean | undefined> {
  return define('boolean', optional(booleanSchema), undefined, spec);
}

interface IntegerBounds {
  min?: number;
  max?: number;
}

/** An integer option with a default and optional bounds. */
export function integerOption(
  defaultValue: number,
  spec: OptionSpec & IntegerBounds,
): OptionDefinition<number> {
  return define('integer', integerSchema(spec), defaultValue, spec);
}

/** An integer option that may be left unset. */
export function optionalIntegerOption(
  spec: OptionSpec & IntegerBounds,
): OptionDefinition<number | undefined> {
  return define('integer', optional(integerSchema(spec)), undefined, spec);
}

/** A string option with a default. */
export function stringOption(defaultValue: string, spec: OptionSpec): OptionDefinition<string> {
  return define('string', stringSchema, defaultValue, spec);
}

/** A string option that may be left unset. */
export function optionalStringOption(spec: OptionSpec): OptionDefinition<string | undefined> {
  return define('string', optional(stringSchema), undefined, spec);
}

/**
 * An option with a fixed set of values, matched case-insensitively. `aliases` maps other
 * accepted spellings (such as the Python SDK's names) to a canonical value.
 */
export function choiceOption<const C extends string>(
  choices: readonly [C, ...C[]],
  defaultValue: C,
  spec: OptionSpec & { aliases?: Readonly<Record<string, C>> },
): OptionDefinition<C> {
  return define('choice', choiceSchema(choices, spec.aliases ?? {}), defaultValue, spec, choices);
}

/** A choice option that may be left unset. */
export function optionalChoiceOption<const C extends string>(
  choices: readonly [C, ...C[]],
  spec: OptionSpec & { aliases?: Readonly<Record<string, C>> },
): OptionDefinition<C | undefined> {
  const schema = optional(choiceSchema(choices, spec.aliases ?? {}));
  return define('choice', schema, undefined, spec, choices);
}

/** A record of strings (connection attributes); also accepts JSON text. */
export function stringRecordOption(
  spec: OptionSpec,
): OptionDefinition<Readonly<Record<string, string>> | undefined> {
  return define('record', stringRecordSchema, undefined, spec);
}

/** Socket options `{ level: { option: value } }` with numeric keys; also accepts JSON text. */
export function socketOptionsOption(
  spec: OptionSpec,
): OptionDefinition<Readonly<Record<string, Readonly<Record<string, number>>>> | undefined> {
  return define('record', socketOptionsSchema, undefined, spec);
}
