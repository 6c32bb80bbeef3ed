import { describe, expect, it } from 'vitest';
import { ManagementError } from './management-error.js';

describe('ManagementError', () => {
  it('carries the brand from most specific class to S2Error', () => {
    const error = new ManagementError('boom', { status: 404, method: 'GET', path: 'workspaces/x' });
    expect((error as unknown as Record<symbol, unknown>)[Symbol.for('@s2/error')]).toEqual([
      'ManagementError',
      'S2Error',
    ]);
    expect(error.errno).toBe(404);
    expect(error.sqlState).toBeUndefined();
    expect(error.code).toBe('HTTP');
    expect(error).toBeInstanceOf(Error);
  });

  it('recognises branded objects from another copy and rejects everything else', () => {
    const foreign = { [Symbol.for('@s2/error')]: ['ManagementError', 'S2Error'] };
    expect(ManagementError.isInstance(foreign)).toBe(true);
    expect(ManagementError.isInstance({ [Symbol.for('@s2/error')]: ['ProgrammingError'] })).toBe(
      false,
    );
    expect(ManagementError.isInstance(new Error('x'))).toBe(false);
    expect(ManagementError.isInstance(null)).toBe(false);
  });

  it('keeps the cause', () => {
    const cause = new Error('inner');
    expect(new ManagementError('outer', { cause }).cause).toBe(cause);
  });
});
