/** How BIGINT (and 64-bit integers inside JSON) become JS values. */
export type BigintMode = 'auto' | 'bigint' | 'string' | 'number';

/** The options of the type policy (ARCHITECTURE.md §4), identical over wire and HTTP. */
export interface ValueOptions {
  /**
   * BIGINT: `'auto'` gives a number when it is a safe integer and a bigint otherwise (never
   * silently rounded); `'bigint'` always a bigint; `'string'` the decimal text; `'number'` a
   * number even when that rounds.
   */
  bigint: BigintMode;
  /** DECIMAL: the exact text, or a (possibly rounded) number. */
  decimal: 'string' | 'number';
  /** DATE, DATETIME, TIMESTAMP: a `Date` in UTC, or text that keeps the microseconds. */
  dates: 'date' | 'string';
  /** JSON columns: parsed (Python's `parse_json`), or the JSON text when false. */
  parseJson: boolean;
  /** VECTOR columns: typed arrays (`'binary'`), or plain number arrays (`'json'`). */
  vectorFormat: 'binary' | 'json';
}

/** The type policy's defaults. */
export const DEFAULT_VALUE_OPTIONS: Readonly<ValueOptions> = Object.freeze({
  bigint: 'auto',
  decimal: 'string',
  dates: 'date',
  parseJson: true,
  vectorFormat: 'binary',
});

/** Fills the options not given with the defaults. */
export function resolveValueOptions(options: Partial<ValueOptions> = {}): ValueOptions {
  const resolved: ValueOptions = { ...DEFAULT_VALUE_OPTIONS };
  for (const key of Object.keys(resolved) as (keyof ValueOptions)[]) {
    if (options[key] !== undefined) Object.assign(resolved, { [key]: options[key] });
  }
  return resolved;
}

/** Applies the BIGINT policy to an exact integer. */
export function bigintValue(value: bigint, mode: BigintMode): number | bigint | string {
  switch (mode) {
    case 'bigint':
      return value;
    case 'string':
      return value.toString();
    case 'number':
      return Number(value);
    default:
      return value >= Number.MIN_SAFE_INTEGER && value <= Number.MAX_SAFE_INTEGER
        ? Number(value)
        : value;
  }
}
