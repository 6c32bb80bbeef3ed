import { expect } from 'vitest';
import type {
  AccelMode,
  ColumnBatch,
  ColumnSpec,
  ColumnVector,
  RowBatchBuilder,
  RowDecoder,
} from '../src/index.js';

/** Every suite runs once per implementation; `require-wasm` fails if wasm did not load. */
export const IMPLEMENTATIONS: readonly { readonly name: string; readonly accel: AccelMode }[] = [
  { name: 'ts', accel: 'ts' },
  { name: 'wasm', accel: 'require-wasm' },
];

const encoder = new TextEncoder();

export type Cell = string | Uint8Array | null;

/** A MySQL length-encoded string (or 0xFB for NULL). */
export function lengthEncoded(cell: Cell): number[] {
  if (cell === null) return [0xfb];
  const bytes = typeof cell === 'string' ? encoder.encode(cell) : cell;
  const n = bytes.length;
  let prefix: number[];
  if (n < 0xfb) prefix = [n];
  else if (n < 0x10000) prefix = [0xfc, n & 0xff, n >> 8];
  else if (n < 0x1000000) prefix = [0xfd, n & 0xff, (n >> 8) & 0xff, n >> 16];
  else prefix = [0xfe, n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24, 0, 0, 0, 0];
  return [...prefix, ...bytes];
}

/** A text-protocol row payload. */
export function rowPayload(cells: readonly Cell[]): Uint8Array {
  return Uint8Array.from(cells.flatMap(lengthEncoded));
}

/** Concatenate payloads into one chunk (with `gap` junk bytes before each) plus bounds. */
export function chunk(
  payloads: readonly Uint8Array[],
  gap = 0,
): { data: Uint8Array; bounds: Uint32Array } {
  const total = payloads.reduce((sum, p) => sum + p.length + gap, 0);
  const data = new Uint8Array(total).fill(0xee);
  const bounds = new Uint32Array(payloads.length * 2);
  let at = 0;
  payloads.forEach((payload, i) => {
    at += gap;
    data.set(payload, at);
    bounds[2 * i] = at;
    bounds[2 * i + 1] = at + payload.length;
    at += payload.length;
  });
  return { data, bounds };
}

export function rows(table: readonly (readonly Cell[])[], gap = 0) {
  return chunk(table.map(rowPayload), gap);
}

export function spec(typeCode: number, extra: Partial<ColumnSpec> = {}): ColumnSpec {
  return { typeCode, flags: 0, charset: 45, decimals: 0, ...extra };
}

export const UNSIGNED = 32;
export const BINARY = 63;

export function hex(text: string): Uint8Array {
  const clean = text.replace(/[^0-9a-f]/gi, '');
  return Uint8Array.from(clean.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Column values as plain JS (null for NULL slots) for readable assertions. */
export function cells(column: ColumnVector): unknown[] {
  const out: unknown[] = [];
  const decoder = new TextDecoder();
  for (let r = 0; r < column.length; r++) {
    const present = (column.validity[r >> 3]! >> (r & 7)) & 1;
    if (!present) {
      out.push(null);
      continue;
    }
    if (column.offsets) {
      const bytes = column.data!.subarray(column.offsets[r]!, column.offsets[r + 1]!);
      out.push(column.kind === 'binary' ? Array.from(bytes) : decoder.decode(bytes));
    } else if (column.kind === 'vector') {
      const dims = column.dims!;
      out.push(
        Array.from(
          (
            column.values as unknown as { subarray(a: number, b: number): ArrayLike<unknown> }
          ).subarray(r * dims, r * dims + dims),
        ),
      );
    } else out.push((column.values as unknown as ArrayLike<unknown>)[r]);
  }
  return out;
}

/**
 * Byte-level fingerprint of a batch (every buffer as hex plus the scalar fields), so two
 * implementations can be compared exactly, NaN payloads included.
 */
export function fingerprint(batch: ColumnBatch): unknown {
  return {
    numRows: batch.numRows,
    columns: batch.columns.map((column) => {
      const buffer = (view: ArrayBufferView | undefined) =>
        view === undefined
          ? undefined
          : {
              type: view.constructor.name,
              length: (view as unknown as { length: number }).length,
              hex: toHex(new Uint8Array(view.buffer, view.byteOffset, view.byteLength)),
            };
      return {
        keys: Object.keys(column),
        kind: column.kind,
        typeCode: column.typeCode,
        decimals: column.decimals,
        length: column.length,
        nullCount: column.nullCount,
        dims: column.dims,
        vectorElement: column.vectorElement,
        validity: buffer(column.validity),
        values: buffer(column.values),
        offsets: buffer(column.offsets),
        data: buffer(column.data),
      };
    }),
  };
}

/** Run a call and describe its result or error, for comparing implementations. */
export function outcome(run: () => ColumnBatch): unknown {
  try {
    return { batch: fingerprint(run()) };
  } catch (error) {
    const e = error as {
      name: string;
      message: string;
      code?: string;
      row?: number;
      column?: number;
    };
    return {
      error: { name: e.name, message: e.message, code: e.code, row: e.row, column: e.column },
    };
  }
}

/**
 * A check that `builder.build()` gives exactly what `decoder.decode` gives over the same rows,
 * `payloads[from…to)`, numbered from `from`: output and errors alike.
 */
export function buildChecker(
  decoder: RowDecoder,
  builder: RowBatchBuilder,
  payloads: readonly Uint8Array[],
): (from: number, to: number) => void {
  return (from, to) => {
    const { data, bounds } = chunk(payloads.slice(from, to));
    expect(outcome(() => builder.build())).toEqual(
      outcome(() => decoder.decode(data, bounds, from)),
    );
  };
}
