import { afterEach, describe, expect, it, vi } from 'vitest';
import { InterfaceError } from '../errors/index.js';
import { getOption, getOptionSource, resetOption, setOption } from './option-registry.js';

afterEach(() => {
  vi.unstubAllEnvs();
  resetOption();
});

describe('defaults', () => {
  it.each([
    ['host', '127.0.0.1'],
    ['port', 0],
    ['driver', 'mysql'],
    ['ssl_cipher', undefined],
    ['autocommit', true],
    ['connect_timeout', 10],
    ['results.type', 'tuples'],
    ['results.arraysize', 1],
    ['management.base_url', 'https://api.singlestore.com'],
    ['external_function.port', 8000],
    ['external_function.process_mode', 'subprocess'],
    ['debug.queries', false],
    ['user', undefined],
    ['pure_python', undefined],
  ])('%s defaults to %j', (name, expected) => {
    expect(getOption(name)).toEqual(expected);
    expect(getOptionSource(name)).toBe('default');
  });
});

describe('names', () => {
  it('accepts the Python name, the camelCase name and a unique leaf', () => {
    setOption('results.arraysize', 7);
    expect(getOption('results.arraysize')).toBe(7);
    expect(getOption('resultsArraysize')).toBe(7);
    expect(getOption('arraysize')).toBe(7);
    setOption('externalFunction.appMode', 'managed');
    expect(getOption('external_function.app_mode')).toBe('managed');
    expect(getOption('appMode')).toBe('managed');
    expect(getOption('HTTP_PORT')).toBe(0);
  });

  it('rejects unknown names', () => {
    expect(() => getOption('nope')).toThrow(InterfaceError);
    expect(() => getOption('nope')).toThrow(/Unknown option "nope"/);
  });

  it('rejects a leaf shared by two options, and lets a top-level name win over a leaf', () => {
    // debug.connection and external_function.connection
    expect(() => getOption('connection')).toThrow(/"connection" is ambiguous/);
    // `port` is top-level, so it never means external_function.port.
    expect(getOption('port')).toBe(0);
  });
});

describe('environment', () => {
  it('reads SINGLESTOREDB_* on every call', () => {
    expect(getOption('port')).toBe(0);
    vi.stubEnv('SINGLESTOREDB_PORT', '3307');
    expect(getOption('port')).toBe(3307);
    expect(getOptionSource('port')).toBe('env');
    vi.stubEnv('SINGLESTOREDB_PORT', '3308');
    expect(getOption('port')).toBe(3308);
  });

  it('also reads the name without underscores, after the exact name', () => {
    vi.stubEnv('SINGLESTOREDBPORT', '4000');
    expect(getOption('port')).toBe(4000);
    vi.stubEnv('SINGLESTOREDB_PORT', '4001');
    expect(getOption('port')).toBe(4001);
  });

  it('tries several variables in order: SINGLESTOREDB_HOST before SINGLESTOREDB_URL', () => {
    vi.stubEnv('SINGLESTOREDB_URL', 'u:p@urlhost/db');
    expect(getOption('host')).toBe('u:p@urlhost/db');
    vi.stubEnv('SINGLESTOREDB_HOST', 'hosthost');
    expect(getOption('host')).toBe('hosthost');
  });

  it('casts booleans, integers and choices from text', () => {
    vi.stubEnv('SINGLESTOREDB_LOCAL_INFILE', 'Yes');
    vi.stubEnv('SINGLESTOREDB_AUTOCOMMIT', 'off');
    vi.stubEnv('SINGLESTOREDB_PURE_PYTHON', '1');
    vi.stubEnv('SINGLESTOREDB_RESULTS_TYPE', 'Pandas');
    vi.stubEnv('SINGLESTOREDB_EXT_FUNC_MAX_CONNECTIONS', '64');
    expect(getOption('local_infile')).toBe(true);
    expect(getOption('autocommit')).toBe(false);
    expect(getOption('pure_python')).toBe(true);
    expect(getOption('results.type')).toBe('polars');
    expect(getOption('external_function.max_connections')).toBe(64);
  });

  it('names the variable when its value is invalid, but never shows a secret value', () => {
    vi.stubEnv('SINGLESTOREDB_CONNECT_TIMEOUT', '0');
    expect(() => getOption('connect_timeout')).toThrow(
      /Invalid value "0" for option connect_timeout from environment variable SINGLESTOREDB_CONNECT_TIMEOUT/,
    );
    vi.stubEnv('SINGLESTOREDB_LOCAL_INFILE', 'maybe');
    expect(() => getOption('local_infile')).toThrow(InterfaceError);
  });

  it('external_function.connection follows SINGLESTOREDB_URL live', () => {
    expect(getOption('external_function.connection')).toBeUndefined();
    vi.stubEnv('SINGLESTOREDB_URL', 'mysql://u:p@h/db');
    expect(getOption('external_function.connection')).toBe('mysql://u:p@h/db');
  });
});

describe('setOption and resetOption', () => {
  it('validates and stores; a set value beats the environment; reset restores', () => {
    vi.stubEnv('SINGLESTOREDB_CHARSET', 'latin1');
    expect(getOption('charset')).toBe('latin1');
    setOption('charset', 'utf8');
    expect(getOption('charset')).toBe('utf8');
    expect(getOptionSource('charset')).toBe('set');
    expect(process.env.SINGLESTOREDB_CHARSET).toBe('latin1');
    resetOption('charset');
    expect(getOption('charset')).toBe('latin1');
  });

  it('rejects invalid values and keeps the old one', () => {
    setOption('results.type', 'dicts');
    expect(() => setOption('results.type', 'xml')).toThrow(
      /expected one of tuples, dicts, arrow, columns, polars/,
    );
    expect(() => setOption('connect_timeout', 31_536_001)).toThrow(InterfaceError);
    expect(() => setOption('port', 1.5)).toThrow(InterfaceError);
    expect(() => setOption('conn_attrs', { a: 1 })).toThrow(InterfaceError);
    expect(getOption('results.type')).toBe('dicts');
  });

  it('never quotes the value of a secret option', () => {
    expect(() => setOption('password', 12345)).toThrow(/Invalid value for option password/);
    expect(() => setOption('password', 12345)).not.toThrow(/12345/);
  });

  it('accepts record options as objects or JSON text', () => {
    setOption('conn_attrs', '{"app":"demo"}');
    expect(getOption('conn_attrs')).toEqual({ app: 'demo' });
    setOption('socket_options', { 6: { 1: 1 } });
    expect(getOption('socket_options')).toEqual({ 6: { 1: 1 } });
  });

  it('undefined resets; resetOption() with no names resets all', () => {
    setOption('buffered', false);
    setOption('buffered', undefined);
    expect(getOption('buffered')).toBe(true);
    setOption('buffered', false);
    setOption('debug.queries', true);
    resetOption();
    expect(getOption('buffered')).toBe(true);
    expect(getOption('debug.queries')).toBe(false);
  });
});
