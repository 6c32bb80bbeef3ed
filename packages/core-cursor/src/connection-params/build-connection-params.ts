import { InterfaceError } from '../errors/index.js';
import { CONNECTION_OPTION_TABLE } from '../options/connection-option-table.js';
import type { OptionValue } from '../options/option-names.js';
import { getOption, parseOptionValue } from '../options/option-registry.js';
import {
  CONNECTION_OPTION_NAMES,
  type ConnectionInput,
  type ConnectionOptionName,
  paramNameOf,
  resolveConnectionParamName,
} from './connection-param-names.js';
import {
  type ConnectionParamFields,
  type ConnectionParams,
  type FoldedOptionName,
  freezeConnectionParams,
} from './connection-params.js';
import { defaultPort } from './default-port.js';
import { isConnectionUrl, parseConnectionUrl } from './parse-connection-url.js';
import { resolveSslMode } from './ssl-mode.js';

const FOLDED: ReadonlySet<ConnectionOptionName> = new Set<FoldedOptionName>([
  'ssl_mode',
  'ssl_disabled',
  'ssl_verify_cert',
  'ssl_verify_identity',
  'http_port',
  'interpolate_query_with_empty_args',
]);

type Layer = Map<ConnectionOptionName, unknown>;

function explicitLayer(input: ConnectionInput): { values: Layer; url: string | undefined } {
  const values: Layer = new Map();
  let url: string | undefined;
  for (const [key, value] of Object.entries(input)) {
    if (value === undefined || value === null) continue;
    if (key === 'url') {
      if (typeof value !== 'string') throw new InterfaceError('The url parameter must be a string');
      url = value;
      continue;
    }
    const name = resolveConnectionParamName(key, 'the connection parameters');
    values.set(name, parseOptionValue(name, value, 'the connection parameters'));
  }
  const host = values.get('host');
  if (typeof host === 'string' && isConnectionUrl(host)) {
    if (url !== undefined) {
      throw new InterfaceError('Give the connection URL either as url or as host, not both');
    }
    url = host;
    values.delete('host');
  }
  return { values, url };
}

function urlLayer(url: string): Layer {
  const parsed = parseConnectionUrl(url);
  const values: Layer = new Map();
  for (const key of ['driver', 'host', 'port', 'user', 'password', 'database'] as const) {
    if (parsed[key] !== undefined) values.set(key, parsed[key]);
  }
  for (const [key, text] of parsed.query) {
    const name = resolveConnectionParamName(key, 'the connection URL query string');
    values.set(name, parseOptionValue(name, text, 'the connection URL query string'));
  }
  return values;
}

/**
 * Resolves connection parameters from, highest precedence first: the explicit parameters,
 * the parts of the connection URL (`url`, a URL given as `host`, or — when no host is given —
 * the `host` option, which `SINGLESTOREDB_URL` feeds), then each option's own value
 * (`withOptions` scope, `setOption`, environment, default).
 *
 * A string argument is a host name or a URL. Query-string options may be snake_case or
 * camelCase; an unknown one is an InterfaceError listing the valid names. Missing ports get
 * the driver's default (`port`/3306 for mysql; `httpPort`, else 80/443, for http/https).
 */
export function buildConnectionParams(input: string | ConnectionInput = {}): ConnectionParams {
  const explicit = explicitLayer(typeof input === 'string' ? { host: input } : input);
  let url = explicit.url;
  let hostFromOptionIsUrl = false;
  if (url === undefined && !explicit.values.has('host')) {
    const optionHost = getOption('host');
    if (isConnectionUrl(optionHost)) {
      url = optionHost;
      hostFromOptionIsUrl = true;
    }
  }
  const fromUrl: Layer = url === undefined ? new Map() : urlLayer(url);

  const given = (name: ConnectionOptionName): unknown =>
    explicit.values.has(name) ? explicit.values.get(name) : fromUrl.get(name);
  const value = <K extends ConnectionOptionName>(name: K): OptionValue<K> => {
    const found = given(name);
    if (found !== undefined) return found as OptionValue<K>;
    if (name === 'host' && hostFromOptionIsUrl) {
      return CONNECTION_OPTION_TABLE.host.defaultValue as OptionValue<K>;
    }
    return getOption(name);
  };

  const fields: Record<string, unknown> = {};
  for (const name of CONNECTION_OPTION_NAMES) {
    if (!FOLDED.has(name)) fields[paramNameOf(name)] = value(name);
  }

  const driver = value('driver');
  let port: number;
  if (driver === 'mysql') {
    port = value('port');
  } else {
    port = (given('port') as number | undefined) ?? value('http_port');
  }
  fields.port = port === 0 ? defaultPort(driver) : port;

  if (fields.user === undefined && fields.password === '') fields.password = undefined;

  fields.sslMode = resolveSslMode({
    sslMode: value('ssl_mode'),
    sslCa: value('ssl_ca'),
    sslDisabled: value('ssl_disabled'),
    sslVerifyCert: value('ssl_verify_cert'),
    sslVerifyIdentity: value('ssl_verify_identity'),
  });
  return freezeConnectionParams(fields as ConnectionParamFields);
}
