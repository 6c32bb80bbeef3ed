import fc from 'fast-check';
import type { ColumnSpec, ColumnVector } from '../src/index.js';
import { type Cell, rowPayload } from './support.js';

/** Generators of column specs, plausible-or-broken cell text, and byte mutations. */

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 0, maxLength: 22 });

const integerText = fc.oneof(
  fc.bigInt({ min: -(2n ** 66n), max: 2n ** 66n }).map(String),
  fc.integer({ min: -70000, max: 70000 }).map(String),
  fc.tuple(fc.constantFrom('', '-', '+'), digits).map(([s, d]) => s + d),
  fc.constantFrom(
    '',
    '-',
    '+',
    '-0',
    '00',
    '1.0',
    ' 1',
    '1e3',
    '9223372036854775808',
    '-9223372036854775809',
    '18446744073709551616',
    '4294967296',
  ),
);

const floatText = fc.oneof(
  fc.double().map(String),
  fc.double().map((x) => x.toExponential()),
  fc.float().map(String),
  fc
    .tuple(
      fc.constantFrom('', '-', '+'),
      digits,
      fc.option(digits),
      fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), digits)),
    )
    .map(([s, i, f, e]) => `${s}${i}${f === null ? '' : `.${f}`}${e === null ? '' : e.join('')}`),
  fc.constantFrom(
    'inf',
    '-INF',
    'Infinity',
    'nan',
    'NaN',
    '-nan',
    '.',
    'e',
    '1e',
    '1e+',
    '.e1',
    '0x10',
    '1_0',
  ),
);

const dateText = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 10000 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
    )
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.constantFrom(
    '0000-00-00',
    '2024-02-29',
    '2023-02-29',
    '2000-02-29',
    '1900-02-29',
    '9999-12-31',
  ),
);

const timeOfDay = fc
  .tuple(
    fc.constantFrom(' ', 'T', 'x'),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.integer({ min: 0, max: 61 }),
    fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 8 })),
  )
  .map(
    ([sep, h, m, s, f]) =>
      `${sep}${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${f === null ? '' : `.${f}`}`,
  );

const dateTimeText = fc.oneof(
  fc.tuple(dateText, fc.option(timeOfDay)).map(([d, t]) => d + (t ?? '')),
  fc.constantFrom(
    '0000-00-00 00:00:00',
    '0000-00-00 00:00:00.000000',
    '0000-00-00 00:00:01',
    '2024-01-02 03:04:05.678901',
  ),
);

const timeText = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 2 ** 31 })),
    fc.integer({ min: 0, max: 99 }),
    fc.integer({ min: 0, max: 99 }),
    fc.option(fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: 8 })),
  )
  .map(
    ([neg, h, m, s, f]) =>
      `${neg ? '-' : ''}${h}:${pad(m, 2)}:${pad(s, 2)}${f === null ? '' : `.${f}`}`,
  );

const space = fc.constantFrom('', '', ' ', '\n', '\t ');

function vectorJson(dims: number, element: number) {
  const number = element === 1 || element === 2 || element === 7 ? floatText : integerText;
  return fc
    .tuple(
      fc.array(fc.tuple(space, number, space), {
        minLength: Math.max(0, dims - 1),
        maxLength: dims + 1,
      }),
      space,
      space,
    )
    .map(([items, a, b]) => `${a}[${items.map((i) => i.join('')).join(',')}]${b}`);
}

const ELEMENT_BYTES = [0, 4, 8, 1, 2, 4, 8, 2];

function vectorBinary(dims: number, element: number) {
  const size = dims * ELEMENT_BYTES[element]!;
  return fc.oneof(
    { weight: 5, arbitrary: fc.uint8Array({ minLength: size, maxLength: size }) },
    {
      weight: 1,
      arbitrary: fc.uint8Array({ minLength: Math.max(0, size - 2), maxLength: size + 2 }),
    },
  );
}

export interface ColumnCase {
  readonly spec: ColumnSpec;
  readonly cell: fc.Arbitrary<Cell>;
}

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 10 }));
const bytes = fc.uint8Array({ maxLength: 40 });

function column(spec: ColumnSpec, cell: fc.Arbitrary<Cell>): ColumnCase {
  return {
    spec,
    cell: fc.oneof(
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 6, arbitrary: cell },
      { weight: 1, arbitrary: text },
    ),
  };
}

