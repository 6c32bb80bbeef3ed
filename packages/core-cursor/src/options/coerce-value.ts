const TRUE_WORDS = new Set(['1', 'on', 't', 'true', 'y', 'yes', 'enable', 'enabled']);
const FALSE_WORDS = new Set(['0', 'off', 'f', 'false', 'n', 'no', 'disable', 'disabled']);

/**
 * Reads a boolean the way the Python SDK's `cast_bool_param` / `check_bool` do: booleans,
 * the numbers 1 and 0, and the words on/t/true/y/yes/enable(d) and off/f/false/n/no/disable(d)
 * in any case. Anything else is returned unchanged so the schema reports it.
 */
export function coerceBoolean(value: unknown): unknown {
  if (typeof value === 'boolean') return value;
  if (value === 1 || value === 0) return value === 1;
  if (typeof value === 'string') {
    const word = value.trim().toLowerCase();
    if (TRUE_WORDS.has(word)) return true;
    if (FALSE_WORDS.has(word)) return false;
  }
  return value;
}

/** Reads an integer from a number or decimal text; anything else is returned unchanged. */
export function coerceInteger(value: unknown): unknown {
  if (typeof value === 'string' && /^\s*[-+]?\d+\s*$/.test(value)) return Number(value);
  if (typeof value === 'bigint' && value >= BigInt(Number.MIN_SAFE_INTEGER)) {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
  }
  return value;
}

/** Reads a string → string (or nested) record from an object or JSON text. */
export function coerceRecord(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
