/**
 * Number literals outside strings that may denote an integer beyond 2^53: 16 or more integer
 * digits (2^53 itself has 16, so a shorter integer is safe), or an exponent. A fraction or an
 * exponent of another number is not one (the character before it is checked without a
 * lookbehind, which older Safari lacks). Group 1 is the literal.
 */
const WIDE_NUMBER =
  /(?:^|[^\w.+-])(-?(?:\d{16,}(?:\.\d+)?(?:[eE][+-]?\d+)?|\d+(?:\.\d+)?[eE][+-]?\d+))/g;
const NUMBER_TOKEN = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/** What may precede a value in JSON text outside strings. */
const VALUE_BOUNDARY = new Set(['[', ',', ':', ' ', '\t', '\n', '\r']);
const BACKSLASH = 92;
const MIN_PREFIX = 8;
const DOUBLE_MANTISSA_BITS = 53;

/** Every double beyond 2^53 is an integer; only the infinities are not. */
export function isUnsafeInteger(value: number): boolean {
  return (
    (value > Number.MAX_SAFE_INTEGER || value < -Number.MAX_SAFE_INTEGER) &&
    value !== Number.POSITIVE_INFINITY &&
    value !== Number.NEGATIVE_INFINITY
  );
}

/** Whether the `"` at `position` is escaped, i.e. preceded by an odd run of backslashes. */
function isEscaped(text: string, position: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(position - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}

/**
 * Walks a JSON text forwards by its quotes (each visited once, by `indexOf`), knowing whether
 * the current offset is inside a string and whether a `:` outside strings — the start of an
 * object member — was passed since the last `clearColon()`.
 */
class StringTracker {
  inString = false;
  colonOutside = false;
  private cursor = 0;
  private nextColon = -1;

  constructor(private readonly text: string) {}

  advanceTo(target: number): void {
    const { text } = this;
    for (;;) {
      const quote = text.indexOf('"', this.cursor);
      const end = quote === -1 || quote >= target ? target : quote;
      if (!this.inString && !this.colonOutside) {
        if (this.nextColon < this.cursor) {
          const colon = text.indexOf(':', this.cursor);
          this.nextColon = colon === -1 ? text.length : colon;
        }
        if (this.nextColon < end) this.colonOutside = true;
      }
      if (end === target) {
        this.cursor = target;
        return;
      }
      this.cursor = quote + 1;
      if (!this.inString || !isEscaped(text, quote)) this.inString = !this.inString;
    }
  }

  clearColon(): void {
    this.colonOutside = false;
  }
}

/**
 * The literals in `text[from, to)` outside strings whose value is an integer beyond 2^53, in
 * text order, by a regex scan (`from` must lie outside strings).
 */
function scanRoundedLiterals(text: string, from: number, to: number): string[] {
  const literals: string[] = [];
  const tracker = new StringTracker(text);
  tracker.advanceTo(from);
  const pattern = new RegExp(WIDE_NUMBER);
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const literal = match[1] as string;
    const start = match.index + match[0].length - literal.length;
    if (start >= to) break;
    tracker.advanceTo(start);
    if (!tracker.inString && isUnsafeInteger(Number(literal))) literals.push(literal);
  }
  return literals;
}

/**
 * The digits every literal that rounds to `value` starts with: the common prefix of the
 * integers one unit in the last place below and above it. Empty when they differ in length.
 */
function sharedPrefix(value: number): string {
  const exact = BigInt(value < 0 ? -value : value);
  const unit = 1n << BigInt(Math.max(exact.toString(2).length - DOUBLE_MANTISSA_BITS, 0));
  const below = (exact - unit).toString();
  const above = (exact + unit).toString();
  if (below.length !== above.length) return '';
  let length = 0;
  while (length < below.length && below[length] === above[length]) length++;
  return `${value < 0 ? '-' : ''}${below.slice(0, length)}`;
}

/**
 * Finds the literals by searching each value's leading digits (`indexOf`), which skips the
 * bulk of the text. Sound because a found literal is a whole number token outside strings equal
 * to the value, found in order; a literal `JSON.parse` dropped (duplicate keys) can only follow
 * an object member's `:`, so the stretches with one are scanned in full for extra literals.
 * Undefined when a value cannot be found this way.
 */
function searchRoundedLiterals(text: string, values: readonly number[]): string[] | undefined {
  const literals: string[] = [];
  const tracker = new StringTracker(text);
  let stretchStart = 0;
  for (const value of values) {
    const prefix = sharedPrefix(value);
    if (prefix.length < MIN_PREFIX) return undefined;
    let literal: string | undefined;
    let position = text.indexOf(prefix, stretchStart);
    for (; position !== -1; position = text.indexOf(prefix, position + 1)) {
      tracker.advanceTo(position);
      if (tracker.inString || !VALUE_BOUNDARY.has(text[position - 1] ?? '')) continue;
      NUMBER_TOKEN.lastIndex = position;
      literal = NUMBER_TOKEN.exec(text)?.[0];
      if (literal !== undefined && Number(literal) === value) break;
    }
    if (position === -1 || literal === undefined) return undefined;
    if (tracker.colonOutside && scanRoundedLiterals(text, stretchStart, position).length > 0) {
      return undefined;
    }
    stretchStart = position + literal.length;
    tracker.advanceTo(stretchStart);
    tracker.clearColon();
    literals.push(literal);
  }
  tracker.advanceTo(text.length);
  if (tracker.colonOutside && scanRoundedLiterals(text, stretchStart, text.length).length > 0) {
    return undefined;
  }
  return literals;
}

/**
 * The literals behind `values` — the numbers beyond 2^53 `JSON.parse` found in `text`, in text
 * order — or, when they cannot be matched one to one, every such literal of the text (whose
 * count then differs from `values`).
 */
export function roundedLiterals(text: string, values: readonly number[]): string[] {
  return searchRoundedLiterals(text, values) ?? scanRoundedLiterals(text, 0, text.length);
}
