#!/usr/bin/env node
/**
 * `pnpm bench`: decode a 200,000-row × 8-column mixed result (INT, BIGINT, DOUBLE,
 * DECIMAL(12,2), VARCHAR, DATETIME(6), a 90 %-NULL INT, VECTOR(16, F32)) with the wasm and the
 * TypeScript implementations of the built package (dist/), and report the median of the timed
 * runs as rows/s and MB/s of row payload; then run the long differential fuzz
 * (BENCH_FUZZ_RUNS cases, default 1,000,000; 0 skips it).
 *
 * BENCH_ROWS, BENCH_RUNS (≥ 5) and BENCH_BATCH (rows per decode call in the streaming case)
 * adjust the decode benchmark.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const PACKAGE_DIR = path.resolve(import.meta.dirname, '..');
const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 9));
const BATCH = Number(process.env.BENCH_BATCH ?? 1024);
const FUZZ_RUNS = Number(process.env.BENCH_FUZZ_RUNS ?? 1_000_000);

const accel = await import(pathToFileURL(path.join(PACKAGE_DIR, 'dist', 'index.js')).href);

/** Deterministic pseudo-random numbers (xorshift32), so every run decodes the same bytes. */
let seed = 0x2545f491;
function random() {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
}

const encoder = new TextEncoder();
const WORDS = [
  'alpha',
  'béta',
  'gamma',
  'delta',
  'epsilon',
  'zêta',
  'eta',
  'theta',
  'iota',
  'kappa',
];
const pad = (n, width) => String(n).padStart(width, '0');

function cell(out, bytes) {
  if (bytes === null) {
    out.push(0xfb);
    return;
  }
  if (bytes.length < 0xfb) out.push(bytes.length);
  else out.push(0xfc, bytes.length & 0xff, bytes.length >> 8);
  for (const b of bytes) out.push(b);
}

function makeResult(vectorJson) {
  const columns = [
    { typeCode: 3, flags: 0, charset: 63, decimals: 0 },
    { typeCode: 8, flags: 0, charset: 63, decimals: 0 },
    { typeCode: 5, flags: 0, charset: 63, decimals: 31 },
    { typeCode: 246, flags: 0, charset: 63, decimals: 2 },
    { typeCode: 253, flags: 0, charset: 45, decimals: 0 },
    { typeCode: 12, flags: 0, charset: 63, decimals: 6 },
    { typeCode: 3, flags: 0, charset: 63, decimals: 0 },
    {
      typeCode: 252,
      flags: 0,
      charset: vectorJson ? 45 : 63,
      decimals: 0,
      extendedType: 2,
      vectorDims: 16,
      vectorElement: 1,
    },
  ];
  const out = [];
  const bounds = new Uint32Array(ROWS * 2);
  const floats = new Float32Array(16);
  for (let r = 0; r < ROWS; r++) {
    bounds[2 * r] = out.length;
    const text = (value) => encoder.encode(value);
    cell(out, text(String(Math.floor(random() * 4294967296) - 2147483648)));
    cell(
      out,
      text(
        String(
          BigInt(Math.floor(random() * 2 ** 31)) * 4294967296n +
            BigInt(Math.floor(random() * 2 ** 32)),
        ),
      ),
    );
    cell(out, text(String((random() - 0.5) * 10 ** Math.floor(random() * 12))));
    cell(out, text((Math.floor(random() * 10_000_000_000) / 100).toFixed(2)));
    const words = 1 + Math.floor(random() * 5);
    cell(
      out,
      text(
        Array.from({ length: words }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' '),
      ),
    );
    const when = new Date(Date.UTC(1990, 0, 1) + Math.floor(random() * 40 * 365 * 86_400_000));
    cell(
      out,
      text(
        `${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1, 2)}-${pad(when.getUTCDate(), 2)} ${pad(when.getUTCHours(), 2)}:${pad(when.getUTCMinutes(), 2)}:${pad(when.getUTCSeconds(), 2)}.${pad(Math.floor(random() * 1e6), 6)}`,
      ),
    );
    cell(out, random() < 0.9 ? null : text(String(Math.floor(random() * 1000))));
    for (let i = 0; i < 16; i++) floats[i] = random() * 2 - 1;
    cell(
      out,
      vectorJson ? text(`[${Array.from(floats).join(',')}]`) : new Uint8Array(floats.buffer),
    );
    bounds[2 * r + 1] = out.length;
  }
  return { columns, data: Uint8Array.from(out), bounds };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Time both implementations with their runs interleaved (alternating which goes first), so
 * background load hits both alike; returns the median seconds of each.
 */
function timeBoth(runs) {
  const names = Object.keys(runs);
  for (let i = 0; i < 2; i++) for (const name of names) runs[name]();
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const start = process.hrtime.bigint();
      runs[name]();
      samples[name].push(Number(process.hrtime.bigint() - start) / 1e9);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(samples[name])]));
}

function decodeAll(result, mode, batch) {
  const decoder = accel.createRowDecoder(result.columns, { accel: mode });
  return () => {
    if (batch >= ROWS) decoder.decode(result.data, result.bounds);
    else {
      for (let r = 0; r < ROWS; r += batch) {
        decoder.decode(
          result.data,
          result.bounds.subarray(2 * r, 2 * Math.min(ROWS, r + batch)),
          r,
        );
      }
    }
  };
}

const format = (n) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
console.log(
  `@s2/accel-wasm decode benchmark: ${format(ROWS)} rows × 8 columns, median of ${RUNS} interleaved runs each`,
);
console.log(`node ${process.version}, ${process.arch}; wasm status: ${accel.accelStatus().wasm}`);
const rowsOut = [];
for (const vectorJson of [false, true]) {
  const result = makeResult(vectorJson);
  const megabytes = result.data.length / 1e6;
  for (const batch of [ROWS, BATCH]) {
    const seconds = timeBoth({
      ts: decodeAll(result, 'ts', batch),
      'require-wasm': decodeAll(result, 'require-wasm', batch),
    });
    const line = {
      vector: vectorJson ? 'JSON text' : 'binary',
      batch: batch >= ROWS ? `one batch` : `${batch}-row batches`,
      'payload MB': megabytes.toFixed(1),
      'wasm rows/s': format(ROWS / seconds['require-wasm']),
      'wasm MB/s': (megabytes / seconds['require-wasm']).toFixed(0),
      'ts rows/s': format(ROWS / seconds.ts),
      'ts MB/s': (megabytes / seconds.ts).toFixed(0),
      'wasm ÷ ts': (seconds.ts / seconds['require-wasm']).toFixed(2),
    };
    rowsOut.push(line);
  }
}
console.table(rowsOut);

if (FUZZ_RUNS > 0) {
  console.log(
    `\nlong differential fuzz: S2_FUZZ_RUNS=${FUZZ_RUNS} (text cases; ROWDAT_1 cases scale with it)`,
  );
  const vitest = spawnSync(
    'vitest',
    [
      'run',
      'test/differential-text.test.ts',
      'test/differential-rowdat-decode.test.ts',
      'test/differential-rowdat-encode.test.ts',
    ],
    {
      cwd: PACKAGE_DIR,
      stdio: 'inherit',
      shell: process.platform === 'win32',
      env: { ...process.env, S2_FUZZ_RUNS: String(FUZZ_RUNS) },
    },
  );
  if (vitest.status !== 0) process.exit(vitest.status ?? 1);
}
