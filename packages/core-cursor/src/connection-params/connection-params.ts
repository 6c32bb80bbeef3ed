import type { OptionValue } from '../options/option-names.js';
import type { ConnectionOptionName, FlatCamelCase } from './connection-param-names.js';
import type { Driver } from './parse-connection-url.js';
import type { SslMode } from './ssl-mode.js';

/** Inputs folded into other fields (sslMode, port) or accepted only for compatibility. */
export type FoldedOptionName =
  | 'ssl_mode'
  | 'ssl_disabled'
  | 'ssl_verify_cert'
  | 'ssl_verify_identity'
  | 'http_port'
  | 'interpolate_query_with_empty_args';

/** The fields of a normalised set of connection parameters. */
export type ConnectionParamFields = {
  readonly [K in Exclude<
    ConnectionOptionName,
    FoldedOptionName | 'driver'
  > as FlatCamelCase<K>]: OptionValue<K>;
} & {
  readonly driver: Driver;
  /** The port to connect to, defaults applied (3306, 80 or 443). */
  readonly port: number;
  /** The TLS mode, derived from sslMode, the Python-style flags and sslCa. */
  readonly sslMode: SslMode;
};

/**
 * Frozen, normalised connection parameters. `password` is readable but not enumerable, so
 * spreading, `JSON.stringify`, `toString()` and `console.log` never show it.
 */
export type ConnectionParams = ConnectionParamFields & {
  /** `driver://user:***@host:port/database`, without the password. */
  toString(): string;
  /** The enumerable fields plus `password: '***'` when one is set. */
  toJSON(): Record<string, unknown>;
};

const MASK = '***';
const INSPECT = Symbol.for('nodejs.util.inspect.custom');

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Wraps resolved fields into a frozen ConnectionParams. */
export function freezeConnectionParams(fields: ConnectionParamFields): ConnectionParams {
  const { password, ...visible } = fields;
  const params = { ...visible };
  const describe = (): string => {
    let userInfo = '';
    if (fields.user !== undefined || password !== undefined) {
      userInfo = `${encodeURIComponent(fields.user ?? '')}${password === undefined ? '' : `:${MASK}`}@`;
    }
    const database = fields.database === undefined ? '' : `/${encodeURIComponent(fields.database)}`;
    return `${fields.driver}://${userInfo}${hostForUrl(fields.host)}:${fields.port}${database}`;
  };
  const toJSON = (): Record<string, unknown> =>
    password === undefined ? { ...visible } : { ...visible, password: MASK };
  Object.defineProperties(params, {
    password: { value: password, enumerable: false },
    toString: { value: describe, enumerable: false },
    toJSON: { value: toJSON, enumerable: false },
    [INSPECT]: { value: toJSON, enumerable: false },
  });
  return Object.freeze(params) as unknown as ConnectionParams;
}
