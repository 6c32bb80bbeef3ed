import { TypeCode as sharedTypeCode } from '@s2/core-cursor';
import { describe, expect, it } from 'vitest';
import { TypeCode } from '../src/column-spec.js';

describe('the type codes the decoder distinguishes', () => {
  it('equal @s2/core-cursor’s table, which this package cannot depend on at run time', () => {
    for (const [name, code] of Object.entries(TypeCode)) {
      expect(sharedTypeCode[name as keyof typeof sharedTypeCode], name).toBe(code);
    }
  });
});
