import { describe, expect, it } from 'vitest';
import { ManagementError } from '../management-error.js';
import { baseName, encodePath, normalisePath, parentDirectory } from './remote-paths.js';

describe('remote paths', () => {
  it('normalises leading and trailing slashes', () => {
    expect(normalisePath('/a/b/')).toBe('a/b');
    expect(normalisePath('./a//b', true)).toBe('a/b/');
    expect(normalisePath('/', true)).toBe('');
  });

  it('encodes each segment but keeps separators', () => {
    expect(encodePath('dir with space/ü?#.txt')).toBe('dir%20with%20space/%C3%BC%3F%23.txt');
  });

  it('refuses dot segments', () => {
    expect(() => encodePath('a/../../workspaces')).toThrow(ManagementError);
    expect(() => normalisePath('./.')).toThrow(/"\." or "\.\."/);
  });

  it('gives base names and parents', () => {
    expect(baseName('a/b/c.txt')).toBe('c.txt');
    expect(parentDirectory('a/b/c.txt')).toBe('a/b/');
    expect(parentDirectory('c.txt')).toBe('/');
  });
});
