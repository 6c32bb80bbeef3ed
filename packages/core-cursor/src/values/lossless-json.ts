import { type BigintMode, bigintValue } from './value-options.js';

/** Options of {@link parseJsonLossless}. */
export interface LosslessJsonOptions {
  /**
   * How integer literals are returned. `'auto'` (default): a number when safe, else a bigint.
   * `'bigint'`: every integer literal is a bigint. `'string'`: unsafe integers keep their text.
   * `'number'`: plain `JSON.parse` behaviour (may round). Literals with a fraction or an
   * exponent are always numbers.
   */
  bigint?: BigintMode;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * Parses JSON text like `JSON.parse`, except that integers beyond 2^53 keep every digit (as
 * bigint or text, per `bigint`) instead of being rounded. Used for JSON columns and for Data
 * API responses, whose 64-bit integers arrive as bare JSON numbers.
 *
 * @throws SyntaxError on malformed JSON, with the offset of the problem.
 */
export function parseJsonLossless(text: string, options: LosslessJsonOptions = {}): unknown {
  const parser = new LosslessJsonParser(text, options.bigint ?? 'auto');
  return parser.parseDocument();
}

class LosslessJsonParser {
  private position = 0;

  constructor(
    private readonly text: string,
    private readonly mode: BigintMode,
  ) {}

  parseDocument(): unknown {
    const value = this.parseValue();
    this.skipWhitespace();
    if (this.position !== this.text.length) this.fail('unexpected text after the JSON value');
    return value;
  }

  private parseValue(): unknown {
    this.skipWhitespace();
    const char = this.text[this.position];
    switch (char) {
      case '{':
        return this.parseObject();
      case '[':
        return this.parseArray();
      case '"':
        return this.parseString();
      case 't':
        return this.parseKeyword('true', true);
      case 'f':
        return this.parseKeyword('false', false);
      case 'n':
        return this.parseKeyword('null', null);
      default:
        return this.parseNumber();
    }
  }

  private parseObject(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.position++;
    this.skipWhitespace();
    if (this.text[this.position] === '}') {
      this.position++;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.position] !== '"') this.fail('expected a string key');
      const key = this.parseString();
      this.skipWhitespace();
      this.expect(':');
      // defineProperty so that a "__proto__" key is stored as data, as JSON.parse does.
      Object.defineProperty(result, key, {
        value: this.parseValue(),
        enumerable: true,
        writable: true,
        configurable: true,
      });
      this.skipWhitespace();
      if (this.text[this.position] === ',') {
        this.position++;
        continue;
      }
      this.expect('}');
      return result;
    }
  }

  private parseArray(): unknown[] {
    const result: unknown[] = [];
    this.position++;
    this.skipWhitespace();
    if (this.text[this.position] === ']') {
      this.position++;
      return result;
    }
    for (;;) {
      result.push(this.parseValue());
      this.skipWhitespace();
      if (this.text[this.position] === ',') {
        this.position++;
        continue;
      }
      this.expect(']');
      return result;
    }
  }

  private parseString(): string {
    this.position++;
    let result = '';
    let chunkStart = this.position;
    for (;;) {
      const char = this.text[this.position];
      if (char === undefined) this.fail('unterminated string');
      if (char === '"') {
        result += this.text.slice(chunkStart, this.position);
        this.position++;
        return result;
      }
      if (char < ' ') this.fail('control character in string');
      if (char !== '\\') {
        this.position++;
        continue;
      }
      result += this.text.slice(chunkStart, this.position);
      const escaped = this.text[this.position + 1];
      if (escaped === 'u') {
        const hex = this.text.slice(this.position + 2, this.position + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
        result += String.fromCharCode(Number.parseInt(hex, 16));
        this.position += 6;
      } else {
        const replacement = escaped === undefined ? undefined : ESCAPES[escaped];
        if (replacement === undefined) this.fail('bad escape');
        result += replacement;
        this.position += 2;
      }
      chunkStart = this.position;
    }
  }

  private parseNumber(): number | bigint | string {
    NUMBER.lastIndex = this.position;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('unexpected character');
    this.position += match[0].length;
    const literal = match[0];
    if (match[1] !== undefined || match[2] !== undefined || this.mode === 'number') {
      return Number(literal);
    }
    const exact = BigInt(literal);
    const safe = exact >= Number.MIN_SAFE_INTEGER && exact <= Number.MAX_SAFE_INTEGER;
    return safe && this.mode !== 'bigint' ? Number(exact) : bigintValue(exact, this.mode);
  }

  private parseKeyword<T>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.position)) this.fail('unexpected character');
    this.position += word.length;
    return value;
  }

  private skipWhitespace(): void {
    while (WHITESPACE.has(this.text[this.position] ?? '')) this.position++;
  }

  private expect(char: string): void {
    if (this.text[this.position] !== char) this.fail(`expected '${char}'`);
    this.position++;
  }

  private fail(reason: string): never {
    throw new SyntaxError(`Invalid JSON at offset ${this.position}: ${reason}`);
  }
}

/**
 * `JSON.stringify` that writes bigints as bare integer literals, so that 64-bit integers
 * survive a round trip through {@link parseJsonLossless}.
 */
export function jsonText(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => jsonText(item)).join(',')}]`;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    return jsonText(Array.from(value as unknown as ArrayLike<number | bigint>));
  }
  const entries = Object.entries(value).filter(
    ([, item]) => item !== undefined && typeof item !== 'function',
  );
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${jsonText(item)}`).join(',')}}`;
}
