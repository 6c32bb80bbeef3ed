import { parseJsonLossless } from '@s2/core-cursor';
import { isUnsafeInteger, roundedLiterals } from './rounded-literals.js';

const INTEGER_LITERAL = /^-?\d+$/;
/** Keys that objects enumerate before the others, out of text order. */
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

/** Where `JSON.parse` put the numbers it may have rounded, in text order. */
interface RoundedSlots {
  readonly containers: (unknown[] | Record<string, unknown>)[];
  readonly keys: (number | string)[];
  /** False when an object on the way enumerates its keys out of text order. */
  inTextOrder: boolean;
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/*
 * The walk has a loop per nesting role — arrays in objects (the rows list), arrays in arrays
 * (Data API rows), arrays in those (vectors) — so that each loop reads one kind of array: a loop
 * that reads both mixed rows and all-double vectors boxes every double it reads, a heap number
 * per vector element (ten extra scavenges for 200k rows of 16-float vectors).
 */

/** Whether every item of `array` is a number within ±(2^53 − 1). */
function isSafeNumberArray(array: readonly unknown[]): boolean {
  for (let index = 0; index < array.length; index++) {
    const item = array[index];
    if (typeof item !== 'number' || item > MAX_SAFE || item < -MAX_SAFE) return false;
  }
  return true;
}

function collectNumber(
  item: number,
  slots: RoundedSlots,
  container: unknown[],
  index: number,
  inTextOrder: boolean,
): void {
  // The range test first: it rules out nearly every number without a call.
  if ((item > MAX_SAFE || item < -MAX_SAFE) && isUnsafeInteger(item)) {
    addSlot(slots, container, index, inTextOrder);
  }
}

/** An array inside an array, such as a Data API row. */
function collectNested(array: unknown[], slots: RoundedSlots, inTextOrder: boolean): void {
  for (let index = 0; index < array.length; index++) {
    const item: unknown = array[index];
    if (typeof item === 'number') {
      collectNumber(item, slots, array, index, inTextOrder);
    } else if (item !== null && typeof item === 'object') {
      if (!(Array.isArray(item) && isSafeNumberArray(item))) {
        collectRounded(item, slots, inTextOrder);
      }
    }
  }
}

function collectRounded(value: unknown, slots: RoundedSlots, inTextOrder: boolean): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (typeof item === 'number') {
        collectNumber(item, slots, value, index, inTextOrder);
      } else if (Array.isArray(item)) {
        collectNested(item, slots, inTextOrder);
      } else if (item !== null && typeof item === 'object') {
        collectRounded(item, slots, inTextOrder);
      }
    }
    return;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const ordered = inTextOrder && !keys.some((key) => INDEX_KEY.test(key));
  for (const key of keys) {
    const item = record[key];
    if (typeof item === 'number') {
      if (isUnsafeInteger(item)) addSlot(slots, record, key, ordered);
    } else if (item !== null && typeof item === 'object') {
      collectRounded(item, slots, ordered);
    }
  }
}

function addSlot(
  slots: RoundedSlots,
  container: unknown[] | Record<string, unknown>,
  key: number | string,
  inTextOrder: boolean,
): void {
  slots.containers.push(container);
  slots.keys.push(key);
  if (!inTextOrder) slots.inTextOrder = false;
}

/**
 * Parses JSON text exactly as `parseJsonLossless(text, { bigint: 'auto' })` does — integers
 * beyond 2^53 become bigints, every other number a number (`-0` keeps its sign, as with
 * `JSON.parse`) — at nearly the speed of `JSON.parse`.
 *
 * `JSON.parse` does the work; a walk over its result finds the numbers it may have rounded
 * (integers beyond 2^53: usually none, and then the result is exact). Only then is the text
 * searched for those literals ({@link roundedLiterals}), whose digits replace the rounded values
 * in text order. Texts where that order is not the walk's (index-like or duplicate keys) go to
 * the tokenizer.
 *
 * @throws SyntaxError on malformed JSON.
 */
export function parseJsonExactIntegers(text: string): unknown {
  const parsed: unknown = JSON.parse(text);
  if (parsed === null || typeof parsed !== 'object') {
    return typeof parsed === 'number' && isUnsafeInteger(parsed)
      ? parseJsonLossless(text, { bigint: 'auto' })
      : parsed;
  }
  const slots: RoundedSlots = { containers: [], keys: [], inTextOrder: true };
  collectRounded(parsed, slots, true);
  const { containers, keys } = slots;
  if (containers.length === 0) return parsed;
  const values = containers.map((container, index) => {
    return (container as Record<number | string, number>)[keys[index] as number | string] as number;
  });
  const literals = slots.inTextOrder ? roundedLiterals(text, values) : [];
  if (literals.length !== containers.length) return parseJsonLossless(text, { bigint: 'auto' });
  for (let index = 0; index < literals.length; index++) {
    const container = containers[index] as Record<number | string, unknown>;
    const key = keys[index] as number | string;
    const literal = literals[index] as string;
    if (values[index] !== Number(literal)) return parseJsonLossless(text, { bigint: 'auto' });
    // A fraction or an exponent makes a number, as in the tokenizer.
    if (INTEGER_LITERAL.test(literal)) container[key] = BigInt(literal);
  }
  return parsed;
}
