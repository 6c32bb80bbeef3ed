export {
  errorClassForErrno,
  errorFromServer,
  type ServerErrorClass,
  type ServerErrorReport,
} from './errno-map.js';
export { errorAtRow } from './error-at-row.js';
export {
  DatabaseError,
  DataError,
  IntegrityError,
  InterfaceError,
  InternalError,
  ManagementError,
  NotSupportedError,
  OperationalError,
  ProgrammingError,
  S2Warning,
} from './error-classes.js';
export { redactSecrets } from './redact-secrets.js';
export { ERROR_BRAND, formatErrorMessage, S2Error, type S2ErrorOptions } from './s2-error.js';
