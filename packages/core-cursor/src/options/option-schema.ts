import { coerceBoolean, coerceInteger, coerceRecord } from './coerce-value.js';

/** The outcome of checking one option value. */
export type SchemaResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false };

/**
 * Checks an option value and returns it typed: the typed value or the text form of environment
 * variables and URLs goes in, the typed value comes out. Written here rather than with a schema
 * library because importing one cost every process about 15 MB of memory for a few checks.
 */
export interface OptionSchema<T> {
  safeParse(value: unknown): SchemaResult<T>;
}

const FAILED = Object.freeze({ success: false as const });

function ok<T>(data: T): SchemaResult<T> {
  return { success: true, data };
}

function schema<T>(check: (value: unknown) => SchemaResult<T>): OptionSchema<T> {
  return { safeParse: check };
}

/** Accepts undefined as itself, anything else through `inner`. */
export function optional<T>(inner: OptionSchema<T>): OptionSchema<T | undefined> {
  return schema((value) => (value === undefined ? ok(undefined) : inner.safeParse(value)));
}

/** Booleans, 1/0 and the Python SDK's words for them. */
export const booleanSchema: OptionSchema<boolean> = schema((value) => {
  const coerced = coerceBoolean(value);
  return typeof coerced === 'boolean' ? ok(coerced) : FAILED;
});

/** Safe integers (or their decimal text) within the bounds given. */
export function integerSchema(bounds: { min?: number; max?: number }): OptionSchema<number> {
  return schema((value) => {
    const coerced = coerceInteger(value);
    if (typeof coerced !== 'number' || !Number.isSafeInteger(coerced)) return FAILED;
    if (bounds.min !== undefined && coerced < bounds.min) return FAILED;
    if (bounds.max !== undefined && coerced > bounds.max) return FAILED;
    return ok(coerced);
  });
}

export const stringSchema: OptionSchema<string> = schema((value) =>
  typeof value === 'string' ? ok(value) : FAILED,
);

/** One of `choices`, matched case-insensitively, `aliases` mapping other spellings. */
export function choiceSchema<C extends string>(
  choices: readonly C[],
  aliases: Readonly<Record<string, C>>,
): OptionSchema<C> {
  const accepted = new Set<string>(choices);
  return schema((value) => {
    if (typeof value !== 'string') return FAILED;
    const word = value.trim().toLowerCase();
    const choice = Object.hasOwn(aliases, word) ? aliases[word] : word;
    return choice !== undefined && accepted.has(choice) ? ok(choice as C) : FAILED;
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** A plain object (or its JSON text) whose keys pass `key` and values pass `entry`; a copy. */
function recordOf<V>(
  key: (name: string) => boolean,
  entry: OptionSchema<V>,
): OptionSchema<Record<string, V>> {
  return schema((value) => {
    if (!isPlainObject(value)) return FAILED;
    const copy: Record<string, V> = {};
    for (const [name, item] of Object.entries(value)) {
      if (!key(name)) return FAILED;
      const checked = entry.safeParse(item);
      if (!checked.success) return FAILED;
      copy[name] = checked.data;
    }
    return ok(copy);
  });
}

const anyKey = (): boolean => true;
const numericKey = (name: string): boolean => /^\d+$/.test(name);
const integerValue = integerSchema({});

/** Connection attributes: string → string, from an object or JSON text. */
export const stringRecordSchema: OptionSchema<Readonly<Record<string, string>> | undefined> =
  coerced(optional(recordOf(anyKey, stringSchema)));

/** Python-style socket options `{ level: { option: value } }`, numeric keys, integer values. */
export const socketOptionsSchema: OptionSchema<
  Readonly<Record<string, Readonly<Record<string, number>>>> | undefined
> = coerced(optional(recordOf(numericKey, recordOf(numericKey, integerValue))));

function coerced<T>(inner: OptionSchema<T>): OptionSchema<T> {
  return schema((value) => inner.safeParse(coerceRecord(value)));
}
