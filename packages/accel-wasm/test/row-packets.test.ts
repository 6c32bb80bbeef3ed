import fc from 'fast-check';
import { afterEach, describe, expect, test } from 'vitest';
import { createRowDecoder, scanRowPackets, setAccelMode } from '../src/index.js';
import { wasmExports } from '../src/wasm/loader.js';
import { textCase } from './arbitraries-text.js';
import { buildChecker, chunk, IMPLEMENTATIONS, outcome, rowPayload, spec } from './support.js';

const RUNS = Math.max(200, Math.floor(Number(process.env.S2_FUZZ_RUNS ?? 100_000) / 50));

afterEach(() => setAccelMode(undefined));

/** One frame as a server sends it: a 3-byte length, a sequence id, the payload. */
function frame(payload: Uint8Array, sequence: number): Uint8Array {
  const length = payload.length;
  return Uint8Array.of(length & 0xff, (length >> 8) & 0xff, length >> 16, sequence, ...payload);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}

/** Whether a server could send `payload` as a row: never empty, an EOF or an ERR. */
function isRowPacket(payload: Uint8Array): boolean {
  const lead = payload[0];
  return lead !== undefined && lead !== 0xff && !(lead === 0xfe && payload.length < 9);
}

/** Rows framed from sequence id `first`, then an EOF packet. */
function framedReply(payloads: readonly Uint8Array[], first: number): Uint8Array {
  const frames = payloads.map((payload, index) => frame(payload, (first + index) & 0xff));
  const eof = Uint8Array.of(0xfe, 0, 0, 2, 0);
  return concat([...frames, frame(eof, (first + payloads.length) & 0xff)]);
}

/** A scan of `bytes` from `from` to `to`: the packets found and their bounds. */
type Scan = (
  bytes: Uint8Array,
  from: number,
  to: number,
  sequence: number,
  maxRows: number,
) => { count: number; bounds: number[] };

/** The crate's `frame_scan` over a copy of `bytes` in linear memory. */
const wasmScan: Scan = (bytes, from, to, sequence, maxRows) => {
  const wasm = wasmExports();
  if (wasm === undefined) throw new Error('the wasm module did not load');
  const room = Math.min(maxRows, Math.floor((to - from) / 5));
  const input = wasm.acc_alloc(Math.max(bytes.length, 1));
  const bounds = wasm.acc_alloc(Math.max(8 * room, 8));
  new Uint8Array(wasm.memory.buffer).set(bytes, input);
  const count = wasm.frame_scan(input, from, to, bounds, sequence, maxRows);
  const found = [...new Uint32Array(wasm.memory.buffer, bounds, 2 * count)];
  wasm.acc_free(input, Math.max(bytes.length, 1));
  wasm.acc_free(bounds, Math.max(8 * room, 8));
  return { count, bounds: found };
};

/** `scanRowPackets`, checking that it writes nothing outside the pairs it reports. */
const tsScan: Scan = (bytes, from, to, sequence, maxRows) => {
  const room = Math.min(maxRows, Math.floor((to - from) / 5));
  const bounds = new Uint32Array(2 * room + 2).fill(0xdead);
  const count = scanRowPackets(bytes, from, to, sequence, bounds, 2, maxRows);
  expect(bounds[0]).toBe(0xdead);
  expect(bounds[2 + 2 * count] ?? 0xdead).toBe(0xdead);
  return { count, bounds: [...bounds.subarray(2, 2 + 2 * count)] };
};

/** A frame's payload, and the length its header claims when that is not the payload's. */
interface FrameKind {
  readonly p: Uint8Array;
  readonly claim?: number;
}

/** Frames of every kind the scan must tell apart, with ids mostly but not always in order. */
const frameKind: fc.Arbitrary<FrameKind> = fc.oneof(
  { weight: 6, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 40 }).map((p) => ({ p })) },
  { weight: 1, arbitrary: fc.constant({ p: Uint8Array.of(0xff, 0x10, 0x04, 0x23) }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 12 }).map((length) => ({
      p: Uint8Array.from({ length }, (_unused, index) => (index === 0 ? 0xfe : index)),
    })),
  },
  { weight: 1, arbitrary: fc.constant({ p: new Uint8Array(0) }) },
  { weight: 1, arbitrary: fc.constant({ p: Uint8Array.of(1, 2), claim: 0xffffff }) },
);

const scanCase = fc
  .tuple(
    fc.array(fc.tuple(frameKind, fc.integer({ min: 0, max: 30 })), { maxLength: 30 }),
    fc.nat({ max: 255 }),
    fc.nat(),
    fc.nat(),
    fc.integer({ min: 0, max: 40 }),
  )
  .map(([frames, first, cutA, cutB, maxRows]) => {
    const parts = frames.map(([{ p, claim }, skew], index) => {
      const framed = frame(p, (first + index + (skew === 0 ? 7 : 0)) & 0xff);
      if (claim !== undefined) framed.set([claim & 0xff, (claim >> 8) & 0xff, claim >> 16], 0);
      return framed;
    });
    const bytes = concat(parts);
    const a = bytes.length === 0 ? 0 : cutA % (bytes.length + 1);
    const b = bytes.length === 0 ? 0 : cutB % (bytes.length + 1);
    return { bytes, from: Math.min(a, b), to: Math.max(a, b), first, maxRows };
  });

