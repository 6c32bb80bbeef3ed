const REPLACEMENT = [0xef, 0xbf, 0xbd];

/**
 * Writes `text` as UTF-8 into `target` from `offset`, byte for byte as `TextEncoder` does (a lone
 * surrogate becomes U+FFFD), and returns the offset after it. Bytes that do not fit are dropped
 * (typed arrays ignore writes past their end), so a result above `target.length` means the text
 * must be written again into a larger target.
 */
export function encodeUtf8Into(text: string, target: Uint8Array, offset: number): number {
  let out = offset;
  const { length } = text;
  for (let position = 0; position < length; position++) {
    const code = text.charCodeAt(position);
    if (code < 0x80) {
      target[out++] = code;
    } else if (code < 0x800) {
      target[out++] = 0xc0 | (code >> 6);
      target[out++] = 0x80 | (code & 63);
    } else if (code < 0xd800 || code > 0xdfff) {
      target[out++] = 0xe0 | (code >> 12);
      target[out++] = 0x80 | ((code >> 6) & 63);
      target[out++] = 0x80 | (code & 63);
    } else {
      const next = text.charCodeAt(position + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        target[out++] = 0xf0 | (point >> 18);
        target[out++] = 0x80 | ((point >> 12) & 63);
        target[out++] = 0x80 | ((point >> 6) & 63);
        target[out++] = 0x80 | (point & 63);
        position++;
      } else {
        target[out++] = REPLACEMENT[0] as number;
        target[out++] = REPLACEMENT[1] as number;
        target[out++] = REPLACEMENT[2] as number;
      }
    }
  }
  return out;
}
