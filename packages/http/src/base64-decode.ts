const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 61;
const INVALID = 255;
/** Sextet of each ASCII code; INVALID for everything outside the alphabet (padding included). */
const SEXTETS = new Uint8Array(128).fill(INVALID);
for (let index = 0; index < ALPHABET.length; index++) SEXTETS[ALPHABET.charCodeAt(index)] = index;

function sextet(text: string, position: number): number {
  const code = text.charCodeAt(position);
  return code < 128 ? (SEXTETS[code] as number) : INVALID;
}

/**
 * Byte length of `text` when it is canonical base64 — a multiple of 4 characters, padded with at
 * most two `=` at the end — else -1. Whether the other characters are in the alphabet is checked
 * by {@link decodeBase64Into}.
 */
export function base64Length(text: string): number {
  const { length } = text;
  if (length % 4 !== 0) return -1;
  if (length === 0) return 0;
  let padding = 0;
  if (text.charCodeAt(length - 1) === PAD) padding = text.charCodeAt(length - 2) === PAD ? 2 : 1;
  return (length / 4) * 3 - padding;
}

/**
 * Decodes canonical base64 `text` (whose {@link base64Length} is not -1) into `target` at
 * `offset`, as `atob` would, without a string or an array per value. Returns false, having
 * written some bytes, when a character is outside the alphabet; forgiving input (whitespace,
 * missing padding) is `atob`'s to read.
 */
export function decodeBase64Into(text: string, target: Uint8Array, offset: number): boolean {
  const length = base64Length(text);
  const whole = Math.floor(length / 3) * 4;
  let out = offset;
  let position = 0;
  for (; position < whole; position += 4) {
    const code0 = text.charCodeAt(position);
    const code1 = text.charCodeAt(position + 1);
    const code2 = text.charCodeAt(position + 2);
    const code3 = text.charCodeAt(position + 3);
    if ((code0 | code1 | code2 | code3) > 127) return false;
    const first = SEXTETS[code0] as number;
    const second = SEXTETS[code1] as number;
    const third = SEXTETS[code2] as number;
    const fourth = SEXTETS[code3] as number;
    // Every sextet is below 64 and INVALID is not, so one test covers all four characters.
    if (((first | second | third | fourth) & 64) !== 0) return false;
    const bits = (first << 18) | (second << 12) | (third << 6) | fourth;
    target[out] = bits >> 16;
    target[out + 1] = bits >> 8;
    target[out + 2] = bits;
    out += 3;
  }
  const rest = length - (whole / 4) * 3;
  if (rest === 0) return true;
  const first = sextet(text, position);
  const second = sextet(text, position + 1);
  if (((first | second) & 64) !== 0) return false;
  target[out] = (first << 2) | (second >> 4);
  if (rest === 1) return true;
  const third = sextet(text, position + 2);
  if ((third & 64) !== 0) return false;
  target[out + 1] = ((second & 15) << 4) | (third >> 2);
  return true;
}
