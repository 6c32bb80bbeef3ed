import { userInfo } from 'node:os';
import { buildConnectionParams, type ConnectionParams, InterfaceError } from '@s2/core-cursor';
import type { AuthPlugin } from '../auth/auth-plugin.js';
import { dialogPlugin } from '../auth/dialog.js';
import { DEFAULT_PREPARED_STATEMENT_CACHE_SIZE } from '../prepared/statement-cache.js';
import type {
  ResolvedWireOptions,
  SocketOptions,
  SslMode,
  WireConnectionOptions,
} from './connection-options.js';
import {
  checkBoolean,
  checkFunction,
  checkInteger,
  checkMilliseconds,
  checkRecord,
  checkString,
} from './option-checks.js';
import { fromPythonSocketOptions } from './python-socket-options.js';

const SSL_MODES: readonly SslMode[] = [
  'disabled',
  'preferred',
  'required',
  'verify_ca',
  'verify_identity',
];

/** The bounds of the server variable: a limit outside them cannot match any server. */
const MIN_MAX_ALLOWED_PACKET = 1024;
const MAX_MAX_ALLOWED_PACKET = 1024 * 1024 * 1024;

/** The server's default max_prepared_stmt_count, which counts every connection's statements. */
const MAX_PREPARED_STATEMENT_CACHE_SIZE = 16_382;

const SOCKET_OPTION_NAMES: readonly (keyof SocketOptions)[] = [
  'keepAlive',
  'keepAliveInitialDelay',
  'noDelay',
];

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    throw new InterfaceError('Did not specify a username');
  }
}

/**
 * Wire options from a connection URL or host, resolved by @s2/core-cursor's
 * `buildConnectionParams` (URL, query-string options, `SINGLESTOREDB_*` environment, option
 * defaults), so a URL means the same here as in `@s2/sdk`.
 */
export function optionsFromUrl(url: string): WireConnectionOptions {
  return optionsFromParams(buildConnectionParams(url));
}

/** Wire options from connection parameters already resolved by `buildConnectionParams`. */
export function optionsFromParams(params: ConnectionParams): WireConnectionOptions {
  const options: WireConnectionOptions = {
    host: params.host,
    port: params.port,
    password: params.password ?? '',
    connectTimeout: params.connectTimeout * 1000,
    sslMode: params.sslMode,
    localInfile: params.localInfile,
    multiStatements: params.multiStatements,
    clientFoundRows: params.clientFoundRows,
    autocommit: params.autocommit,
    allowCleartextPassword: params.allowCleartextPassword,
    enableExtendedDataTypes: params.enableExtendedDataTypes,
    vectorDataFormat: params.vectorDataFormat,
    connAttrs: params.connAttrs,
  };
  const optional = {
    user: params.user,
    database: params.database,
    socketPath: params.unixSocket,
    sslCa: params.sslCa,
    sslCert: params.sslCert,
    sslKey: params.sslKey,
    sslCipher: params.sslCipher,
    tlsSniServername: params.tlsSniServername,
    programName: params.programName,
    initSql: params.initCommand,
    maxAllowedPacket: params.maxAllowedPacket,
    sqlMode: params.sqlMode,
    socketOptions:
      params.socketOptions === undefined
        ? undefined
        : fromPythonSocketOptions(params.socketOptions),
    writeTimeout:
      params.writeTimeout === undefined || params.writeTimeout === null
        ? undefined
        : params.writeTimeout * 1000,
    readTimeout:
      params.readTimeout === undefined || params.readTimeout === null
        ? undefined
        : params.readTimeout * 1000,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined && value !== null) Object.assign(options, { [key]: value });
  }
  return options;
}

function withoutUndefined(options: WireConnectionOptions): WireConnectionOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/**
 * Probes start after a minute of silence rather than the OS default of two hours, and small
 * packets (every command) leave at once.
 */
function resolveSocketOptions(given: SocketOptions | undefined): Required<SocketOptions> {
  const fields =
    given === undefined ? {} : checkRecord('socketOptions', given, SOCKET_OPTION_NAMES);
  const { keepAlive, keepAliveInitialDelay, noDelay } = fields;
  return {
    keepAlive: keepAlive === undefined ? true : checkBoolean('socketOptions.keepAlive', keepAlive),
    keepAliveInitialDelay:
      keepAliveInitialDelay === undefined
        ? 60_000
        : checkInteger(
            'socketOptions.keepAliveInitialDelay',
            keepAliveInitialDelay,
            0,
            2 ** 31 - 1,
          ),
    noDelay: noDelay === undefined ? true : checkBoolean('socketOptions.noDelay', noDelay),
  };
}

/** The options this package added for quirk #9, checked; a dialogPrompt becomes a plugin. */
function checkSessionOptions(given: WireConnectionOptions): WireConnectionOptions {
  const checked: WireConnectionOptions = {};
  if (given.writeTimeout !== undefined) {
    checked.writeTimeout = checkMilliseconds('writeTimeout', given.writeTimeout);
  }
  if (given.maxAllowedPacket !== undefined) {
    checked.maxAllowedPacket = checkInteger(
      'maxAllowedPacket',
      given.maxAllowedPacket,
      MIN_MAX_ALLOWED_PACKET,
      MAX_MAX_ALLOWED_PACKET,
    );
  }
  if (given.sqlMode !== undefined) checked.sqlMode = checkString('sqlMode', given.sqlMode);
  if (given.dialogPrompt !== undefined) {
    const prompt = checkFunction('dialogPrompt', given.dialogPrompt);
    // A dialog plugin given in authPlugins still wins, as any custom plugin does.
    const plugins: Record<string, AuthPlugin> = { dialog: dialogPlugin(prompt) };
    checked.authPlugins = { ...plugins, ...given.authPlugins };
  }
  return checked;
}

/** Applies defaults and checks the option values. */
export function resolveOptions(options: WireConnectionOptions | string): ResolvedWireOptions {
  const given =
    typeof options === 'string'
      ? optionsFromUrl(options)
      : options.url === undefined
        ? options
        : { ...optionsFromUrl(options.url), ...withoutUndefined(options) };
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
    ...checkSessionOptions(given),
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
    preparedStatementCacheSize:
      given.preparedStatementCacheSize === undefined
        ? DEFAULT_PREPARED_STATEMENT_CACHE_SIZE
        : checkInteger(
            'preparedStatementCacheSize',
            given.preparedStatementCacheSize,
            1,
            MAX_PREPARED_STATEMENT_CACHE_SIZE,
          ),
    socketOptions: resolveSocketOptions(given.socketOptions),
  };
}
