export { buildConnectionParams } from './build-connection-params.js';
export type {
  ConnectionInput,
  ConnectionOptionName,
  ConnectionParamName,
} from './connection-param-names.js';
export type { ConnectionParamFields, ConnectionParams } from './connection-params.js';
export { defaultPort } from './default-port.js';
export {
  type Driver,
  isConnectionUrl,
  type ParsedConnectionUrl,
  parseConnectionUrl,
} from './parse-connection-url.js';
export { resolveSslMode, type SslInputs, type SslMode } from './ssl-mode.js';
