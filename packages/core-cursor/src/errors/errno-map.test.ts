import { describe, expect, it } from 'vitest';
import { errorClassForErrno, errorFromServer } from './errno-map.js';
import {
  DataError,
  IntegrityError,
  InterfaceError,
  InternalError,
  NotSupportedError,
  OperationalError,
  ProgrammingError,
} from './error-classes.js';

describe('errorClassForErrno', () => {
  it.each([
    // In both Python maps, same class.
    [1064, ProgrammingError],
    [1146, ProgrammingError],
    [1062, IntegrityError],
    [1264, DataError],
    [1406, DataError],
    // Only in the MySQL map.
    [1166, ProgrammingError],
    [1263, DataError],
    [1366, DataError],
    [1235, NotSupportedError],
    [1045, OperationalError],
    [1213, OperationalError],
    // Only in the HTTP map.
    [1065, ProgrammingError],
    [1741, ProgrammingError],
    [1365, DataError],
    [1169, IntegrityError],
    [1826, IntegrityError],
    [0, InterfaceError],
    // Reconciled disagreements.
    [1049, OperationalError],
    [4025, IntegrityError],
    [2006, OperationalError],
    [2013, OperationalError],
    [2014, OperationalError],
    // Fallbacks.
    [1054, OperationalError],
    [999, InternalError],
    [500, InternalError],
  ])('%i → %o', (errno, expected) => {
    expect(errorClassForErrno(errno)).toBe(expected);
  });
});

describe('errorFromServer', () => {
  it('builds the mapped class with errno, sqlState and message', () => {
    const error = errorFromServer({
      errno: 1064,
      sqlState: '42000',
      message: 'You have an error in your SQL syntax',
    });
    expect(error).toBeInstanceOf(ProgrammingError);
    expect(error.errno).toBe(1064);
    expect(error.sqlState).toBe('42000');
    expect(error.message).toBe('1064 (42000): You have an error in your SQL syntax');
  });

  it('drops an empty sqlState and keeps the cause', () => {
    const cause = new Error('http 500');
    const error = errorFromServer({ errno: 500, sqlState: '', message: 'boom', cause });
    expect(error).toBeInstanceOf(InternalError);
    expect(error.sqlState).toBeUndefined();
    expect(error.message).toBe('500: boom');
    expect(error.cause).toBe(cause);
  });
});
