import { describe, expect, it } from 'vitest';
import { DataError } from '../errors/index.js';
import {
  BINARY,
  Binary,
  DATETIME,
  DateFromTicks,
  dbapi,
  NUMBER,
  ROWID,
  STRING,
  Time,
  TimeFromTicks,
  Timestamp,
  TimestampFromTicks,
} from './dbapi-types.js';
import { TypeCode } from './type-codes.js';

describe('DB-API type objects', () => {
  it('compare with description type codes', () => {
    expect(STRING.equals(TypeCode.VAR_STRING)).toBe(true);
    expect(STRING.equals(TypeCode.LONG)).toBe(false);
    expect(BINARY.equals(TypeCode.BLOB)).toBe(true);
    expect(BINARY.equals(3001)).toBe(true);
    expect(NUMBER.equals(TypeCode.NEWDECIMAL)).toBe(true);
    expect(NUMBER.equals(TypeCode.YEAR)).toBe(true);
    expect(DATETIME.equals(TypeCode.DATE)).toBe(true);
    expect(DATETIME.equals(TypeCode.TIMESTAMP)).toBe(true);
    expect(ROWID.equals(0)).toBe(false);
    expect(String(NUMBER)).toBe('NUMBER');
  });

  it('put every type code in at most one family', () => {
    const families = [STRING, BINARY, NUMBER, DATETIME];
    for (const code of Object.values(TypeCode)) {
      expect(families.filter((family) => family.equals(code)).length).toBeLessThanOrEqual(1);
    }
  });
});

describe('constructors', () => {
  it('Date and Timestamp use 1-based months in UTC', () => {
    expect(dbapi.Date(2024, 2, 29).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(Timestamp(2024, 12, 31, 23, 59, 58).toISOString()).toBe('2024-12-31T23:59:58.000Z');
    expect(dbapi.Date(5, 1, 1).getUTCFullYear()).toBe(5);
  });

  it('reject impossible values', () => {
    expect(() => dbapi.Date(2023, 2, 29)).toThrow(DataError);
    expect(() => dbapi.Date(2023, 13, 1)).toThrow(/month must be an integer from 1 to 12, got 13/);
    expect(() => Time(24, 0, 0)).toThrow(DataError);
    expect(() => Timestamp(2023, 1, 1, 0, 60, 0)).toThrow(DataError);
  });

  it('Time is a TIME string', () => {
    expect(Time(7, 5, 3)).toBe('07:05:03');
  });

  it('*FromTicks read seconds since the epoch in UTC', () => {
    const ticks = 1_700_000_123;
    expect(TimestampFromTicks(ticks).getTime()).toBe(ticks * 1000);
    expect(DateFromTicks(ticks).toISOString()).toBe('2023-11-14T00:00:00.000Z');
    expect(TimeFromTicks(ticks)).toBe('22:15:23');
    expect(TimeFromTicks(9999)).toBe('02:46:39');
  });

  it('Binary copies text, arrays and buffers into a Uint8Array', () => {
    expect(Binary('hé')).toEqual(new Uint8Array([0x68, 0xc3, 0xa9]));
    expect(Binary([1, 2, 255])).toEqual(new Uint8Array([1, 2, 255]));
    const source = new Uint16Array([0x0102]);
    const copy = Binary(source);
    expect(copy).toEqual(new Uint8Array(source.buffer));
    source[0] = 0;
    expect(copy[0]).not.toBe(0);
    expect(Binary(new Uint8Array([9, 8]).buffer)).toEqual(new Uint8Array([9, 8]));
  });
});
