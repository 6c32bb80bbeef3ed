import { afterEach, describe, expect, it, vi } from 'vitest';
import { getOption, getOptionSource, resetOption, setOption } from './option-registry.js';
import { withOptions } from './with-options.js';

afterEach(() => {
  vi.unstubAllEnvs();
  resetOption();
});

describe('withOptions', () => {
  it('overrides inside the scope only, above set values and the environment', () => {
    vi.stubEnv('SINGLESTOREDB_RESULTS_TYPE', 'arrow');
    setOption('results.type', 'columns');
    const inside = withOptions({ 'results.type': 'dicts' }, () => {
      expect(getOptionSource('results.type')).toBe('scope');
      return getOption('results.type');
    });
    expect(inside).toBe('dicts');
    expect(getOption('results.type')).toBe('columns');
  });

  it('nests, and restores after a throw', () => {
    withOptions({ arraysize: 5 }, () => {
      expect(() =>
        withOptions({ arraysize: 6 }, () => {
          expect(getOption('results.arraysize')).toBe(6);
          throw new Error('boom');
        }),
      ).toThrow('boom');
      expect(getOption('results.arraysize')).toBe(5);
    });
    expect(getOption('results.arraysize')).toBe(1);
  });

  it('restores when the returned promise settles', async () => {
    const pending = withOptions({ nanAsNull: true }, async () => {
      await Promise.resolve();
      return getOption('nan_as_null');
    });
    expect(getOption('nan_as_null')).toBe(true);
    expect(await pending).toBe(true);
    expect(getOption('nan_as_null')).toBe(false);
    await expect(
      withOptions({ nanAsNull: true }, async () => {
        throw new Error('later');
      }),
    ).rejects.toThrow('later');
    expect(getOption('nan_as_null')).toBe(false);
  });

  it('validates the overrides before running anything', () => {
    let ran = false;
    const overrides: Record<string, unknown> = { 'results.type': 'xml' };
    expect(() =>
      withOptions(overrides, () => {
        ran = true;
      }),
    ).toThrow(/results.type/);
    expect(ran).toBe(false);
  });
});
