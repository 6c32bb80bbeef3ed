import {
  DataError,
  IntegrityError,
  InterfaceError,
  InternalError,
  NotSupportedError,
  OperationalError,
  ProgrammingError,
} from './error-classes.js';
import type { S2Error, S2ErrorOptions } from './s2-error.js';

/** The classes a server error number can map to. */
export type ServerErrorClass =
  | typeof InterfaceError
  | typeof OperationalError
  | typeof ProgrammingError
  | typeof IntegrityError
  | typeof DataError
  | typeof NotSupportedError
  | typeof InternalError;

/*
 * One map for both transports: the union of the Python SDK's MySQL-protocol and HTTP maps.
 * Where they disagree, the choice is made once here (and listed in the README):
 *   1049 unknown database        → OperationalError (PEP 249: data source not found)
 *   4025 constraint failed       → IntegrityError
 *   2004, 2006, 2012, 2013, 2014 → OperationalError (connection failures, not API misuse)
 *   1264 out of range            → DataError (the HTTP map checked DataError first too)
 */
const CLASS_CODES: ReadonlyArray<readonly [ServerErrorClass, readonly number[]]> = [
  [InterfaceError, [0]],
  [
    ProgrammingError,
    [
      1007, 1064, 1065, 1082, 1102, 1103, 1110, 1111, 1112, 1113, 1146, 1149, 1166, 1179, 1449,
      1582, 1741,
    ],
  ],
  [DataError, [1171, 1230, 1263, 1264, 1265, 1365, 1366, 1367, 1406, 1441]],
  [IntegrityError, [1048, 1062, 1169, 1215, 1216, 1217, 1364, 1401, 1451, 1452, 1460, 1826, 4025]],
  [NotSupportedError, [1196, 1235, 1286, 1289]],
  [OperationalError, [1040, 1044, 1045, 1049, 1142, 1143, 1213, 2004, 2006, 2012, 2013, 2014]],
];

const ERRNO_CLASSES: ReadonlyMap<number, ServerErrorClass> = new Map(
  CLASS_CODES.flatMap(([errorClass, codes]) => codes.map((code) => [code, errorClass] as const)),
);

/**
 * The class an error number maps to. Codes not in the map follow the Python SDK's fallback:
 * below 1000 (which includes HTTP statuses surfaced as errno) → InternalError, otherwise
 * OperationalError.
 */
export function errorClassForErrno(errno: number): ServerErrorClass {
  const mapped = ERRNO_CLASSES.get(errno);
  if (mapped) return mapped;
  return errno < 1000 ? InternalError : OperationalError;
}

/** An error as reported by the server (ERR packet) or the Data API. */
export interface ServerErrorReport {
  errno: number;
  sqlState?: string;
  message: string;
  cause?: unknown;
}

/**
 * Builds the error instance of the right class for an error the server reported, over either
 * transport.
 */
export function errorFromServer(report: ServerErrorReport): S2Error {
  const ErrorClass = errorClassForErrno(report.errno);
  const options: S2ErrorOptions = { errno: report.errno };
  if (report.sqlState !== undefined && report.sqlState !== '') options.sqlState = report.sqlState;
  if (report.cause !== undefined) options.cause = report.cause;
  return new ErrorClass(report.message, options);
}
