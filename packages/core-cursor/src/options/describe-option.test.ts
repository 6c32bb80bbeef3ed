import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeOption } from './describe-option.js';
import { OPTION_NAMES } from './option-names.js';
import { resetOption, setOption } from './option-registry.js';

afterEach(() => {
  vi.unstubAllEnvs();
  resetOption();
});

describe('describeOption', () => {
  it('describes name, meaning, type, default, current value and environment', () => {
    setOption('results.arraysize', 3);
    const text = describeOption('arraysize');
    expect(text).toContain(
      'results.arraysize (results.arraysize)'.replace(' (results.arraysize)', ''),
    );
    expect(text).toContain('type: integer');
    expect(text).toContain('default: 1');
    expect(text).toContain('current: 3 (from set)');
    expect(text).toContain('environment: SINGLESTOREDB_RESULTS_ARRAYSIZE');
  });

  it('lists the choices and the camelCase name', () => {
    const text = describeOption('external_function.process_mode');
    expect(text.split('\n')[0]).toBe(
      'external_function.process_mode (externalFunction.processMode)',
    );
    expect(text).toContain('type: thread | subprocess');
  });

  it('hides secret values', () => {
    setOption('password', 'hunter2');
    vi.stubEnv('SINGLESTOREDB_MANAGEMENT_TOKEN', 'tok-123');
    const text = describeOption('password', 'management.token');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('tok-123');
    expect(text).toContain('current: *** (from set)');
    expect(text).toContain('current: *** (from env)');
  });

  it('describes every option when given no name', () => {
    const text = describeOption();
    for (const name of OPTION_NAMES)
      expect(text).toContain(`\n${name}`.slice(name === 'host' ? 1 : 0));
  });
});
