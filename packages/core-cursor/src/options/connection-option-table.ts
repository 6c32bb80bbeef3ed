import {
  booleanOption,
  choiceOption,
  integerOption,
  optionalBooleanOption,
  optionalChoiceOption,
  optionalIntegerOption,
  optionalStringOption,
  socketOptionsOption,
  stringOption,
  stringRecordOption,
} from './option-kinds.js';

/** TLS modes, weakest first (MySQL's vocabulary). */
export const SSL_MODES = [
  'disabled',
  'preferred',
  'required',
  'verify_ca',
  'verify_identity',
] as const;

/** Result formats; the Python SDK's names are accepted as aliases. */
export const RESULTS_TYPES = ['tuples', 'dicts', 'arrow', 'columns', 'polars'] as const;

const RESULTS_TYPE_ALIASES = {
  tuple: 'tuples',
  structsequence: 'tuples',
  structsequences: 'tuples',
  dict: 'dicts',
  namedtuple: 'dicts',
  namedtuples: 'dicts',
  numpy: 'columns',
  pandas: 'polars',
  pyarrow: 'arrow',
} as const;

const MAX_CONNECT_TIMEOUT = 31_536_000;

/**
 * Options that are also connection parameters. Keys are the Python SDK's names; each reads
 * `SINGLESTOREDB_<NAME>` unless listed otherwise. Options marked "SDK" do not exist in the
 * Python SDK.
 */