describe('scanRowPackets', () => {
  test('the TypeScript scan and the crate find the same packets in any bytes', () => {
    fc.assert(
      fc.property(scanCase, ({ bytes, from, to, first, maxRows }) => {
        const expected = tsScan(bytes, from, to, first, maxRows);
        expect(wasmScan(bytes, from, to, first, maxRows)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  test('finds rows up to the EOF, and stops at an ERR, a wrong id, a continued or cut frame', () => {
    const rows = [
      rowPayload(['1', 'a']),
      rowPayload([null, 'bc']),
      Uint8Array.of(0xfe, ...new Uint8Array(9)),
    ];
    const reply = framedReply(rows, 3);
    const first = 4;
    const ends: number[] = [];
    const pairs: number[] = [];
    for (let at = first, row = 0; row < rows.length; row += 1) {
      pairs.push(at + 4, at + 4 + (rows[row] as Uint8Array).length);
      at += 4 + (rows[row] as Uint8Array).length;
      ends.push(at);
    }
    const all = { count: 3, bounds: pairs };
    const framed = concat([Uint8Array.of(9, 9, 9, 9), reply]);
    for (const scan of [tsScan, wasmScan]) {
      expect(scan(framed, first, framed.length, 3, 99)).toEqual(all);
      expect(scan(framed, first, framed.length, 3, 2).count).toBe(2);
      expect(scan(framed, first, framed.length, 4, 99).count).toBe(0);
      expect(scan(framed, first, ends[2] as number, 3, 99).count).toBe(3);
      expect(scan(framed, first, (ends[2] as number) - 1, 3, 99).count).toBe(2);
      const withErr = concat([framed.subarray(0, ends[0]), frame(Uint8Array.of(0xff, 1, 2), 4)]);
      expect(scan(withErr, first, withErr.length, 3, 99).count).toBe(1);
      const continued = framed.slice();
      continued.set([0xff, 0xff, 0xff], ends[0]);
      expect(scan(continued, first, continued.length, 3, 99).count).toBe(1);
      const empty = concat([framed.subarray(0, ends[0]), Uint8Array.of(0, 0, 0, 4)]);
      expect(scan(empty, first, empty.length, 3, 99).count).toBe(1);
      const wraps = framedReply(rows, 255);
      expect(scan(wraps, 0, wraps.length, 255, 99).count).toBe(3);
    }
  });
});

describe.each(IMPLEMENTATIONS)('batch builder from packets ($name)', ({ accel }) => {
  test('batches equal decoding the same rows, however the reply is cut and batched', () => {
    fc.assert(
      fc.property(
        textCase.filter(({ payloads }) => payloads.every(isRowPacket)),
        fc.nat({ max: 255 }),
        fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 6 }),
        ({ specs, decimal, invalidDates, payloads }, first, cuts, batchSizes) => {
          const decoder = createRowDecoder(specs, { accel, decimal, invalidDates });
          const builder = decoder.createBatchBuilder();
          const reply = framedReply(payloads, first);
          const check = buildChecker(decoder, builder, payloads);
          let batchStart = 0;
          let added = 0;
          let held = new Uint8Array(0);
          for (let at = 0, cut = 0; at < reply.length; cut += 1) {
            // A piece is what a socket chunk would hand over: the bytes held back, then more.
            const size = cuts[cut % cuts.length] as number;
            const piece = concat([held, reply.subarray(at, at + size)]);
            at += size;
            let position = 0;
            for (;;) {
              const maxRows = batchSizes[(added + cut) % batchSizes.length] as number;
              const before = builder.pendingRows;
              position = builder.addPackets(piece, position, (first + added) & 0xff, maxRows);
              const found = builder.pendingRows - before;
              expect(found).toBeLessThanOrEqual(maxRows);
              added += found;
              if (found === 0) break;
              if (found === maxRows) {
                check(batchStart, added);
                batchStart = added;
              }
            }
            held = piece.slice(position);
          }
          expect(added).toBe(payloads.length);
          // What is left is exactly the EOF packet: the scan never takes it.
          expect([...held]).toEqual([5, 0, 0, (first + payloads.length) & 0xff, 0xfe, 0, 0, 2, 0]);
          check(batchStart, added);
          builder.release();
        },
      ),
      { numRuns: RUNS },
    );
  });

  test('a batch of one row at a time takes one packet per call from a chunk of many', () => {
    const decoder = createRowDecoder([spec(3)], { accel });
    const builder = decoder.createBatchBuilder();
    const payloads = Array.from({ length: 300 }, (_unused, index) =>
      rowPayload([String(index * (index % 3 === 0 ? 1000 : 1))]),
    );
    const reply = framedReply(payloads, 1);
    let position = 0;
    for (let row = 0; row < payloads.length; row += 1) {
      const next = builder.addPackets(reply, position, (1 + row) & 0xff, 1);
      expect(next).toBe(position + 4 + (payloads[row] as Uint8Array).length);
      position = next;
      const batch = builder.build();
      expect(batch.columns[0]?.values?.[0]).toBe(row * (row % 3 === 0 ? 1000 : 1));
    }
    expect(builder.addPackets(reply, position, 45, 1)).toBe(position);
  });

  test('rows far larger than those before them are found past the first copy', () => {
    const decoder = createRowDecoder([spec(253)], { accel });
    const builder = decoder.createBatchBuilder();
    const small = Array.from({ length: 20 }, () => rowPayload(['x']));
    const large = rowPayload(['y'.repeat(20_000)]);
    const payloads = [...small, large, ...small];
    const reply = framedReply(payloads, 0);
    const end = builder.addPackets(reply, 0, 0, 20);
    expect(builder.pendingRows).toBe(20);
    builder.build();
    const next = builder.addPackets(reply, end, 20, 5);
    expect(builder.pendingRows).toBe(5);
    const { data, bounds } = chunk(payloads.slice(20, 25));
    expect(outcome(() => builder.build())).toEqual(outcome(() => decoder.decode(data, bounds, 20)));
    expect(builder.addPackets(reply, next, 25, 100)).toBe(reply.length - 9);
    expect(builder.pendingRows).toBe(16);
  });
});
