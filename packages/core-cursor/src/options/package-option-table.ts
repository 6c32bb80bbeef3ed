import {
  booleanOption,
  choiceOption,
  integerOption,
  optionalStringOption,
  stringOption,
} from './option-kinds.js';

/**
 * Options read by the other packages (management, fusion, functions) and by cursors, registered
 * here so that one registry holds every name and environment variable.
 */
export const PACKAGE_OPTION_TABLE = {
  'results.arraysize': integerOption(1, {
    env: ['SINGLESTOREDB_RESULTS_ARRAYSIZE'],
    min: 1,
    description: 'Default cursor arraySize (rows per fetchMany) on both transports.',
  }),
  'fusion.enabled': booleanOption(false, {
    env: ['SINGLESTOREDB_FUSION_ENABLED'],
    description: 'Intercept client-side Fusion SQL commands.',
  }),
  'management.token': optionalStringOption({
    env: ['SINGLESTOREDB_MANAGEMENT_TOKEN'],
    description: 'Cloud Management API token.',
    secret: true,
  }),
  'management.base_url': stringOption('https://api.singlestore.com', {
    env: ['SINGLESTOREDB_MANAGEMENT_BASE_URL'],
    description: 'Cloud Management API base URL.',
  }),
  'management.version': stringOption('v1', {
    env: ['SINGLESTOREDB_MANAGEMENT_VERSION'],
    description: 'Cloud Management API version.',
  }),
  'external_function.url': stringOption('http://localhost:8000/invoke', {
    env: ['SINGLESTOREDB_EXT_FUNC_URL'],
    description: 'URL the database calls for external functions.',
  }),
  'external_function.app_mode': choiceOption(['remote', 'collocated', 'managed'], 'remote', {
    env: ['SINGLESTOREDB_EXT_FUNC_APP_MODE'],
    description: 'External function application mode.',
  }),
  'external_function.data_format': choiceOption(['rowdat_1', 'json'], 'rowdat_1', {
    env: ['SINGLESTOREDB_EXT_FUNC_DATA_FORMAT'],
    description: 'Row format between the database and external functions.',
  }),
  'external_function.data_version': stringOption('1.0', {
    env: ['SINGLESTOREDB_EXT_FUNC_DATA_VERSION'],
    description: 'Version of the external function data format.',
  }),
  'external_function.link_name': optionalStringOption({
    env: ['SINGLESTOREDB_EXT_FUNC_LINK_NAME'],
    description: 'Link used by remote external functions.',
  }),
  'external_function.link_config': optionalStringOption({
    env: ['SINGLESTOREDB_EXT_FUNC_LINK_CONFIG'],
    description: 'Link configuration (JSON).',
  }),
  'external_function.link_credentials': optionalStringOption({
    env: ['SINGLESTOREDB_EXT_FUNC_LINK_CREDENTIALS'],
    description: 'Link credentials (JSON).',
    secret: true,
  }),
  'external_function.replace_existing': booleanOption(false, {
    env: ['SINGLESTOREDB_EXT_FUNC_REPLACE_EXISTING'],
    description: 'Replace existing functions when registering.',
  }),
  'external_function.socket_path': optionalStringOption({
    env: ['SINGLESTOREDB_EXT_FUNC_SOCKET_PATH'],
    description: 'Socket path in collocated mode.',
  }),
  'external_function.max_connections': integerOption(32, {
    env: ['SINGLESTOREDB_EXT_FUNC_MAX_CONNECTIONS'],
    min: 1,
    description: 'Connection cap in collocated mode.',
  }),
  'external_function.process_mode': choiceOption(['thread', 'subprocess'], 'subprocess', {
    env: ['SINGLESTOREDB_EXT_FUNC_PROCESS_MODE'],
    description: 'Concurrency model in collocated mode.',
  }),
  'external_function.single_thread': booleanOption(false, {
    env: ['SINGLESTOREDB_EXT_FUNC_SINGLE_THREAD'],
    description: 'Run external functions on a single thread.',
  }),
  'external_function.log_level': choiceOption(['info', 'debug', 'warning', 'error'], 'info', {
    env: ['SINGLESTOREDB_EXT_FUNC_LOG_LEVEL'],
    description: 'External function server log level.',
  }),
  'external_function.log_file': optionalStringOption({
    env: ['SINGLESTOREDB_EXT_FUNC_LOG_FILE'],
    description: 'External function server log file.',
  }),
  'external_function.name_prefix': stringOption('', {
    env: ['SINGLESTOREDB_EXT_FUNC_NAME_PREFIX'],
    description: 'Prefix added to registered function names.',
  }),
  'external_function.name_suffix': stringOption('', {
    env: ['SINGLESTOREDB_EXT_FUNC_NAME_SUFFIX'],
    description: 'Suffix added to registered function names.',
  }),
  'external_function.function_database': stringOption('', {
    env: ['SINGLESTOREDB_EXT_FUNC_FUNCTION_DATABASE'],
    description: 'Database that holds the function definitions.',
  }),
  'external_function.connection': optionalStringOption({
    env: ['SINGLESTOREDB_EXT_FUNC_CONNECTION', 'SINGLESTOREDB_URL'],
    description: 'Connection URL used to register functions (falls back to SINGLESTOREDB_URL).',
    secret: true,
  }),
  'external_function.host': stringOption('localhost', {
    env: ['SINGLESTOREDB_EXT_FUNC_HOST'],
    description: 'Host the function server binds to.',
  }),
  'external_function.port': integerOption(8000, {
    env: ['SINGLESTOREDB_EXT_FUNC_PORT'],
    min: 0,
    max: 65_535,
    description: 'Port the function server binds to.',
  }),
  'external_function.timeout': integerOption(86_400, {
    env: ['SINGLESTOREDB_EXT_FUNC_TIMEOUT'],
    min: 1,
    description: 'Batch timeout in seconds.',
  }),
  'external_function.disable_metrics': booleanOption(false, {
    env: ['SINGLESTOREDB_EXT_FUNC_DISABLE_METRICS'],
    description: 'Disable metrics logging.',
  }),
  'external_function.app_name': optionalStringOption({
    env: ['SINGLESTOREDB_EXT_FUNC_APP_NAME'],
    description: 'Application instance name.',
  }),
  'debug.queries': booleanOption(false, {
    env: ['SINGLESTOREDB_DEBUG_QUERIES'],
    description: 'Print each query and its parameters to stderr.',
  }),
  'debug.connection': booleanOption(false, {
    env: ['SINGLESTOREDB_DEBUG_CONNECTION'],
    description: 'Print connection and packet tracing to stderr.',
  }),
} as const;
