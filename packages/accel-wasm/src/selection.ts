import type { Implementation } from './row-decoder-types.js';
import { tsImplementation } from './ts/implementation.js';
import type { AccelExports } from './wasm/exports.js';
import { WasmImplementation } from './wasm/implementation.js';
import {
  loadWasmAsync,
  type WasmLoadState,
  wasmExports,
  wasmLoadError,
  wasmLoadState,
} from './wasm/loader.js';

/**
 * Which implementation decodes:
 * - `wasm` (default): WebAssembly when it is loaded, the TypeScript fallback otherwise (while
 *   a browser compiles it, or where WebAssembly is unavailable);
 * - `ts`: always the TypeScript implementation;
 * - `require-wasm`: WebAssembly or an error — never the fallback.
 * Set by `setAccelMode()`, else by the `S2_ACCEL` environment variable, else `wasm`; a decoder
 * or codec can also be given its own `accel` option.
 */
export type AccelMode = 'wasm' | 'ts' | 'require-wasm';

/** The implementation that ran (or would run) a decode. */
export type AccelImplementation = 'wasm' | 'ts';

const MODES: readonly AccelMode[] = ['wasm', 'ts', 'require-wasm'];

let override: AccelMode | undefined;
let wasmImplementation: WasmImplementation | undefined;
let wasmImplementationFor: AccelExports | undefined;

function checkMode(mode: unknown, source: string): AccelMode {
  if (typeof mode === 'string') {
    const normalized = mode.trim().toLowerCase();
    if ((MODES as readonly string[]).includes(normalized)) return normalized as AccelMode;
  }
  throw new TypeError(`${source} must be one of ${MODES.join(', ')}, not ${JSON.stringify(mode)}`);
}

/**
 * The last valid S2_ACCEL text seen and its mode: it is read at every decode, and checked once.
 * `environmentRead` says whether a valid one was seen at all (before that, the mode is not known).
 */
let environmentText: string | undefined;
let environmentResult: AccelMode | undefined;
let environmentRead = false;

function environmentMode(): AccelMode | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  const value = env?.S2_ACCEL;
  if (value === environmentText && environmentRead) return environmentResult;
  const mode = value === undefined || value === '' ? undefined : checkMode(value, 'S2_ACCEL');
  environmentText = value;
  environmentResult = mode;
  environmentRead = true;
  return mode;
}

/** Force an implementation for the whole process; `undefined` goes back to `S2_ACCEL`. */
export function setAccelMode(mode: AccelMode | undefined): void {
  override = mode === undefined ? undefined : checkMode(mode, 'accel mode');
}

/** The mode in force: `setAccelMode()`, else `S2_ACCEL`, else `wasm`. */
export function getAccelMode(): AccelMode {
  return override ?? environmentMode() ?? 'wasm';
}

function currentWasm(): WasmImplementation | undefined {
  const wasm = wasmExports();
  if (!wasm) return undefined;
  if (wasmImplementationFor !== wasm) {
    wasmImplementation = new WasmImplementation(wasm);
    wasmImplementationFor = wasm;
  }
  return wasmImplementation;
}

/** The implementation for a mode (the option of a decoder, else the mode in force). */
export function resolveImplementation(mode?: AccelMode): Implementation {
  const effective = mode === undefined ? getAccelMode() : checkMode(mode, 'accel option');
  if (effective === 'ts') return tsImplementation;
  const wasm = currentWasm();
  if (wasm) return wasm;
  if (effective === 'require-wasm') {
    const state = wasmLoadState();
    const reason =
      state === 'loading'
        ? 'it is still compiling (await loadAccel() first)'
        : (wasmLoadError()?.message ?? 'it could not be loaded');
    throw new Error(
      `@s2/accel-wasm: accel mode 'require-wasm' but the WebAssembly decoder is not available: ${reason}`,
      { cause: wasmLoadError() },
    );
  }
  return tsImplementation;
}

/**
 * The WebAssembly implementation when a decode under `mode` would use it, else undefined; never
 * throws, so collecting rows fails only where decoding them would. It goes by the S2_ACCEL seen
 * at the last decode instead of reading it again: reading `process.env` costs about as much as
 * the rest of a one-row batch, and the decode reads it anyway, decoding the rows where they were
 * collected when the mode changed in between.
 */
export function wasmForStaging(mode?: AccelMode): WasmImplementation | undefined {
  try {
    const seen = environmentRead ? environmentResult : environmentMode();
    const effective = mode ?? override ?? seen;
    return effective === 'ts' ? undefined : currentWasm();
  } catch {
    return undefined;
  }
}

/** Which implementation a decode would use now under a mode (default: the mode in force). */
export function activeImplementation(mode?: AccelMode): AccelImplementation {
  return resolveImplementation(mode).name;
}

/** What is loaded and in force, for diagnostics. */
export interface AccelStatus {
  readonly mode: AccelMode;
  /** What a decode would use now. */
  readonly implementation: AccelImplementation;
  readonly wasm: WasmLoadState;
  /** Why WebAssembly is not available, when it failed to load. */
  readonly wasmError?: string;
}

export function accelStatus(): AccelStatus {
  const mode = getAccelMode();
  const implementation = mode === 'ts' ? 'ts' : currentWasm() ? 'wasm' : 'ts';
  const error = wasmLoadState() === 'failed' ? wasmLoadError()?.message : undefined;
  return {
    mode,
    implementation,
    wasm: wasmLoadState(),
    ...(error === undefined ? {} : { wasmError: error }),
  };
}

/**
 * Load the WebAssembly decoder now (in browsers, where it otherwise compiles in the
 * background on first use) and report what decodes will use. Under `require-wasm` it rejects
 * when WebAssembly cannot be loaded.
 */
export async function loadAccel(): Promise<AccelImplementation> {
  await loadWasmAsync();
  return activeImplementation();
}
