import { describe, expect, it } from 'vitest';
import { parseDataApiType } from './data-api-type-codes.js';
import { ColumnFlag, describeDataApiColumn, describeWireColumn } from './description.js';
import { TypeCode } from './type-codes.js';

const wire = {
  name: 'c',
  typeCode: TypeCode.VAR_STRING,
  columnLength: 40,
  flags: 0,
  decimals: 0,
  charset: 45,
};

describe('describeWireColumn', () => {
  it('fills the nine fields', () => {
    expect(
      describeWireColumn({ ...wire, flags: ColumnFlag.NOT_NULL | ColumnFlag.PRI_KEY }),
    ).toEqual({
      name: 'c',
      typeCode: 253,
      displaySize: null,
      internalSize: 10,
      precision: 10,
      scale: 0,
      nullOk: false,
      flags: 3,
      charset: 45,
    });
  });

  it.each([
    [45, 40, 10],
    [255, 40, 10],
    [33, 30, 10],
    [8, 10, 10],
    [63, 10, 10],
  ])('text in collation %i with length %i has %i characters', (charset, columnLength, size) => {
    expect(describeWireColumn({ ...wire, charset, columnLength }).internalSize).toBe(size);
  });

  it('leaves numbers in their column length', () => {
    expect(
      describeWireColumn({ ...wire, typeCode: TypeCode.LONG, columnLength: 11, charset: 63 })
        .internalSize,
    ).toBe(11);
  });

  it('computes DECIMAL precision from the length', () => {
    const decimal = { ...wire, typeCode: TypeCode.NEWDECIMAL, charset: 63 };
    expect(describeWireColumn({ ...decimal, columnLength: 12, decimals: 2 }).precision).toBe(10);
    expect(describeWireColumn({ ...decimal, columnLength: 11, decimals: 0 }).precision).toBe(10);
    expect(
      describeWireColumn({ ...decimal, columnLength: 11, decimals: 2, flags: ColumnFlag.UNSIGNED })
        .precision,
    ).toBe(10);
  });

  it('reports the vector dimension as internalSize', () => {
    const vector = describeWireColumn({ ...wire, typeCode: 3001, columnLength: 768, charset: 63 });
    expect(vector.internalSize).toBe(768);
    expect(vector.precision).toBeNull();
  });

  it('is frozen', () => {
    expect(Object.isFrozen(describeWireColumn(wire))).toBe(true);
  });
});

describe('Data API types', () => {
  it.each([
    ['DECIMAL(10,2)', TypeCode.NEWDECIMAL, 10, 2],
    ['VARCHAR', TypeCode.VAR_STRING, null, null],
    ['varbinary(20)', TypeCode.VAR_STRING, 20, null],
    ['UNSIGNED BIGINT', TypeCode.LONGLONG, null, null],
    ['BIGINT UNSIGNED', TypeCode.LONGLONG, null, null],
    ['INTEGER', TypeCode.LONG, null, null],
    ['TEXT', TypeCode.BLOB, null, null],
    ['CHAR', TypeCode.STRING, null, null],
    ['GEOGRAPHYPOINT', TypeCode.VAR_STRING, null, null],
    ['BSON', TypeCode.BSON, null, null],
    ['SOMETHING NEW', TypeCode.VAR_STRING, null, null],
    ['DECIMAL(x)', TypeCode.NEWDECIMAL, null, null],
    ['DATETIME(6)', TypeCode.DATETIME, null, 6],
    ['TIME(3)', TypeCode.TIME, null, 3],
    ['TIMESTAMP', TypeCode.TIMESTAMP, null, null],
  ])('%s → %i (%j, %j)', (dataType, typeCode, precision, scale) => {
    expect(parseDataApiType(dataType)).toMatchObject({ typeCode, precision, scale });
  });

  it('maps VECTOR(n, T) to the JSON vector codes with the dimension', () => {
    expect(parseDataApiType('VECTOR(3, I16)')).toMatchObject({ typeCode: 2004, dimension: 3 });
    expect(parseDataApiType('VECTOR(4)')).toMatchObject({ typeCode: 2001, dimension: 4 });
  });

  it('builds descriptions with unsigned flags and binary charset', () => {
    expect(describeDataApiColumn({ name: 'u', dataType: 'UNSIGNED INT', nullable: true })).toEqual({
      name: 'u',
      typeCode: 3,
      displaySize: null,
      internalSize: null,
      precision: null,
      scale: null,
      nullOk: true,
      flags: 32,
      charset: 0,
    });
    expect(describeDataApiColumn({ name: 'b', dataType: 'LONGBLOB' })).toMatchObject({
      charset: 63,
      nullOk: false,
      typeCode: 251,
    });
  });
});
