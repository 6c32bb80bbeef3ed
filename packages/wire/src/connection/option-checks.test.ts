import { InterfaceError } from '@s2/core-cursor';
import { describe, expect, it } from 'vitest';
import type { WireConnectionOptions } from './connection-options.js';
import { resolveOptions } from './resolve-options.js';

const PASSWORD = 'never-in-a-message';

/** Resolves options a JavaScript caller may get wrong, returning the error. */
function refusal(options: Record<string, unknown>): unknown {
  try {
    resolveOptions({ user: 'u', password: PASSWORD, ...options } as WireConnectionOptions);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('checks of the connection options', () => {
  it.each([
    [
      { maxAllowedPacket: -1 },
      'Option maxAllowedPacket must be an integer from 1024 to 1073741824, got -1',
    ],
    [{ maxAllowedPacket: 1000 }, 'got 1000'],
    [{ maxAllowedPacket: 2 ** 31 }, 'got 2147483648'],
    [{ maxAllowedPacket: 4096.5 }, 'got 4096.5'],
    [{ maxAllowedPacket: '4096' }, 'got a value of type string'],
    [{ writeTimeout: 0 }, 'Option writeTimeout must be an integer from 1 to 2147483647, got 0'],
    [{ writeTimeout: -5 }, 'got -5'],
    [{ writeTimeout: Number.NaN }, 'got NaN'],
    [{ sqlMode: 42 }, 'Option sqlMode must be a string, got 42'],
    [{ sqlMode: null }, 'got null'],
    [
      { dialogPrompt: 'code' },
      'Option dialogPrompt must be a function, got a value of type string',
    ],
    [
      { socketOptions: true },
      'Option socketOptions must be an object, got a value of type boolean',
    ],
    [{ socketOptions: { keepalive: true } }, "Option socketOptions has no field 'keepalive'"],
    [
      { socketOptions: { noDelay: 1 } },
      'Option socketOptions.noDelay must be true or false, got 1',
    ],
    [{ socketOptions: { keepAlive: 'yes' } }, 'socketOptions.keepAlive must be true or false'],
    [
      { socketOptions: { keepAliveInitialDelay: -1 } },
      'socketOptions.keepAliveInitialDelay must be an integer from 0',
    ],
  ])('refuses %o', (options, message) => {
    const error = refusal(options);
    expect(InterfaceError.isInstance(error)).toBe(true);
    expect(String(error)).toContain(message);
    expect(String(error)).not.toContain(PASSWORD);
  });

  it('fills the defaults and keeps valid values', () => {
    const defaults = resolveOptions({ user: 'u' });
    expect(defaults.maxAllowedPacket).toBeUndefined();
    expect(defaults.socketOptions).toEqual({
      keepAlive: true,
      keepAliveInitialDelay: 60_000,
      noDelay: true,
    });
    expect(defaults.writeTimeout).toBeUndefined();
    expect(defaults.sqlMode).toBeUndefined();
    const given = resolveOptions({
      user: 'u',
      maxAllowedPacket: 1024,
      writeTimeout: 1,
      sqlMode: '',
      socketOptions: { keepAliveInitialDelay: 0 },
    });
    expect(given).toMatchObject({ maxAllowedPacket: 1024, writeTimeout: 1, sqlMode: '' });
    expect(given.socketOptions.keepAliveInitialDelay).toBe(0);
  });

  it('reads writeTimeout (seconds) and sqlMode from the URL', () => {
    const options = resolveOptions('mysql://u@db.example/app?writeTimeout=3&sql_mode=ANSI');
    expect(options).toMatchObject({ writeTimeout: 3000, sqlMode: 'ANSI' });
  });

  it('a dialogPrompt becomes the dialog plugin, unless authPlugins names its own', () => {
    const prompt = (): string => 'code';
    expect(resolveOptions({ user: 'u', dialogPrompt: prompt }).authPlugins).toHaveProperty(
      'dialog',
    );
    const own = () => ({ initialResponse: () => new Uint8Array(0), moreData: () => undefined });
    expect(
      resolveOptions({ user: 'u', dialogPrompt: prompt, authPlugins: { dialog: own } }).authPlugins
        ?.dialog,
    ).toBe(own);
  });
});
