import fc from 'fast-check';
import type { ColumnSpec } from '../src/index.js';
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

export const timeText = fc
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
