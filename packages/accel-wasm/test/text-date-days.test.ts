import { describe, expect, test } from 'vitest';
import { decodeRows } from '../src/index.js';
import { cells, IMPLEMENTATIONS, rows, spec } from './support.js';

/**
 * Day counts against `Date` over the whole range: the days around every year's start, end and
 * February of the years 0 to 9999 (so every year a day count is computed from), and every day
 * of the years where the calendar's rules meet. The wasm decoder computes them with the
 * divisions by constants written as multiplications, valid for exactly this range.
 */
const DATE = 10;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function dayCount(year: number, month: number, day: number): number | null {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1) return null;
  return date.getTime() / 86_400_000;
}

function dates(): [string, number | null][] {
  const out: [string, number | null][] = [];
  const add = (year: number, month: number, day: number) =>
    out.push([`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`, dayCount(year, month, day)]);
  for (let year = 0; year <= 9999; year += 1) {
    for (const [month, day] of [
      [1, 1],
      [2, 28],
      [2, 29],
      [3, 1],
      [12, 31],
    ] as const) {
      add(year, month, day);
    }
  }
  for (const year of [0, 1, 3, 4, 100, 399, 400, 1900, 1969, 1970, 2000, 2024, 2100, 9999]) {
    for (let month = 1; month <= 12; month += 1) {
      for (let day = 1; day <= 31; day += 1) add(year, month, day);
    }
  }
  return out;
}

describe.each(IMPLEMENTATIONS)('day counts ($name)', ({ accel }) => {
  test('every year from 0 to 9999, impossible days as null', () => {
    const table = dates();
    const { data, bounds } = rows(table.map(([text]) => [text]));
    const column = decodeRows([spec(DATE)], data, bounds, { accel, invalidDates: 'null' })
      .columns[0]!;
    const got = cells(column);
    const wrong = table.filter(([, days], i) => got[i] !== days).map(([text]) => text);
    expect(wrong).toEqual([]);
    expect(got.filter((days) => days === null).length).toBeGreaterThan(7000);
  });
});
