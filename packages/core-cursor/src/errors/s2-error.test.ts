import { describe, expect, it } from 'vitest';
import {
  DatabaseError,
  DataError,
  IntegrityError,
  InterfaceError,
  ManagementError,
  OperationalError,
  ProgrammingError,
  S2Warning,
} from './error-classes.js';
import { ERROR_BRAND, formatErrorMessage, S2Error } from './s2-error.js';

describe('message format', () => {
  it.each([
    ['msg', 1064, '42000', '1064 (42000): msg'],
    ['msg', 1064, undefined, '1064: msg'],
    ['', 1064, undefined, '1064'],
    ['', 1064, '42000', '1064 (42000)'],
    ['msg', undefined, undefined, 'msg'],
    ['msg', undefined, '42000', 'msg'],
    ['', undefined, undefined, 'Unknown error'],
  ])('formats %j errno=%j sqlState=%j as %j', (detail, errno, sqlState, expected) => {
    expect(formatErrorMessage(detail, errno, sqlState)).toBe(expected);
    expect(new ProgrammingError(detail, { errno, sqlState }).message).toBe(expected);
  });

  it('keeps the fields and the bare message', () => {
    const cause = new Error('socket closed');
    const error = new OperationalError('Lost connection', {
      errno: 2013,
      sqlState: 'HY000',
      cause,
    });
    expect(error.errno).toBe(2013);
    expect(error.sqlState).toBe('HY000');
    expect(error.detail).toBe('Lost connection');
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('OperationalError');
    expect(String(error)).toBe('OperationalError: 2013 (HY000): Lost connection');
  });

  it('has no cause property when none was given', () => {
    expect('cause' in new DataError('x')).toBe(false);
  });
});

describe('hierarchy and brand', () => {
  it('follows the DB-API tree', () => {
    const error = new IntegrityError('dup');
    expect(error).toBeInstanceOf(IntegrityError);
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error).toBeInstanceOf(S2Error);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(ProgrammingError);
  });

  it('carries the class chain under Symbol.for("@s2/error")', () => {
    expect(ERROR_BRAND).toBe(Symbol.for('@s2/error'));
    const error = new ProgrammingError('x');
    expect(error[ERROR_BRAND]).toEqual(['ProgrammingError', 'DatabaseError', 'S2Error']);
    expect(new ManagementError('x')[ERROR_BRAND]).toEqual(['ManagementError', 'S2Error']);
    expect(new S2Warning('x')[ERROR_BRAND]).toEqual(['S2Warning', 'S2Error']);
    expect(Object.keys(error)).not.toContain(ERROR_BRAND.toString());
  });

  it('isInstance narrows by class and accepts subclasses', () => {
    const error: unknown = new ProgrammingError('x');
    expect(ProgrammingError.isInstance(error)).toBe(true);
    expect(DatabaseError.isInstance(error)).toBe(true);
    expect(S2Error.isInstance(error)).toBe(true);
    expect(IntegrityError.isInstance(error)).toBe(false);
    expect(InterfaceError.isInstance(error)).toBe(false);
    expect(S2Error.isInstance(new Error('plain'))).toBe(false);
    expect(S2Error.isInstance(null)).toBe(false);
    expect(S2Error.isInstance('ProgrammingError')).toBe(false);
  });

  it('isInstance recognises errors from another copy of the package', () => {
    // What a duplicate install (or @s2/management) produces: a foreign class, same brand.
    class ForeignError extends Error {
      readonly [ERROR_BRAND] = ['IntegrityError', 'DatabaseError', 'S2Error'];
    }
    const foreign: unknown = new ForeignError('dup');
    expect(foreign).not.toBeInstanceOf(S2Error);
    expect(IntegrityError.isInstance(foreign)).toBe(true);
    expect(DatabaseError.isInstance(foreign)).toBe(true);
    expect(S2Error.isInstance(foreign)).toBe(true);
    expect(DataError.isInstance(foreign)).toBe(false);
  });

  it('user subclasses inherit the chain of their parent', () => {
    class AppError extends ProgrammingError {}
    expect(new AppError('x')[ERROR_BRAND]).toEqual([
      'ProgrammingError',
      'DatabaseError',
      'S2Error',
    ]);
    expect(ProgrammingError.isInstance(new AppError('x'))).toBe(true);
  });
});

describe('secrets', () => {
  it('redacts credentials a caller put into a message', () => {
    const error = new OperationalError(
      "Can't connect with mysql://root:hunter2@db:3306/app?password=hunter2",
      { errno: 2003 },
    );
    expect(error.message).not.toContain('hunter2');
    expect(error.message).toContain('mysql://root:***@db:3306/app');
    expect(error.detail).not.toContain('hunter2');
  });
});