export const CONNECTION_OPTION_TABLE = {
  host: stringOption('127.0.0.1', {
    env: ['SINGLESTOREDB_HOST', 'SINGLESTOREDB_URL'],
    description: 'Host name or IP address, or a full connection URL.',
  }),
  port: integerOption(0, {
    env: ['SINGLESTOREDB_PORT'],
    min: 0,
    max: 65_535,
    description: 'MySQL-protocol port; 0 means 3306.',
  }),
  http_port: integerOption(0, {
    env: ['SINGLESTOREDB_HTTP_PORT'],
    min: 0,
    max: 65_535,
    description: 'Data API port; 0 means 80 for http and 443 for https.',
  }),
  user: optionalStringOption({ env: ['SINGLESTOREDB_USER'], description: 'User name.' }),
  password: optionalStringOption({
    env: ['SINGLESTOREDB_PASSWORD'],
    description: 'Password (or JWT when credential_type is jwt).',
    secret: true,
  }),
  driver: choiceOption(['mysql', 'http', 'https'], 'mysql', {
    env: ['SINGLESTOREDB_DRIVER'],
    description: 'Transport: mysql (wire protocol), http or https (Data API).',
  }),
  database: optionalStringOption({
    env: ['SINGLESTOREDB_DATABASE'],
    description: 'Default database.',
  }),
  pure_python: optionalBooleanOption({
    env: ['SINGLESTOREDB_PURE_PYTHON'],
    description:
      'Row decoder: unset picks WebAssembly when it loads; true forces the pure TypeScript ' +
      'decoder; false requires WebAssembly (NotSupportedError if it cannot load).',
  }),
  charset: stringOption('utf8mb4', {
    env: ['SINGLESTOREDB_CHARSET'],
    description: 'Session character set (SET NAMES).',
  }),
  encoding_errors: stringOption('strict', {
    env: ['SINGLESTOREDB_ENCODING_ERRORS'],
    description: 'What to do with undecodable text: strict (throw) or replace.',
  }),
  local_infile: booleanOption(false, {
    env: ['SINGLESTOREDB_LOCAL_INFILE'],
    description: 'Allow LOAD DATA LOCAL INFILE (only for the file named in the statement).',
  }),
  multi_statements: booleanOption(false, {
    env: ['SINGLESTOREDB_MULTI_STATEMENTS'],
    description: 'Allow several statements in one query (wire protocol only).',
  }),
  client_found_rows: booleanOption(false, {
    env: ['SINGLESTOREDB_CLIENT_FOUND_ROWS'],
    description: 'Report matched rather than changed rows as affected rows.',
  }),
  ssl_mode: optionalChoiceOption(SSL_MODES, {
    env: ['SINGLESTOREDB_SSL_MODE'],
    description:
      'SDK. TLS mode: disabled, preferred (default), required, verify_ca, verify_identity. ' +
      'ssl_ca implies verify_ca.',
  }),
  ssl_key: optionalStringOption({
    env: ['SINGLESTOREDB_SSL_KEY'],
    description: 'Client private key file.',
  }),
  ssl_cert: optionalStringOption({
    env: ['SINGLESTOREDB_SSL_CERT'],
    description: 'Client certificate file.',
  }),
  ssl_ca: optionalStringOption({
    env: ['SINGLESTOREDB_SSL_CA'],
    description: 'CA certificate file; turns on certificate verification.',
  }),
  ssl_cipher: optionalStringOption({
    env: ['SINGLESTOREDB_SSL_CIPHER'],
    description: "OpenSSL cipher list; unset keeps Node's secure defaults (quirk 21).",
  }),
  tls_sni_servername: optionalStringOption({
    env: ['SINGLESTOREDB_TLS_SNI_SERVERNAME'],
    description: 'Server name for SNI and the hostname check, when it differs from host.',
  }),
  ssl_disabled: booleanOption(false, {
    env: ['SINGLESTOREDB_SSL_DISABLED'],
    description: 'Never use TLS (same as ssl_mode=disabled).',
  }),
  ssl_verify_cert: optionalBooleanOption({
    env: ['SINGLESTOREDB_SSL_VERIFY_CERT'],
    description: 'Verify the server certificate (same as ssl_mode=verify_ca).',
  }),
  ssl_verify_identity: optionalBooleanOption({
    env: ['SINGLESTOREDB_SSL_VERIFY_IDENTITY'],
    description: 'Verify the server host name too (same as ssl_mode=verify_identity).',
  }),
  allow_cleartext_password: booleanOption(false, {
    env: ['SINGLESTOREDB_ALLOW_CLEARTEXT_PASSWORD'],
    description:
      'SDK. Allow sending a password or JWT in clear text over a connection without TLS.',
  }),
  program_name: optionalStringOption({
    description: 'Sent as the program_name connection attribute.',
  }),
  conn_attrs: stringRecordOption({
    description: 'Extra connection attributes (object of strings, or JSON text).',
  }),
  credential_type: optionalChoiceOption(['password', 'jwt', 'browser_sso'], {
    env: ['SINGLESTOREDB_CREDENTIAL_TYPE'],
    description: 'How the password is used: password, jwt or browser_sso.',
  }),
  sso_browser: optionalStringOption({
    env: ['SINGLESTOREDB_SSO_BROWSER'],
    description: 'Browser to open for browser_sso.',
  }),
  autocommit: booleanOption(true, {
    env: ['SINGLESTOREDB_AUTOCOMMIT'],
    description: 'Autocommit mode applied after connecting.',
  }),
  buffered: booleanOption(true, {
    env: ['SINGLESTOREDB_BUFFERED'],
    description: 'Buffer whole results (false streams rows).',
  }),
  parse_json: booleanOption(true, {
    env: ['SINGLESTOREDB_PARSE_JSON'],
    description: 'Parse JSON columns (false returns the JSON text).',
  }),
  connect_timeout: integerOption(10, {
    env: ['SINGLESTOREDB_CONNECT_TIMEOUT'],
    min: 1,
    max: MAX_CONNECT_TIMEOUT,
    description: 'Seconds to wait for a connection (the per-request timeout over HTTP).',
  }),
  read_timeout: optionalIntegerOption({
    env: ['SINGLESTOREDB_READ_TIMEOUT'],
    min: 1,
    description: 'SDK. Seconds to wait for data from the server.',
  }),
  write_timeout: optionalIntegerOption({
    env: ['SINGLESTOREDB_WRITE_TIMEOUT'],
    min: 1,
    description: 'SDK. Seconds to wait for a write to the server.',
  }),
  unix_socket: optionalStringOption({
    env: ['SINGLESTOREDB_UNIX_SOCKET'],
    description: 'SDK. Path of a Unix socket to connect through instead of TCP.',
  }),
  sql_mode: optionalStringOption({
    env: ['SINGLESTOREDB_SQL_MODE'],
    description: 'SDK. sql_mode set on the session after connecting.',
  }),
  init_command: optionalStringOption({
    env: ['SINGLESTOREDB_INIT_COMMAND'],
    description: 'SDK. Statement run once after connecting.',
  }),
  max_allowed_packet: optionalIntegerOption({
    env: ['SINGLESTOREDB_MAX_ALLOWED_PACKET'],
    min: 1024,
    max: 1_073_741_824,
    description:
      "SDK. Largest statement the client sends, in bytes; unset leaves the limit to the server's max_allowed_packet.",
  }),
  nan_as_null: booleanOption(false, {
    env: ['SINGLESTOREDB_NAN_AS_NULL'],
    description: 'Send NaN parameters as NULL instead of throwing.',
  }),
  inf_as_null: booleanOption(false, {
    env: ['SINGLESTOREDB_INF_AS_NULL'],
    description: 'Send +Infinity and -Infinity parameters as NULL instead of throwing.',
  }),
  prepare: booleanOption(false, {
    env: ['SINGLESTOREDB_PREPARE'],
    description:
      'SDK. Run statements that have parameters, and executeMany, as server-side prepared ' +
      'statements instead of inlining the parameters (MySQL protocol).',
  }),
  track_env: booleanOption(false, {
    env: ['SINGLESTOREDB_TRACK_ENV'],
    description: 'Follow changes of SINGLESTOREDB_URL.',
  }),
  enable_extended_data_types: booleanOption(true, {
    env: ['SINGLESTOREDB_ENABLE_EXTENDED_DATA_TYPES'],
    description: 'Ask the server for extended column metadata (VECTOR, BSON).',
  }),
  vector_data_format: choiceOption(['binary', 'json'], 'binary', {
    env: ['SINGLESTOREDB_VECTOR_DATA_FORMAT'],
    description: 'How the server sends VECTOR values: binary or json.',
  }),
  interpolate_query_with_empty_args: booleanOption(false, {
    env: ['SINGLESTOREDB_INTERPOLATE_QUERY_WITH_EMPTY_ARGS'],
    description:
      'Accepted for compatibility and ignored: placeholders are only replaced when ' +
      'parameters are given, and % is never special.',
  }),
  socket_options: socketOptionsOption({
    description: 'Socket options { level: { option: value } } (numeric keys).',
  }),
  bigint: choiceOption(['auto', 'bigint', 'string', 'number'], 'auto', {
    env: ['SINGLESTOREDB_BIGINT'],
    description:
      'SDK. BIGINT values: auto (number when safe, else bigint), bigint, string, number.',
  }),
  decimal: choiceOption(['string', 'number'], 'string', {
    env: ['SINGLESTOREDB_DECIMAL'],
    description: 'SDK. DECIMAL values: exact string or number.',
  }),
  dates: choiceOption(['date', 'string'], 'date', {
    env: ['SINGLESTOREDB_DATES'],
    description: 'SDK. DATE/DATETIME/TIMESTAMP values: Date (UTC) or string.',
  }),
  'results.type': choiceOption(RESULTS_TYPES, 'tuples', {
    env: ['SINGLESTOREDB_RESULTS_TYPE'],
    aliases: RESULTS_TYPE_ALIASES,
    description:
      'Row format: tuples, dicts, arrow, columns or polars (Python names such as ' +
      'namedtuples, numpy, pandas, pyarrow are aliases).',
  }),
} as const;