const base = { flags: 0, charset: 45, decimals: 0 };

export const columnCase: fc.Arbitrary<ColumnCase> = fc.oneof(
  fc
    .constantFrom(1, 2, 3, 8, 9, 13)
    .chain((typeCode) =>
      fc
        .boolean()
        .map((unsigned) => column({ ...base, typeCode, flags: unsigned ? 32 : 0 }, integerText)),
    ),
  fc.constantFrom(4, 5).map((typeCode) => column({ ...base, typeCode, decimals: 31 }, floatText)),
  fc.constantFrom(0, 246).map((typeCode) => column({ ...base, typeCode, decimals: 4 }, floatText)),
  fc.constantFrom(10, 14).map((typeCode) => column({ ...base, typeCode }, dateText)),
  fc
    .constantFrom(7, 12)
    .map((typeCode) => column({ ...base, typeCode, decimals: 6 }, dateTimeText)),
  fc.constant(column({ ...base, typeCode: 11 }, timeText)),
  fc
    .constantFrom(15, 245, 247, 248, 252, 253, 254, 255)
    .chain((typeCode) =>
      fc
        .boolean()
        .map((binary) =>
          column({ ...base, typeCode, charset: binary ? 63 : 45 }, binary ? bytes : text),
        ),
    ),
  fc.constant(column({ ...base, typeCode: 16, charset: 63 }, bytes)),
  fc.constant(column({ ...base, typeCode: 252, charset: 63, extendedType: 1 }, bytes)),
  fc.constant(column({ ...base, typeCode: 6 }, fc.constant(null))),
  fc
    .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 7 }), fc.boolean())
    .map(([dims, element, binary]) =>
      column(
        {
          ...base,
          typeCode: 252,
          charset: binary ? 63 : 45,
          extendedType: 2,
          vectorDims: dims,
          vectorElement: element,
        },
        binary ? vectorBinary(dims, element) : vectorJson(dims, element),
      ),
    ),
);

/** Byte-level damage: flip, insert, delete, truncate. */
export const mutation = fc.oneof(
  fc.tuple(fc.constant('flip' as const), fc.nat(), fc.integer({ min: 0, max: 255 })),
  fc.tuple(fc.constant('insert' as const), fc.nat(), fc.integer({ min: 0, max: 255 })),
  fc.tuple(fc.constant('delete' as const), fc.nat(), fc.constant(0)),
  fc.tuple(fc.constant('truncate' as const), fc.nat(), fc.constant(0)),
);

export type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

export function mutate(input: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  const out = Array.from(input);
  for (const [kind, at, value] of mutations) {
    const i = out.length === 0 ? 0 : at % (out.length + (kind === 'insert' ? 1 : 0));
    if (kind === 'flip' && out.length) out[i] = value;
    else if (kind === 'insert') out.splice(i, 0, value);
    else if (kind === 'delete') out.splice(i, 1);
    else if (kind === 'truncate') out.length = i;
  }
  return Uint8Array.from(out);
}

/** A whole text-protocol case: columns, options, and row payloads (some mutated or random). */
export const textCase = fc.array(columnCase, { minLength: 0, maxLength: 6 }).chain((columns) =>
  fc.record({
    specs: fc.constant(columns.map((c) => c.spec)),
    decimal: fc.constantFrom('string' as const, 'float64' as const),
    invalidDates: fc.constantFrom('error' as const, 'null' as const),
    firstRow: fc.nat({ max: 1000 }),
    payloads: fc.array(
      fc.oneof(
        {
          weight: 8,
          arbitrary: fc.tuple(...columns.map((c) => c.cell)).map((cells) => rowPayload(cells)),
        },
        {
          weight: 3,
          arbitrary: fc
            .tuple(
              fc.tuple(...columns.map((c) => c.cell)),
              fc.array(mutation, { minLength: 1, maxLength: 3 }),
            )
            .map(([cells, m]) => mutate(rowPayload(cells), m)),
        },
        { weight: 1, arbitrary: fc.uint8Array({ maxLength: 30 }) },
      ),
      { maxLength: 6 },
    ),
  }),
);

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
