import { describe, expect, it } from 'vitest';
import { NamedList } from './named-list.js';

describe('NamedList', () => {
  const list = NamedList.fromItems([
    { name: 'alpha', id: '1' },
    { name: '2', id: '3' },
    { name: 'gamma', id: '2' },
  ]);

  it('looks up by name first, then by id', () => {
    expect(list.get('alpha')?.id).toBe('1');
    expect(list.get('2')?.id).toBe('3');
    expect(list.get('1')?.name).toBe('alpha');
    expect(list.get('nope')).toBeUndefined();
    expect(() => list.getOrThrow('nope')).toThrow(RangeError);
  });

  it('is an array whose derived arrays are plain arrays', () => {
    expect(Array.isArray(list)).toBe(true);
    expect(list.length).toBe(3);
    expect(list[2]?.name).toBe('gamma');
    const filtered = list.filter((item) => item.id !== '1');
    expect(filtered).not.toBeInstanceOf(NamedList);
    expect(list.names()).toEqual(['alpha', '2', 'gamma']);
    expect(list.ids()).toEqual(['1', '3', '2']);
  });
});
