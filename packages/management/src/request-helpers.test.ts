import { describe, expect, it } from 'vitest';
import { compact, sameState, specState } from './request-helpers.js';

describe('states', () => {
  it('compares case-insensitively and maps the Python-era names', () => {
    expect(sameState('Active', 'ACTIVE')).toBe(true);
    expect(sameState('Resumed', 'ACTIVE')).toBe(true);
    expect(sameState('PendingCreation', 'PENDING')).toBe(true);
    expect(sameState('Suspended', 'ACTIVE')).toBe(false);
    expect(specState(' terminated ')).toBe('TERMINATED');
    expect(specState('Weird')).toBe('WEIRD');
  });
});

describe('compact', () => {
  it('drops undefined but keeps null, false and zero', () => {
    expect(compact({ a: undefined, b: null, c: false, d: 0 })).toEqual({ b: null, c: false, d: 0 });
  });
});
