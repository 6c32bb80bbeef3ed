import { InterfaceError } from '@s2/core-cursor';
import { describe, expect, it } from 'vitest';
import { fromPythonSocketOptions } from './python-socket-options.js';

describe('fromPythonSocketOptions', () => {
  it("maps Linux's SO_KEEPALIVE, TCP_NODELAY and TCP_KEEPIDLE onto socketOptions", () => {
    expect(fromPythonSocketOptions({ 1: { 9: 0 }, 6: { 1: 0, 4: 30 } }, 'linux')).toEqual({
      keepAlive: false,
      noDelay: false,
      keepAliveInitialDelay: 30_000,
    });
    expect(fromPythonSocketOptions({ 1: { 9: 1 }, 6: { 1: 2 } }, 'linux')).toEqual({
      keepAlive: true,
      noDelay: true,
    });
    expect(fromPythonSocketOptions({}, 'darwin')).toEqual({});
  });

  it('refuses options Node cannot set, by number and without guessing', () => {
    // TCP_KEEPINTVL (6/5) and SO_RCVBUF (1/8) have no Node counterpart.
    const refused: Record<string, Record<string, number>>[] = [
      { 6: { 5: 10 } },
      { 1: { 8: 65_536 } },
      { 41: { 1: 1 } },
    ];
    for (const levels of refused) {
      const error = (() => {
        try {
          fromPythonSocketOptions(levels, 'linux');
        } catch (caught) {
          return caught;
        }
      })();
      expect(InterfaceError.isInstance(error)).toBe(true);
      expect(String(error)).toMatch(/level \d+ option \d+ cannot be set from Node/);
    }
    expect(() => fromPythonSocketOptions({ 6: { 4: 0 } }, 'linux')).toThrow(
      'Option socket_options TCP_KEEPIDLE must be an integer from 1 to 32767, got 0',
    );
  });

  it('refuses the numbers on other operating systems, whose tables differ', () => {
    expect(() => fromPythonSocketOptions({ 6: { 1: 1 } }, 'darwin')).toThrow(
      /only Linux's are known \(not darwin's\)\. Use socketOptions/,
    );
  });
});
