import { parseJsonLossless } from '@s2/core-cursor';
import { parseJsonExactIntegers } from './exact-json-parse.js';

interface ReviverContext {
  readonly source?: string;
}

const INTEGER_LITERAL = /^-?\d+$/;

/** Whether `JSON.parse` hands revivers the source text (V8 12.2+: Node 22, current browsers). */
export const hasSourceTextReviver: boolean = (() => {
  let seen = false;
  JSON.parse('1', (_key: string, value: unknown, context?: ReviverContext) => {
    seen = typeof context?.source === 'string';
    return value;
  });
  return seen;
})();

function reviveInteger(_key: string, value: unknown, context?: ReviverContext): unknown {
  if (typeof value === 'number' && context?.source && INTEGER_LITERAL.test(context.source)) {
    return BigInt(context.source);
  }
  return value;
}

/**
 * Parses a Data API response without losing 64-bit integers.
 *
 * By default (`strategy` omitted) integers beyond 2^53 become bigints and every other number a
 * number, through {@link parseJsonExactIntegers}: nearly plain `JSON.parse` speed on every
 * runtime. Given `strategy`, every integer literal becomes a bigint: `true` parses with the
 * source-text reviver (V8 12.2+), `false` with core-cursor's tokenizer; both are many times
 * slower and kept as the reference the default is tested against.
 *
 * @throws SyntaxError on malformed JSON.
 */
export function parseResponseJson(text: string, strategy?: boolean): unknown {
  if (strategy === undefined) return parseJsonExactIntegers(text);
  if (strategy) {
    return JSON.parse(text, reviveInteger as (key: string, value: unknown) => unknown);
  }
  return parseJsonLossless(text, { bigint: 'bigint' });
}
