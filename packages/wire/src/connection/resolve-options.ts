import { userInfo } from 'node:os';
import { InterfaceError } from '@s2/core-cursor';
import type { ResolvedWireOptions, SslMode, WireConnectionOptions } from './connection-options.js';

const SSL_MODES: readonly SslMode[] = [
  'disabled',
  'preferred',
  'required',
  'verify_ca',
  'verify_identity',
];

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    throw new InterfaceError('Did not specify a username');
  }
}

function booleanParameter(value: string): boolean {
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

/**
 * Reads `mysql://user:password@host:port/database?param=value` (also `singlestoredb://` and a
 * bare `user:password@host`). Until @s2/core-cursor's connection-parameter parser lands, this
 * thin reader covers the wire options by their camelCase names.
 */
export function optionsFromUrl(url: string): WireConnectionOptions {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `mysql://${url}`;
  const parsed = new URL(withScheme);
  const options: WireConnectionOptions = {};
  if (parsed.hostname !== '')
    options.host = decodeURIComponent(parsed.hostname).replace(/^\[|\]$/g, '');
  if (parsed.port !== '') options.port = Number(parsed.port);
  if (parsed.username !== '') options.user = decodeURIComponent(parsed.username);
  if (parsed.password !== '') options.password = decodeURIComponent(parsed.password);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database !== '') options.database = database;
  for (const [key, value] of parsed.searchParams) {
    switch (key) {
      case 'sslMode':
      case 'ssl_mode':
        options.sslMode = value.toLowerCase() as SslMode;
        break;
      case 'sslCa':
      case 'ssl_ca':
        options.sslCa = value;
        break;
      case 'socketPath':
      case 'unix_socket':
        options.socketPath = value;
        break;
      case 'localInfile':
      case 'local_infile':
        options.localInfile = booleanParameter(value);
        break;
      case 'multiStatements':
      case 'multi_statements':
        options.multiStatements = booleanParameter(value);
        break;
      case 'connectTimeout':
      case 'connect_timeout':
        options.connectTimeout = Number(value) * 1000;
        break;
      case 'vectorDataFormat':
      case 'vector_data_format':
        options.vectorDataFormat = value.toLowerCase() as 'binary' | 'json';
        break;
      case 'tlsSniServername':
        options.tlsSniServername = value;
        break;
      case 'allowCleartextPassword':
        options.allowCleartextPassword = booleanParameter(value);
        break;
      default:
        break;
    }
  }
  return options;
}

/** Applies defaults and checks the option values. */
export function resolveOptions(options: WireConnectionOptions | string): ResolvedWireOptions {
  const given = typeof options === 'string' ? optionsFromUrl(options) : options;
  const sslMode = given.sslMode ?? (given.sslCa === undefined ? 'preferred' : 'verify_ca');
  if (!SSL_MODES.includes(sslMode)) {
    throw new InterfaceError(`Unknown sslMode '${sslMode}'; use one of ${SSL_MODES.join(', ')}`);
  }
  const vectorDataFormat = given.vectorDataFormat ?? 'binary';
  if (vectorDataFormat !== 'binary' && vectorDataFormat !== 'json') {
    throw new InterfaceError(`Unknown vectorDataFormat '${vectorDataFormat}'; use binary or json`);
  }
  return {
    ...given,
    host: given.host ?? '127.0.0.1',
    port: given.port ?? 3306,
    user: given.user ?? osUser(),
    password: given.password ?? '',
    connectTimeout: given.connectTimeout ?? 10_000,
    sslMode,
    localInfile: given.localInfile ?? false,
    multiStatements: given.multiStatements ?? false,
    enableExtendedDataTypes: given.enableExtendedDataTypes ?? true,
    vectorDataFormat,
    batchRows: given.batchRows ?? 4096,
  };
}
