import { afterEach, describe, expect, it, vi } from 'vitest';
import { InterfaceError } from '../errors/index.js';
import { OPTION_NAMES } from './option-names.js';
import { getOption, resetOption } from './option-registry.js';
import { options } from './options-object.js';

afterEach(() => {
  vi.unstubAllEnvs();
  resetOption();
});

describe('options object', () => {
  it('reads live values through camelCase properties', () => {
    expect(options.httpPort).toBe(0);
    vi.stubEnv('SINGLESTOREDB_HTTP_PORT', '9000');
    expect(options.httpPort).toBe(9000);
    expect(options.results.type).toBe('tuples');
    expect(options.externalFunction.appMode).toBe('remote');
  });

  it('assigning sets the option, with validation', () => {
    options.results.arraysize = 50;
    expect(getOption('results.arraysize')).toBe(50);
    options.management.baseUrl = 'https://example.test';
    expect(getOption('management.base_url')).toBe('https://example.test');
    expect(() => {
      options.results.arraysize = 0;
    }).toThrow(InterfaceError);
  });

  it('also answers to the Python spellings without listing them', () => {
    const loose = options as unknown as Record<string, Record<string, unknown>>;
    options.externalFunction.logLevel = 'debug';
    expect(loose.external_function?.log_level).toBe('debug');
    expect(Object.keys(options)).not.toContain('external_function');
    expect(Object.keys(options.externalFunction)).toContain('logLevel');
    expect(Object.keys(options.externalFunction)).not.toContain('log_level');
  });

  it('has one property per option', () => {
    let count = 0;
    for (const key of Object.keys(options)) {
      const descriptor = Object.getOwnPropertyDescriptor(options, key);
      count += descriptor?.get ? 1 : Object.keys(descriptor?.value as object).length;
    }
    expect(count).toBe(OPTION_NAMES.length);
  });
});
