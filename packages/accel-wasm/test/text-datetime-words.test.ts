import { expect, test } from 'vitest';
import { decodeRows } from '../src/index.js';
import { cells, rows, spec } from './support.js';

/**
 * The wasm decoder reads `YYYY-MM-DD HH:MM:SS` as words against a template. Every byte of
 * valid, impossible and zero date-times is replaced by characters around the digits and the
 * separators, and both implementations must give the same value or null (impossible dates as
 * null, so one batch holds them all); the valid ones must be the time `Date.parse` gives, plus
 * the fraction's microseconds.
 */
const DATETIME = 12;

const BASES = [
  '2024-02-29 23:59:59',
  '2023-02-29 12:00:00',
  '1970-01-01 00:00:00',
  '1969-12-31T23:59:59',
  '0000-00-00 00:00:00',
  '0001-01-01 00:00:00',
  '9999-12-31 23:59:59',
  '2007-02-31 10:20:30',
  '2021-04-31 01:02:03',
  '1900-02-29 00:00:00',
  '2000-02-29 24:00:00',
  '2000-13-01 00:60:00',
  '2000-12-00 00:00:60',
  '2020-06-15 08:30:45.5',
  '2020-06-15 08:30:45.09',
  '2020-06-15 08:30:45.987',
  '2020-06-15 08:30:45.0012',
  '2020-06-15 08:30:45.98765',
  '2020-06-15 08:30:45.123456',
];

const REPLACEMENTS = ['/', '0', '9', ':', ';', '-', '.', ' ', 'T', 'x', '\u00e9'];

function variants(): string[] {
  const texts = [...BASES];
  for (const base of BASES) {
    for (let at = 0; at < base.length; at += 1) {
      for (const replacement of REPLACEMENTS) {
        texts.push(`${base.slice(0, at)}${replacement}${base.slice(at + 1)}`);
      }
    }
    texts.push(base.slice(0, 18), `${base} `, `${base}0`);
  }
  return texts;
}

test('date-times read as words agree with the TypeScript scan, byte by byte', () => {
  const texts = variants();
  // A text cell after each, so that what follows a date-time is never part of it.
  const { data, bounds } = rows(texts.map((text) => [text, text]));
  const decode = (accel: 'ts' | 'require-wasm') =>
    decodeRows([spec(DATETIME, { decimals: 6 }), spec(253)], data, bounds, {
      accel,
      invalidDates: 'null',
    }).columns[0]!;
  const ts = cells(decode('ts'));
  const wasm = cells(decode('require-wasm'));
  expect(wasm.filter((value) => value !== null).length).toBeGreaterThan(200);
  const differ = texts.filter((_text, i) => ts[i] !== wasm[i]);
  expect(differ).toEqual([]);
  const valid = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?$/;
  for (const [i, text] of texts.entries()) {
    const match = valid.exec(text);
    if (!match || text.startsWith('0000')) continue;
    const parsed = Date.parse(`${match[1]}T${match[2]}Z`);
    if (Number.isNaN(parsed)) continue;
    const sameDay = new Date(parsed).toISOString().slice(0, 10) === match[1];
    const micros = BigInt((match[3] ?? '').padEnd(6, '0'));
    expect(wasm[i], text).toBe(sameDay ? BigInt(parsed) * 1000n + micros : null);
  }
});
