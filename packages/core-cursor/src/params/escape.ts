import { ProgrammingError } from '../errors/index.js';
import { jsonText } from '../values/lossless-json.js';
import { fewDecimalsLiteral } from './few-decimals.js';

/** How parameter values are written as SQL literals. */
export interface EscapeOptions {
  /** The session has NO_BACKSLASH_ESCAPES: quotes are doubled and backslashes left alone. */
  noBackslashEscapes?: boolean;
  /** Write NaN as NULL instead of throwing. */
  nanAsNull?: boolean;
  /** Write +Infinity and -Infinity as NULL instead of throwing. */
  infAsNull?: boolean;
}

const BACKSLASH_ESCAPES: Readonly<Record<string, string>> = {
  '\0': '\\0',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\x1a': '\\Z',
  '"': '\\"',
  "'": "\\'",
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL and Ctrl-Z are among what MySQL escapes.
const NEEDS_BACKSLASH = /[\0\\\n\r\x1a"']/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL and Ctrl-Z are among what MySQL escapes.
const BACKSLASHED = /[\0\\\n\r\x1a"']/g;
const backslashed = (char: string): string => BACKSLASH_ESCAPES[char] ?? char;

/** Quotes text as a SQL string literal. */
export function escapeString(text: string, options: EscapeOptions = {}): string {
  if (options.noBackslashEscapes) return `'${text.replaceAll("'", "''")}'`;
  // Most parameter text has nothing to escape; one regex test is far cheaper than a rebuild.
  if (!NEEDS_BACKSLASH.test(text)) return `'${text}'`;
  return `'${text.replace(BACKSLASHED, backslashed)}'`;
}

/** NaN and ±Infinity follow nanAsNull / infAsNull or throw. */
function escapeNonFinite(value: number, options: EscapeOptions): string {
  if (Number.isNaN(value)) {
    if (options.nanAsNull) return 'NULL';
    throw new ProgrammingError('NaN cannot be used as a parameter; set nanAsNull to send NULL', {
      errno: 0,
    });
  }
  if (options.infAsNull) return 'NULL';
  throw new ProgrammingError(`${value} cannot be used as a parameter; set infAsNull to send NULL`, {
    errno: 0,
  });
}

/** Writes a number; non-finite values follow nanAsNull / infAsNull or throw. */
export function escapeNumber(value: number, options: EscapeOptions = {}): string {
  // Safe integers, most numbers in bulk loads, are finite and need no suffix: test them first.
  if (Number.isSafeInteger(value)) return String(value);
  if (!Number.isFinite(value)) return escapeNonFinite(value, options);
  const literal = fewDecimalsLiteral(value);
  if (literal !== undefined) return literal;
  // The exponent makes the server read a DOUBLE rather than an exact DECIMAL. JavaScript writes
  // one itself exactly outside [1e-6, 1e21), so the magnitude says whether to add it.
  const magnitude = Math.abs(value);
  return magnitude >= 1e-6 && magnitude < 1e21 ? `${value}e0` : String(value);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** Writes a Date as UTC wall time, `'YYYY-MM-DD HH:MM:SS[.fff]'`. */
export function formatDateParameter(value: Date): string {
  const time = value.getTime();
  if (Number.isNaN(time))
    throw new ProgrammingError('An invalid Date cannot be used as a parameter');
  const year = value.getUTCFullYear();
  if (year < 0 || year > 9999) {
    throw new ProgrammingError(`Date year ${year} is outside what SQL DATETIME can hold`);
  }
  const text =
    `${pad(year, 4)}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())} ` +
    `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`;
  const millis = value.getUTCMilliseconds();
  return millis === 0 ? text : `${text}.${pad(millis, 3)}`;
}

/**
 * The bytes of a byte array, or of a typed array (a vector) with its elements written
 * little-endian, as SingleStore expects for binary VECTOR values.
 */
export function parameterBytes(value: ArrayBufferView | ArrayBuffer): Uint8Array {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (
    value instanceof Uint8Array ||
    value instanceof Int8Array ||
    value instanceof Uint8ClampedArray ||
    value instanceof DataView
  ) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  const out = new Uint8Array(value.byteLength);
  const view = new DataView(out.buffer);
  const elements = value as unknown as ArrayLike<number | bigint> & { BYTES_PER_ELEMENT: number };
  const size = elements.BYTES_PER_ELEMENT;
  for (let index = 0; index < elements.length; index++) {
    const element = elements[index]!;
    const offset = index * size;
    if (value instanceof Float32Array) view.setFloat32(offset, element as number, true);
    else if (value instanceof Float64Array) view.setFloat64(offset, element as number, true);
    else if (value instanceof Int16Array) view.setInt16(offset, element as number, true);
    else if (value instanceof Uint16Array) view.setUint16(offset, element as number, true);
    else if (value instanceof Int32Array) view.setInt32(offset, element as number, true);
    else if (value instanceof Uint32Array) view.setUint32(offset, element as number, true);
    else if (value instanceof BigInt64Array) view.setBigInt64(offset, element as bigint, true);
    else if (value instanceof BigUint64Array) view.setBigUint64(offset, element as bigint, true);
    else throw new ProgrammingError(`Unsupported typed array parameter ${value.constructor.name}`);
  }
  return out;
}

const HEX_PAIRS = Array.from({ length: 256 }, (_unused, byte) =>
  byte.toString(16).padStart(2, '0'),
);

/** Writes bytes as a hex literal `X'…'`. */
export function escapeBytes(bytes: Uint8Array): string {
  let hex = '';
  for (let index = 0; index < bytes.length; index += 1) hex += HEX_PAIRS[bytes[index] as number];
  return `X'${hex}'`;
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * Writes one parameter value as a SQL literal (wire-protocol.md §14.2, with this SDK's
 * decisions): null/undefined → NULL; booleans → 1/0; numbers (with `e0` for non-integers);
 * bigint digits; strings quoted; Date → UTC `'YYYY-MM-DD HH:MM:SS[.fff]'`; bytes and typed
 * arrays → `X'…'`; arrays → `(a,b,…)`; plain objects → their JSON text, quoted; other objects
 * → `String(value)`, quoted.
 */
export function escapeValue(value: unknown, options: EscapeOptions = {}): string {
  if (value === null || value === undefined) return 'NULL';
  switch (typeof value) {
    case 'boolean':
      return value ? '1' : '0';
    case 'number':
      return escapeNumber(value, options);
    case 'bigint':
      return value.toString();
    case 'string':
      return escapeString(value, options);
    case 'object':
      break;
    default:
      throw new ProgrammingError(`A ${typeof value} cannot be used as a parameter`);
  }
  if (value instanceof Date) return escapeString(formatDateParameter(value), options);
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
    return escapeBytes(parameterBytes(value));
  }
  if (Array.isArray(value)) {
    if (value.length === 0) {
      throw new ProgrammingError(
        'An empty array cannot be used as a parameter: "()" is not valid SQL',
      );
    }
    return `(${value.map((item) => escapeValue(item, options)).join(',')})`;
  }
  if (isPlainObject(value)) return escapeString(jsonText(value), options);
  return escapeString(String(value), options);
}
