/** Numeric statuses: 0 is success, the rest are `ROW_ERROR_CODES[status - 1]` (errors.ts). */
export const Status = {
  OK: 0,
  TRUNCATED: 1,
  BAD_LENGTH: 2,
  TRAILING_BYTES: 3,
  BAD_NUMBER: 4,
  OUT_OF_RANGE: 5,
  BAD_DATE: 6,
  BAD_DATETIME: 7,
  BAD_TIME: 8,
  BAD_VECTOR: 9,
  VECTOR_LENGTH: 10,
  UNEXPECTED_VALUE: 11,
} as const;

/** True when typed arrays use little-endian byte order (every mainstream host). */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Index of the low / high 32-bit half of a 64-bit element in an Int32Array alias. */
export const LO = LITTLE_ENDIAN ? 0 : 1;
export const HI = 1 - LO;
