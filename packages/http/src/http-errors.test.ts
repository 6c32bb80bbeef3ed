import {
  DataError,
  IntegrityError,
  InterfaceError,
  InternalError,
  OperationalError,
  ProgrammingError,
} from '@s2/core-cursor';
import { describe, expect, it } from 'vitest';
import { errorFromErrorField, errorFromResponse, transportError } from './http-errors.js';

describe('errorFromResponse', () => {
  it('parses the errno from Error NNNN bodies and maps it to the error class', () => {
    const missing = errorFromResponse(400, "Error 1146: Table 'db.t' doesn't exist");
    expect(missing).toBeInstanceOf(ProgrammingError);
    expect([missing.errno, missing.detail]).toEqual([1146, "Table 'db.t' doesn't exist"]);
    expect(errorFromResponse(400, 'Error 1062: Duplicate entry')).toBeInstanceOf(IntegrityError);
    expect(errorFromResponse(400, 'Error 1264: Out of range')).toBeInstanceOf(DataError);
    expect(errorFromResponse(500, 'Error 9999 (HY000): odd: text').detail).toBe('odd: text');
  });

  it('uses the HTTP status for other bodies and InterfaceError for empty ones', () => {
    const unsupported = errorFromResponse(415, 'Content-Type must be application/json');
    expect(unsupported).toBeInstanceOf(InternalError);
    expect(unsupported.errno).toBe(415);
    const empty = errorFromResponse(502, '');
    expect(empty).toBeInstanceOf(InterfaceError);
    expect([empty.errno, empty.detail]).toEqual([502, 'HTTP Error']);
  });

  it('maps a 200 answer with an error field by its code, as the wire client would', () => {
    const error = errorFromErrorField({ code: 1317, message: 'interrupted' });
    expect(error).toBeInstanceOf(OperationalError);
    expect([error.errno, error.detail]).toEqual([1317, 'interrupted']);
    const missing = errorFromErrorField({ code: 1146, message: "Table 'db.t' doesn't exist" });
    expect(missing).toBeInstanceOf(ProgrammingError);
    expect(missing.errno).toBe(1146);
    expect(errorFromErrorField({ code: 1062, message: 'dup' })).toBeInstanceOf(IntegrityError);
    const odd = errorFromErrorField({ message: 7 });
    expect([odd.constructor, odd.errno, odd.detail]).toEqual([
      OperationalError,
      0,
      'Data API error',
    ]);
  });

  it('tells aborts, timeouts and network failures apart', () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    expect(transportError(new Error('x'), '/exec', controller.signal).errno).toBe(1317);
    const timeout = Object.assign(new Error('t'), { name: 'TimeoutError' });
    expect(transportError(timeout, '/exec').errno).toBe(2013);
    const network = transportError(new TypeError('fetch failed'), '/exec');
    expect([network.errno, network.cause]).toEqual([2003, expect.any(TypeError)]);
  });
});
