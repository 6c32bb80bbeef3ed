import fc from 'fast-check';
import type { ColumnVector } from '../src/index.js';
import { mutate, mutation, timeText } from './arbitraries-text.js';

/** Generators of ROWDAT_1 bodies (valid, then maybe damaged) and of encoder inputs. */

/** ROWDAT_1 wire codes the codec accepts. */
export const ROWDAT_TYPES = [
  1, -1, 2, -2, 3, -3, 9, -9, 8, -8, 4, 5, 0, 246, 7, 12, 10, 11, 13, 6, 15, 245, 250, 252, 253,
  254, 255, -15, -252, -254,
];

const WIDTHS: Record<number, number> = {
  1: 1,
  2: 2,
  3: 4,
  9: 4,
  8: 8,
  4: 4,
  5: 8,
  7: 8,
  12: 8,
  10: 8,
  11: 8,
  13: 2,
  6: 1,
};

/** Interesting payloads for a fixed-width wire type (as little-endian bytes). */
function fixedValue(code: number): fc.Arbitrary<number[]> {
  const width = WIDTHS[Math.abs(code)]!;
  const le = (v: bigint) =>
    Array.from({ length: width }, (_, i) =>
      Number((BigInt.asUintN(64, v) >> BigInt(8 * i)) & 0xffn),
    );
  const special: fc.Arbitrary<bigint>[] = [];
  if (code === 10)
    special.push(
      fc
        .tuple(
          fc.integer({ min: 0, max: 10000 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
        )
        .map(([y, m, d]) => BigInt(y * 10000 + m * 100 + d)),
    );
  if (code === 7 || code === 12) {
    special.push(
      fc
        .tuple(
          fc.integer({ min: 0, max: 10001 }),
          fc.integer({ min: 0, max: 15 }),
          fc.integer({ min: 0, max: 31 }),
          fc.integer({ min: 0, max: 31 }),
          fc.integer({ min: 0, max: 63 }),
          fc.integer({ min: 0, max: 63 }),
          fc.integer({ min: 0, max: 2 ** 20 - 1 }),
        )
        .map(
          ([y, mo, d, h, mi, s, us]) =>
            (BigInt(y) << 46n) |
            (BigInt(mo) << 42n) |
            (BigInt(d) << 37n) |
            (BigInt(h) << 32n) |
            (BigInt(mi) << 26n) |
            (BigInt(s) << 20n) |
            BigInt(us),
        ),
    );
  }
  if (code === 11) {
    special.push(
      fc
        .tuple(
          fc.boolean(),
          fc.integer({ min: 0, max: 1000 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 99 }),
          fc.integer({ min: 0, max: 999999 }),
        )
        .map(([neg, h, m, s, us]) => {
          const v = BigInt((h * 10000 + m * 100 + s) * 1_000_000 + us);
          return neg ? -v : v;
        }),
    );
  }
  return fc.oneof(
    fc.bigInt({ min: -(2n ** 63n), max: 2n ** 64n - 1n }).map(le),
    fc.uint8Array({ minLength: width, maxLength: width }).map((b) => Array.from(b)),
    ...special.map((a) => a.map(le)),
  );
}

function rowdatCell(code: number): fc.Arbitrary<number[]> {
  const fixed = WIDTHS[Math.abs(code)] !== undefined;
  const value = fixed
    ? fixedValue(code)
    : fc
        .oneof(
          fc.string({ maxLength: 20 }).map((s) => Array.from(new TextEncoder().encode(s))),
          fc.uint8Array({ maxLength: 20 }).map((b) => Array.from(b)),
        )
        .map((b) => [...Array.from({ length: 8 }, (_, i) => (i === 0 ? b.length : 0)), ...b]);
  return fc.tuple(fc.constantFrom(0, 0, 0, 1, 2), value).map(([flag, v]) => [flag, ...v]);
}

/** A ROWDAT_1 body (valid, then maybe damaged) with its column types. */
export const rowdatCase = fc
  .array(fc.constantFrom(...ROWDAT_TYPES), { maxLength: 5 })
  .chain((types) =>
    fc.record({
      types: fc.constant(types),
      body: fc
        .tuple(
          fc.array(
            fc.tuple(
              fc.uint8Array({ minLength: 8, maxLength: 8 }),
              fc.tuple(...types.map(rowdatCell)),
            ),
            { maxLength: 5 },
          ),
          fc.array(mutation, { maxLength: 3 }),
          fc.boolean(),
        )
        .map(([rows, mutations, damage]) => {
          const body = Uint8Array.from(rows.flatMap(([id, cells]) => [...id, ...cells.flat()]));
          return damage ? mutate(body, mutations) : body;
        }),
    }),
  );

function validity(length: number) {
  return fc.uint8Array({ minLength: (length + 7) >> 3, maxLength: (length + 7) >> 3 });
}

/** Columns for the encoder: typed arrays of a kind the wire type accepts, values in or out of range. */
function encodeColumn(code: number, length: number): fc.Arbitrary<ColumnVector> {
  const common = { typeCode: Math.abs(code), decimals: 0, length, nullCount: 0 };
  const magnitude = Math.abs(code);
  if ([1, 2, 3, 9, 8, 13].includes(magnitude)) {
    const arrays = [
      ['int8', Int8Array, fc.integer({ min: -128, max: 127 })],
      ['uint8', Uint8Array, fc.integer({ min: 0, max: 255 })],
      ['int16', Int16Array, fc.integer({ min: -32768, max: 32767 })],
      ['uint16', Uint16Array, fc.integer({ min: 0, max: 65535 })],
      ['int32', Int32Array, fc.integer()],
      ['uint32', Uint32Array, fc.integer({ min: 0, max: 2 ** 32 - 1 })],
      ['int64', BigInt64Array, fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })],
      ['uint64', BigUint64Array, fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })],
    ] as const;
    return fc.constantFrom(...arrays).chain(([kind, type, value]) =>
      fc
        .tuple(
          fc.array(value as fc.Arbitrary<number | bigint>, {
            minLength: length,
            maxLength: length,
          }),
          validity(length),
        )
        .map(([values, valid]) => ({
          ...common,
          kind,
          validity: valid,
          values: (type as unknown as { from(v: unknown[]): ColumnVector['values'] }).from(values),
        })),
    );
  }
  if (magnitude === 4 || magnitude === 5) {
    return fc
      .tuple(
        fc.boolean(),
        fc.array(fc.double(), { minLength: length, maxLength: length }),
        validity(length),
      )
      .map(([f32, values, valid]) => ({
        ...common,
        kind: 'float64' as const,
        validity: valid,
        values: f32 ? Float32Array.from(values) : Float64Array.from(values),
      }));
  }
  if (magnitude === 10) {
    return fc
      .tuple(
        fc.array(fc.integer({ min: -800000, max: 3000000 }), {
          minLength: length,
          maxLength: length,
        }),
        validity(length),
      )
      .map(([values, valid]) => ({
        ...common,
        kind: 'date' as const,
        validity: valid,
        values: Int32Array.from(values),
      }));
  }
  if (magnitude === 7 || magnitude === 12) {
    return fc
      .tuple(
        fc.array(
          fc.oneof(
            fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
            fc.bigInt({ min: -62167219200000000n, max: 253402300799999999n + 2n }),
          ),
          { minLength: length, maxLength: length },
        ),
        validity(length),
      )
      .map(([values, valid]) => ({
        ...common,
        kind: 'timestamp' as const,
        validity: valid,
        values: BigInt64Array.from(values),
      }));
  }
  if (magnitude === 6)
    return validity(length).map((valid) => ({ ...common, kind: 'null' as const, validity: valid }));
  const strings =
    magnitude === 11
      ? fc.oneof(timeText, fc.string({ maxLength: 12 }))
      : fc.string({ maxLength: 12 });
  return fc
    .tuple(fc.array(strings, { minLength: length, maxLength: length }), validity(length))
    .map(([values, valid]) => {
      const encoded = values.map((v) => new TextEncoder().encode(v));
      const offsets = new Int32Array(length + 1);
      encoded.forEach((b, i) => {
        offsets[i + 1] = offsets[i]! + b.length;
      });
      const data = new Uint8Array(offsets[length]!);
      encoded.forEach((b, i) => {
        data.set(b, offsets[i]!);
      });
      return {
        ...common,
        kind:
          code < 0 ? ('binary' as const) : magnitude === 11 ? ('time' as const) : ('utf8' as const),
        validity: valid,
        offsets,
        data,
      };
    });
}

/** Row ids + columns for the encoder. */
export const encodeCase = fc
  .tuple(fc.array(fc.constantFrom(...ROWDAT_TYPES), { maxLength: 5 }), fc.nat({ max: 6 }))
  .chain(([types, length]) =>
    fc.record({
      types: fc.constant(types),
      rowIds: fc
        .array(fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }), {
          minLength: length,
          maxLength: length,
        })
        .map((ids) => BigInt64Array.from(ids)),
      columns: fc.tuple(...types.map((code) => encodeColumn(code, length))),
      nullFloat: fc.constantFrom('zero' as const, 'nan' as const),
      length: fc.constant(length),
    }),
  );
