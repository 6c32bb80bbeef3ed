import { InterfaceError } from '../errors/index.js';

/** The drivers a URL scheme can select. */
export type Driver = 'mysql' | 'http' | 'https';

const SCHEME_DRIVERS: Readonly<Record<string, Driver | null>> = {
  mysql: 'mysql',
  http: 'http',
  https: 'https',
  singlestoredb: null,
};

/** What a connection URL says, before precedence and casting. */
export interface ParsedConnectionUrl {
  /** Set only when the URL has a scheme that names a driver. */
  driver?: Driver;
  host?: string;
  port?: number;
  user?: string;
  password?: string;
  database?: string;
  /** Query-string options as written (keys not yet matched to parameter names). */
  query: ReadonlyArray<readonly [string, string]>;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/**
 * True when a `host` value is a connection URL rather than a host name: it contains `:`, `/`,
 * `@` or `?` (the Python SDK's test), except a bare IPv6 address such as `::1`.
 */
export function isConnectionUrl(host: string): boolean {
  if (/^[0-9a-f]*:[0-9a-f:.]*:[0-9a-f:.]*$/i.test(host)) return false;
  return /[:/@?]/.test(host);
}

function decodeComponent(text: string, part: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // The text may be a password: name the part, never quote it.
    throw new InterfaceError(`Invalid percent-encoding in the ${part} of the connection URL`);
  }
}

function parseHostPort(hostPort: string): { host?: string; port?: number } {
  let host = hostPort;
  let portText: string | undefined;
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0) throw new InterfaceError('Unclosed "[" in the host of the connection URL');
    host = hostPort.slice(1, close);
    const rest = hostPort.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) {
      throw new InterfaceError('Unexpected text after "]" in the host of the connection URL');
    }
    if (rest !== '') portText = rest.slice(1);
  } else {
    const colon = hostPort.indexOf(':');
    if (colon >= 0) {
      if (hostPort.indexOf(':', colon + 1) >= 0) {
        throw new InterfaceError(
          'An IPv6 address in a connection URL must be in brackets, as in mysql://[::1]:3306',
        );
      }
      host = hostPort.slice(0, colon);
      portText = hostPort.slice(colon + 1);
    }
  }
  const result: { host?: string; port?: number } = {};
  if (host !== '') result.host = host;
  if (portText !== undefined && portText !== '') {
    if (!/^\d+$/.test(portText) || Number(portText) > 65_535) {
      throw new InterfaceError(`Invalid port "${portText}" in the connection URL`);
    }
    result.port = Number(portText);
  }
  return result;
}

/**
 * Parses `[scheme://][user[:password]@]host[:port][/database][?option=value&…]`.
 *
 * User, password and database are percent-decoded (RFC 3986, so `+` stays `+`); query values
 * use form decoding (`+` is a space). A leading `singlestoredb+` is dropped from the scheme;
 * `singlestoredb` and a missing scheme leave the driver unset. Only one path segment (the
 * database) is allowed.
 */
export function parseConnectionUrl(url: string): ParsedConnectionUrl {
  let rest = url.trim();
  let driver: Driver | undefined;
  const scheme = SCHEME.exec(rest);
  if (scheme) {
    const name = scheme[1]!.toLowerCase().replace(/^singlestoredb\+/, '');
    const mapped = SCHEME_DRIVERS[name];
    if (mapped === undefined) {
      throw new InterfaceError(
        `Unsupported connection URL scheme "${scheme[1]}"; use mysql, http, https or ` +
          'singlestoredb, optionally prefixed with "singlestoredb+"',
      );
    }
    if (mapped) driver = mapped;
    rest = rest.slice(scheme[0].length);
  } else if (rest.startsWith('//')) {
    rest = rest.slice(2);
  }

  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const authorityEnd = rest.search(/[/?]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const afterAuthority = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
  const queryStart = afterAuthority.indexOf('?');
  const path = queryStart < 0 ? afterAuthority : afterAuthority.slice(0, queryStart);
  const queryText = queryStart < 0 ? '' : afterAuthority.slice(queryStart + 1);

  const parsed: ParsedConnectionUrl = {
    query: [...new URLSearchParams(queryText)],
    ...(driver ? { driver } : {}),
  };

  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    const userInfo = authority.slice(0, at);
    const colon = userInfo.indexOf(':');
    const user = colon < 0 ? userInfo : userInfo.slice(0, colon);
    if (user !== '') parsed.user = decodeComponent(user, 'user');
    if (colon >= 0) parsed.password = decodeComponent(userInfo.slice(colon + 1), 'password');
  }
  Object.assign(parsed, parseHostPort(at >= 0 ? authority.slice(at + 1) : authority));

  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.length > 1) {
    throw new InterfaceError(
      'The connection URL path may only name a database (one segment, no "/"); ' +
        `got ${segments.length} segments`,
    );
  }
  if (segments[0] !== undefined) parsed.database = decodeComponent(segments[0], 'database');
  return parsed;
}
