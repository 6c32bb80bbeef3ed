import { describe, expect, it } from 'vitest';
import type { OptionDefinition } from './option-kinds.js';
import { OPTION_NAMES, OPTION_TABLE } from './option-names.js';

const PYTHON_OPTIONS = [
  'host',
  'port',
  'http_port',
  'user',
  'password',
  'driver',
  'database',
  'pure_python',
  'charset',
  'encoding_errors',
  'local_infile',
  'multi_statements',
  'client_found_rows',
  'ssl_key',
  'ssl_cert',
  'ssl_ca',
  'ssl_cipher',
  'tls_sni_servername',
  'ssl_disabled',
  'ssl_verify_cert',
  'ssl_verify_identity',
  'program_name',
  'conn_attrs',
  'credential_type',
  'sso_browser',
  'autocommit',
  'buffered',
  'parse_json',
  'connect_timeout',
  'nan_as_null',
  'inf_as_null',
  'track_env',
  'enable_extended_data_types',
  'vector_data_format',
  'interpolate_query_with_empty_args',
  'fusion.enabled',
  'socket_options',
  'results.type',
  'results.arraysize',
  'management.token',
  'management.base_url',
  'management.version',
  'external_function.url',
  'external_function.app_mode',
  'external_function.data_format',
  'external_function.data_version',
  'external_function.link_name',
  'external_function.link_config',
  'external_function.link_credentials',
  'external_function.replace_existing',
  'external_function.socket_path',
  'external_function.max_connections',
  'external_function.process_mode',
  'external_function.single_thread',
  'external_function.log_level',
  'external_function.log_file',
  'external_function.name_prefix',
  'external_function.name_suffix',
  'external_function.function_database',
  'external_function.connection',
  'external_function.host',
  'external_function.port',
  'external_function.timeout',
  'external_function.disable_metrics',
  'external_function.app_name',
  'debug.queries',
  'debug.connection',
];

describe('option table', () => {
  it('registers every option of the Python SDK', () => {
    for (const name of PYTHON_OPTIONS) expect(OPTION_NAMES).toContain(name);
  });

  it.each(OPTION_NAMES)(
    '%s: default passes its own schema, env names are SINGLESTOREDB_*',
    (name) => {
      const definition = OPTION_TABLE[name] as OptionDefinition<unknown>;
      expect(definition.schema.safeParse(definition.defaultValue).success).toBe(true);
      for (const env of definition.env) expect(env).toMatch(/^SINGLESTOREDB_[A-Z0-9_]+$/);
      expect(definition.description.length).toBeGreaterThan(0);
    },
  );

  it('uses the Python env names for external functions and the URL alias of host', () => {
    expect(OPTION_TABLE.host.env).toEqual(['SINGLESTOREDB_HOST', 'SINGLESTOREDB_URL']);
    expect(OPTION_TABLE['external_function.app_mode'].env).toEqual([
      'SINGLESTOREDB_EXT_FUNC_APP_MODE',
    ]);
    expect(OPTION_TABLE.program_name.env).toEqual([]);
  });
});
