import { describe, expect, it } from 'vitest';
import {
  dateFromDays,
  dateFromMicros,
  daysFromText,
  formatDays,
  formatMicros,
  microsFromText,
} from './dates.js';

describe('date text', () => {
  it('reads DATE text as days and back', () => {
    const days = daysFromText('2024-02-29');
    expect(days).toBe(Date.UTC(2024, 1, 29) / 86_400_000);
    expect(formatDays(days as number)).toBe('2024-02-29');
    expect(formatDays(daysFromText('0001-01-01') as number)).toBe('0001-01-01');
    expect(dateFromDays(days as number).toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it.each(['0000-00-00', '2007-02-31', '2023-13-01', 'nonsense'])('gives null for %s', (text) => {
    expect(daysFromText(text)).toBeNull();
    expect(microsFromText(`${text} 00:00:00`)).toBeNull();
  });

  it('reads DATETIME text with microseconds, T, and date-only forms', () => {
    const micros = microsFromText('2024-01-02 03:04:05.123456') as bigint;
    expect(micros).toBe(BigInt(Date.UTC(2024, 0, 2, 3, 4, 5)) * 1000n + 123456n);
    expect(microsFromText('2024-01-02T03:04:05.5')).toBe(micros - 123456n + 500000n);
    expect(microsFromText('2024-01-02')).toBe(BigInt(Date.UTC(2024, 0, 2)) * 1000n);
    expect(microsFromText('0000-00-00 00:00:00.000000')).toBeNull();
  });

  it('formats with the column decimals and keeps microseconds', () => {
    const micros = microsFromText('2024-01-02 03:04:05.123456') as bigint;
    expect(formatMicros(micros, 0)).toBe('2024-01-02 03:04:05');
    expect(formatMicros(micros, 3)).toBe('2024-01-02 03:04:05.123');
    expect(formatMicros(micros, 6)).toBe('2024-01-02 03:04:05.123456');
    expect(formatMicros(micros, 31)).toBe('2024-01-02 03:04:05.123456');
    expect(formatMicros(micros - 123456n, 31)).toBe('2024-01-02 03:04:05');
    expect(dateFromMicros(micros).toISOString()).toBe('2024-01-02T03:04:05.123Z');
  });

  it('handles instants before 1970', () => {
    const micros = microsFromText('1969-12-31 23:59:59.999999') as bigint;
    expect(micros).toBe(-1n);
    expect(formatMicros(micros, 6)).toBe('1969-12-31 23:59:59.999999');
    expect(dateFromMicros(micros).toISOString()).toBe('1969-12-31T23:59:59.999Z');
  });
});
