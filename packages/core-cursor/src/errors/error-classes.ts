import { S2Error } from './s2-error.js';

/** An error in the client library itself rather than the database (DB-API `InterfaceError`). */
export class InterfaceError extends S2Error {
  static override readonly brand: string = 'InterfaceError';
}

/** An error reported by or about the database (DB-API `DatabaseError`). */
export class DatabaseError extends S2Error {
  static override readonly brand: string = 'DatabaseError';
}

/**
 * A failure outside the program's control: lost connection, access denied, deadlock, timeout
 * (DB-API `OperationalError`).
 */
export class OperationalError extends DatabaseError {
  static override readonly brand: string = 'OperationalError';
}

/** A bad statement: syntax error, unknown table, wrong number of parameters, … */
export class ProgrammingError extends DatabaseError {
  static override readonly brand: string = 'ProgrammingError';
}

/** A constraint failed: duplicate key, foreign key, NOT NULL, … */
export class IntegrityError extends DatabaseError {
  static override readonly brand: string = 'IntegrityError';
}

/** A value could not be stored or computed: out of range, truncated, division by zero, … */
export class DataError extends DatabaseError {
  static override readonly brand: string = 'DataError';
}

/** The server or the SDK does not support what was asked. */
export class NotSupportedError extends DatabaseError {
  static override readonly brand: string = 'NotSupportedError';
}

/** The database or the client reached an inconsistent internal state. */
export class InternalError extends DatabaseError {
  static override readonly brand: string = 'InternalError';
}

/** A failed call to the Cloud Management API; `errno` is the HTTP status. */
export class ManagementError extends S2Error {
  static override readonly brand: string = 'ManagementError';
}

/** A warning (DB-API `Warning`); reported, not thrown, by the SDK's own code. */
export class S2Warning extends S2Error {
  static override readonly brand: string = 'S2Warning';
}
