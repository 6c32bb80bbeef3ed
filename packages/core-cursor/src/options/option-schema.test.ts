import { describe, expect, it } from 'vitest';
import {
  booleanSchema,
  choiceSchema,
  integerSchema,
  optional,
  socketOptionsSchema,
  stringRecordSchema,
  stringSchema,
} from './option-schema.js';

const accepted = (result: { success: boolean; data?: unknown }) =>
  result.success ? { data: result.data } : 'refused';

describe('option schemas', () => {
  it('reads booleans from booleans, 1/0 and words, and refuses anything else', () => {
    expect(accepted(booleanSchema.safeParse(' Yes '))).toEqual({ data: true });
    expect(accepted(booleanSchema.safeParse(0))).toEqual({ data: false });
    for (const value of ['maybe', 2, null, undefined, {}]) {
      expect(accepted(booleanSchema.safeParse(value)), String(value)).toBe('refused');
    }
    expect(accepted(optional(booleanSchema).safeParse(undefined))).toEqual({ data: undefined });
  });

  it('reads safe integers within bounds from numbers, text and bigints', () => {
    const port = integerSchema({ min: 1, max: 65_535 });
    expect(accepted(port.safeParse(' 3306 '))).toEqual({ data: 3306 });
    expect(accepted(port.safeParse(10n))).toEqual({ data: 10 });
    for (const value of [0, 65_536, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '12a', '', null]) {
      expect(accepted(port.safeParse(value)), String(value)).toBe('refused');
    }
    expect(accepted(integerSchema({}).safeParse(2 ** 53))).toBe('refused');
  });

  it('takes strings as they are', () => {
    expect(accepted(stringSchema.safeParse(''))).toEqual({ data: '' });
    expect(accepted(stringSchema.safeParse(1))).toBe('refused');
  });

  it('matches choices case-insensitively, through aliases, and nothing inherited', () => {
    const mode = choiceSchema(['wasm', 'ts'], { typescript: 'ts' });
    expect(accepted(mode.safeParse(' WASM '))).toEqual({ data: 'wasm' });
    expect(accepted(mode.safeParse('TypeScript'))).toEqual({ data: 'ts' });
    for (const value of ['constructor', 'toString', 'rust', 1]) {
      expect(accepted(mode.safeParse(value)), String(value)).toBe('refused');
    }
  });

  it('reads string records from objects and JSON text, as copies', () => {
    const given = { a: 'x' };
    const result = stringRecordSchema.safeParse(given);
    expect(accepted(result)).toEqual({ data: { a: 'x' } });
    expect(result.success && result.data).not.toBe(given);
    expect(accepted(stringRecordSchema.safeParse('{"b":"y"}'))).toEqual({ data: { b: 'y' } });
    expect(accepted(stringRecordSchema.safeParse(undefined))).toEqual({ data: undefined });
    for (const value of [{ a: 1 }, ['x'], 'not json', new Map(), null]) {
      expect(accepted(stringRecordSchema.safeParse(value)), String(value)).toBe('refused');
    }
  });

  it('reads socket options with numeric keys and integer values only', () => {
    expect(accepted(socketOptionsSchema.safeParse('{"6":{"1":1}}'))).toEqual({
      data: { 6: { 1: 1 } },
    });
    for (const value of [{ tcp: { 1: 1 } }, { 6: { nodelay: 1 } }, { 6: { 1: 'on' } }, { 6: 1 }]) {
      expect(accepted(socketOptionsSchema.safeParse(value)), JSON.stringify(value)).toBe('refused');
    }
  });
});
