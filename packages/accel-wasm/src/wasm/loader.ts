import { ACCEL_WASM_BASE64 } from '../generated/accel-wasm.generated.js';
import { LITTLE_ENDIAN } from '../status.js';
import type { AccelExports } from './exports.js';
import { base64Bytes } from './module-bytes.js';

/**
 * Loading the embedded module. Node (and other runtimes with `process.versions.node`) compile
 * synchronously on first use; elsewhere (browsers, where synchronous compilation of large
 * modules is refused on the main thread) compilation starts asynchronously on first use and
 * the TypeScript implementation serves until it is ready.
 */

export type WasmLoadState = 'not-loaded' | 'loading' | 'ready' | 'failed';

let state: WasmLoadState = 'not-loaded';
let exportsReady: AccelExports | undefined;
let failure: Error | undefined;
let pending: Promise<AccelExports | undefined> | undefined;

function moduleBytes(): Uint8Array<ArrayBuffer> {
  return base64Bytes(ACCEL_WASM_BASE64);
}

function unavailableReason(): string | undefined {
  if (typeof WebAssembly === 'undefined') return 'WebAssembly is not available in this runtime';
  if (!LITTLE_ENDIAN) return 'the host is big-endian; the wasm decoder assumes little-endian';
  return undefined;
}

function canCompileSynchronously(): boolean {
  const runtime = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof runtime?.versions?.node === 'string';
}

function ready(instance: WebAssembly.Instance): AccelExports {
  exportsReady = instance.exports as unknown as AccelExports;
  state = 'ready';
  return exportsReady;
}

function failed(error: unknown): undefined {
  failure = error instanceof Error ? error : new Error(String(error));
  state = 'failed';
  return undefined;
}

/** Start loading asynchronously (idempotent); resolves with the exports, or undefined. */
export function loadWasmAsync(): Promise<AccelExports | undefined> {
  if (exportsReady) return Promise.resolve(exportsReady);
  if (state === 'failed') return Promise.resolve(undefined);
  if (!pending) {
    const reason = unavailableReason();
    if (reason) return Promise.resolve(failed(new Error(reason)));
    state = 'loading';
    pending = WebAssembly.instantiate(moduleBytes(), {}).then(
      (result) => ready(result.instance),
      (error: unknown) => failed(error),
    );
  }
  return pending;
}

/**
 * The exports if loaded; otherwise load synchronously where allowed, or start loading
 * asynchronously and return undefined.
 */
export function wasmExports(): AccelExports | undefined {
  if (exportsReady || state === 'failed' || state === 'loading') return exportsReady;
  const reason = unavailableReason();
  if (reason) return failed(new Error(reason));
  if (!canCompileSynchronously()) {
    void loadWasmAsync();
    return undefined;
  }
  try {
    return ready(new WebAssembly.Instance(new WebAssembly.Module(moduleBytes()), {}));
  } catch (error) {
    return failed(error);
  }
}

/** Forget a broken instance (after a trap) so that the next use instantiates a fresh one. */
export function discardInstance(error: Error): void {
  exportsReady = undefined;
  pending = undefined;
  failure = error;
  state = 'not-loaded';
}

export function wasmLoadState(): WasmLoadState {
  return state;
}

export function wasmLoadError(): Error | undefined {
  return failure;
}
