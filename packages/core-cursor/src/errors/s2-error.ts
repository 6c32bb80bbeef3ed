import { redactSecrets } from './redact-secrets.js';

/**
 * The property every error of the family carries: the class names from the most specific up
 * to `S2Error`. `isInstance` checks it instead of the prototype chain so that errors thrown by
 * a second copy of the package (or by `@s2/management`, which implements the same protocol
 * without depending on this package) are still recognised.
 */
export const ERROR_BRAND: unique symbol = Symbol.for('@s2/error') as never;

/** Fields that may accompany an error message. */
export interface S2ErrorOptions {
  /** Server or client error number (MySQL errno, HTTP status for management errors). */
  errno?: number;
  /** Five-character SQLSTATE, when the server sent one. */
  sqlState?: string;
  /** The error that caused this one. */
  cause?: unknown;
}

type ErrorClass = abstract new (...args: never[]) => S2Error;

function brandChain(errorClass: unknown): string[] {
  const names: string[] = [];
  let current = errorClass;
  while (typeof current === 'function') {
    const brand = Object.hasOwn(current, 'brand') ? Reflect.get(current, 'brand') : undefined;
    if (typeof brand === 'string') names.push(brand);
    if (brand === 'S2Error') break;
    current = Object.getPrototypeOf(current);
  }
  return names;
}

/**
 * Builds the text users see, following the Python SDK's `str()` of its errors:
 * `errno (sqlstate): msg`, `errno: msg`, `errno`, `msg`, or `Unknown error`.
 * The SQLSTATE only shows next to an errno, as in the Python SDK.
 */
export function formatErrorMessage(detail: string, errno?: number, sqlState?: string): string {
  if (errno === undefined) return detail === '' ? 'Unknown error' : detail;
  const prefix = sqlState ? `${errno} (${sqlState})` : `${errno}`;
  return detail === '' ? prefix : `${prefix}: ${detail}`;
}

/**
 * Base of every error the SDK throws (DB-API `Error`). `message` is the formatted text
 * (`errno (sqlstate): msg`); `detail` is the message alone.
 */
export class S2Error extends Error {
  /** Name used in the cross-install brand; subclasses override it. */
  static readonly brand: string = 'S2Error';

  /** Server or client error number, when known. */
  readonly errno: number | undefined;
  /** SQLSTATE, when the server sent one. */
  readonly sqlState: string | undefined;
  /** The message without the errno/SQLSTATE prefix, secrets redacted. */
  readonly detail: string;
  declare readonly [ERROR_BRAND]: readonly string[];

  constructor(message = '', options: S2ErrorOptions = {}) {
    const detail = redactSecrets(message);
    super(
      formatErrorMessage(detail, options.errno, options.sqlState),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.errno = options.errno;
    this.sqlState = options.sqlState;
    this.detail = detail;
    const chain = Object.freeze(brandChain(new.target));
    this.name = chain[0] ?? 'S2Error';
    Object.defineProperty(this, ERROR_BRAND, { value: chain, enumerable: false });
  }

  /**
   * True when `value` is an error of this class or a subclass, from any copy of the package.
   */
  static isInstance<C extends ErrorClass>(
    this: C & { readonly brand: string },
    value: unknown,
  ): value is InstanceType<C> {
    if (typeof value !== 'object' || value === null) return false;
    const chain: unknown = (value as { [ERROR_BRAND]?: unknown })[ERROR_BRAND];
    // biome-ignore lint/complexity/noThisInStatic: each subclass checks for its own brand
    return Array.isArray(chain) && chain.includes(this.brand);
  }
}
