import { parseJsonLossless } from '@s2/core-cursor';

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
 * Parses a Data API response without losing 64-bit integers: every integer literal becomes a
 * bigint (the type policy narrows it later), other numbers stay numbers. Uses `JSON.parse`
 * with the source-text reviver where the runtime has it, else core-cursor's tokenizer (Node 20).
 *
 * @throws SyntaxError on malformed JSON.
 */
export function parseResponseJson(
  text: string,
  useSourceText: boolean = hasSourceTextReviver,
): unknown {
  if (useSourceText) {
    return JSON.parse(text, reviveInteger as (key: string, value: unknown) => unknown);
  }
  return parseJsonLossless(text, { bigint: 'bigint' });
}
