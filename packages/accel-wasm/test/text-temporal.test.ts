import { describe, expect, test } from 'vitest';
import { decodeRows, RowDecodeError } from '../src/index.js';
import { cells, IMPLEMENTATIONS, rows, spec } from './support.js';

const DATE = 10;
const TIME = 11;
const DATETIME = 12;
const TIMESTAMP = 7;

describe.each(IMPLEMENTATIONS)('dates and times ($name)', ({ accel }) => {
  const column = (typeCode: number, texts: (string | null)[], options = {}) => {
    const { data, bounds } = rows(texts.map((t) => [t]));
    return decodeRows([spec(typeCode, { decimals: 6 })], data, bounds, { accel, ...options })
      .columns[0]!;
  };
  const failure = (typeCode: number, text: string) => {
    try {
      column(typeCode, [text]);
    } catch (error) {
      return (error as RowDecodeError).code;
    }
    throw new Error(`${text} did not fail`);
  };
  const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const micros = (iso: string, extra = 0) => BigInt(Date.parse(`${iso}Z`)) * 1000n + BigInt(extra);

  test('DATE is days since 1970-01-01; the zero date is null', () => {
    const texts = [
      '1970-01-01',
      '2024-02-29',
      '1969-12-31',
      '0001-01-01',
      '9999-12-31',
      '1000-01-01',
    ];
    const c = column(DATE, [...texts, '0000-00-00', null]);
    expect(c).toMatchObject({ kind: 'date', typeCode: 10, nullCount: 2 });
    expect(c.values).toBeInstanceOf(Int32Array);
    expect(cells(c)).toEqual([...texts.map(days), null, null]);
    expect(cells(column(14, ['2000-01-01']))).toEqual([days('2000-01-01')]);
    expect(cells(column(DATE, ['0000-01-01']))).toEqual([-719528]);
  });

  test('impossible dates are reported, or null on request', () => {
    for (const text of [
      '2007-02-31',
      '2023-02-29',
      '1900-02-29',
      '2020-00-10',
      '2020-13-01',
      '2020-01-00',
      '2020-1-01',
      '20200101',
      '2020-01-01 ',
      'abcd-ef-gh',
      '',
    ]) {
      expect(failure(DATE, text)).toBe('BAD_DATE');
    }
    expect(cells(column(DATE, ['2007-02-31', '2020-01-01'], { invalidDates: 'null' }))).toEqual([
      null,
      days('2020-01-01'),
    ]);
  });

  test('DATETIME and TIMESTAMP are µs since the epoch, read as UTC', () => {
    const texts = [
      '2024-01-02 03:04:05.678901',
      '2024-01-02 03:04:05',
      '2024-01-02T03:04:05.5',
      '2024-01-02',
      '1969-12-31 23:59:59.999999',
      '9999-12-31 23:59:59.999999',
      '0001-01-01 00:00:00',
    ];
    for (const typeCode of [DATETIME, TIMESTAMP]) {
      const c = column(typeCode, [
        ...texts,
        '0000-00-00 00:00:00',
        '0000-00-00 00:00:00.000000',
        '0000-00-00',
        null,
      ]);
      expect(c).toMatchObject({ kind: 'timestamp', typeCode, decimals: 6, nullCount: 4 });
      expect(c.values).toBeInstanceOf(BigInt64Array);
      expect(cells(c)).toEqual([
        micros('2024-01-02T03:04:05', 678901),
        micros('2024-01-02T03:04:05'),
        micros('2024-01-02T03:04:05', 500000),
        micros('2024-01-02T00:00:00'),
        micros('1969-12-31T23:59:59', 999999),
        micros('9999-12-31T23:59:59', 999999),
        -62135596800000000n,
        null,
        null,
        null,
        null,
      ]);
    }
  });

  test('invalid datetimes are reported, or null on request', () => {
    for (const text of [
      '2007-02-31 00:00:00',
      '2024-01-02 24:00:00',
      '2024-01-02 23:60:00',
      '2024-01-02 23:59:60',
      '2024-01-02 03:04:05.',
      '2024-01-02 03:04:05.1234567',
      '2024-01-02 03:04',
      '2024-01-02X03:04:05',
      '2024-01-02 03:04:05Z',
      '0000-00-00 00:00:01',
      '2024-01-02 3:04:05',
    ]) {
      expect(failure(DATETIME, text)).toBe('BAD_DATETIME');
    }
    expect(cells(column(DATETIME, ['2024-01-02 25:00:00'], { invalidDates: 'null' }))).toEqual([
      null,
    ]);
  });

  test('TIME stays text and is checked', () => {
    const texts = [
      '00:00:00',
      '-25:06:17.000005',
      '838:59:59',
      '-838:59:59.000000',
      '12:34:56.5',
      '1:02:03',
    ];
    const c = column(TIME, [...texts, null]);
    expect(c).toMatchObject({ kind: 'time', typeCode: 11, nullCount: 1 });
    expect(c.values).toBeUndefined();
    expect(cells(c)).toEqual([...texts, null]);
    for (const text of [
      '',
      '12:34',
      '12:60:00',
      '12:00:60',
      '1234567890:00:00',
      'a:00:00',
      '12:34:56.',
      '12:34:56.1234567',
      '12-34-56',
      '--1:00:00',
    ]) {
      expect(failure(TIME, text)).toBe('BAD_TIME');
    }
  });

  test('errors name the row and column; firstRow shifts the row', () => {
    const { data, bounds } = rows([
      ['1', '2024-01-01'],
      ['2', '2024-01-32'],
    ]);
    try {
      decodeRows([spec(3), spec(DATE)], data, bounds, { accel, firstRow: 1000 });
      throw new Error('no error');
    } catch (error) {
      expect(error).toBeInstanceOf(RowDecodeError);
      expect(error).toMatchObject({ code: 'BAD_DATE', row: 1001, column: 1 });
      expect((error as Error).message).toBe(
        'cannot decode row 1001, column 1 (DATE): not a valid date',
      );
    }
  });
});
