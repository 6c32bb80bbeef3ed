import { describe, expect, it } from 'vitest';
import { NotSupportedError } from '../errors/index.js';
import {
  extendedTypeCode,
  isBinaryVectorTypeCode,
  TypeCode,
  typeCodeName,
  vectorElementOf,
} from './type-codes.js';

describe('type codes', () => {
  it('uses the MySQL numbers the spec lists for SingleStore columns', () => {
    expect([TypeCode.VAR_STRING, TypeCode.STRING, TypeCode.BLOB, TypeCode.TINY_BLOB]).toEqual([
      253, 254, 252, 249,
    ]);
    expect([TypeCode.JSON, TypeCode.BIT, TypeCode.TIMESTAMP, TypeCode.NEWDECIMAL]).toEqual([
      245, 16, 7, 246,
    ]);
    expect(typeCodeName(253)).toBe('VAR_STRING');
    expect(typeCodeName(3001)).toBe('FLOAT32_VECTOR');
    expect(typeCodeName(9999)).toBeUndefined();
  });

  it.each([
    [252, 0, undefined, 33, 252],
    [252, 1, undefined, 63, 1001],
    [252, 2, 1, 63, 3001],
    [252, 2, 6, 63, 3006],
    [252, 2, 7, 63, 3007],
    [253, 2, 1, 45, 2001],
    [253, 2, 2, 33, 2002],
  ])('extended(%i, ext %i, elem %j, charset %i) = %i', (mysql, ext, element, charset, code) => {
    expect(extendedTypeCode(mysql, ext, element, charset)).toBe(code);
  });

  it('rejects unknown extended types and vector elements', () => {
    expect(() => extendedTypeCode(252, 3, undefined, 63)).toThrow(NotSupportedError);
    expect(() => extendedTypeCode(252, 2, 8, 63)).toThrow(/VECTOR element type 8/);
    expect(() => extendedTypeCode(252, 2, undefined, 63)).toThrow(NotSupportedError);
  });

  it('knows each vector element size', () => {
    expect(vectorElementOf(3001)).toMatchObject({ name: 'F32', bytesPerElement: 4 });
    expect(vectorElementOf(2006)).toMatchObject({ name: 'I64', bytesPerElement: 8 });
    expect(vectorElementOf(3007)).toMatchObject({ name: 'F16', bytesPerElement: 2 });
    expect(vectorElementOf(3008)).toBeUndefined();
    expect(vectorElementOf(253)).toBeUndefined();
    expect(isBinaryVectorTypeCode(3003)).toBe(true);
    expect(isBinaryVectorTypeCode(2003)).toBe(false);
  });
});
