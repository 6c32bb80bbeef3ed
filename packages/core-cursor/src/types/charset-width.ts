import { BINARY_CHARSET } from './type-codes.js';

// Collation ids whose character sets use up to 4 bytes (utf8mb4, utf16, utf32) or 3 (utf8mb3).
// Ids below 256 from MySQL's collation table; 255 and up are the utf8mb4 0900 collations.
const FOUR_BYTE = new Set([
  45, 46, 54, 55, 56, 60, 61, 62, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112, 113,
  114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 160, 161, 162, 163, 164, 165, 166, 167,
  168, 169, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179, 180, 181, 182, 183,
]);
const THREE_BYTE = new Set([
  33, 76, 83, 91, 97, 98, 192, 193, 194, 195, 196, 197, 198, 199, 200, 201, 202, 203, 204, 205, 206,
  207, 208, 209, 210, 211, 212, 213, 214, 215, 223,
]);
const TWO_BYTE = new Set([1, 13, 19, 24, 28, 35, 84, 85, 86, 87, 88, 90, 95, 96]);

/**
 * Largest number of bytes one character takes in a collation's character set; 1 for binary
 * and unknown collations, so lengths are never divided by a guess.
 */
export function maxBytesPerChar(collationId: number): number {
  if (collationId === BINARY_CHARSET) return 1;
  if (FOUR_BYTE.has(collationId) || (collationId >= 224 && collationId <= 247)) return 4;
  if (collationId >= 255 && collationId <= 323) return 4;
  if (THREE_BYTE.has(collationId)) return 3;
  if (TWO_BYTE.has(collationId)) return 2;
  return 1;
}
