import { describe, expect, it } from 'vitest';
import { ratioAgainst, summarize } from './stats.js';

describe('summarize', () => {
  it('takes the middle sample of an odd count, whatever the order', () => {
    expect(summarize([5, 1, 9, 3, 7])).toEqual({ median: 5, min: 1, max: 9, runs: 5 });
  });

  it('averages the two middle samples of an even count', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4, runs: 4 });
  });

  it('refuses an empty sample set', () => {
    expect(() => summarize([])).toThrow(/zero samples/);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    summarize(samples);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('ratioAgainst', () => {
  it('says how many times faster a shorter time is', () => {
    expect(ratioAgainst(50, 100, 'lower-is-better')).toBe(2);
  });

  it('says how many times more a larger throughput is', () => {
    expect(ratioAgainst(300, 100, 'higher-is-better')).toBe(3);
  });

  it('gives NaN rather than infinity when a value is missing', () => {
    expect(ratioAgainst(0, 100, 'lower-is-better')).toBeNaN();
  });
});
