import { InterfaceError } from '@s2/core-cursor';

/*
 * Checks of option values given in code, where TypeScript's types do not reach (JavaScript
 * callers, values parsed from configuration). Each failure is an InterfaceError naming the
 * option and what it needs; values are shown only for numbers and types, so nothing secret
 * ends up in a message.
 */

function described(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  return `a value of type ${typeof value}`;
}

function invalid(name: string, needed: string, value: unknown): InterfaceError {
  return new InterfaceError(`Option ${name} must be ${needed}, got ${described(value)}`);
}

/** An integer from `min` to `max`. */
export function checkInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(name, `an integer from ${min} to ${max}`, value);
  }
  return value;
}

/** A positive number of milliseconds (a timer's delay, so at most 2^31−1). */
export function checkMilliseconds(name: string, value: unknown): number {
  return checkInteger(name, value, 1, 2 ** 31 - 1);
}

export function checkBoolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw invalid(name, 'true or false', value);
  return value;
}

export function checkString(name: string, value: unknown): string {
  if (typeof value !== 'string') throw invalid(name, 'a string', value);
  return value;
}

export function checkFunction<T>(name: string, value: T): T {
  if (typeof value !== 'function') throw invalid(name, 'a function', value);
  return value;
}

/** A plain object whose keys are all in `known` (a misspelt key would silently do nothing). */
export function checkRecord(
  name: string,
  value: unknown,
  known: readonly string[],
): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(name, 'an object', value);
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new InterfaceError(
        `Option ${name} has no field '${key}'; it takes ${known.join(', ')}`,
      );
    }
  }
  return value as Readonly<Record<string, unknown>>;
}
