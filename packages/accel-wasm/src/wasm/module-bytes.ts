/**
 * Turning base64 text into bytes with whatever the runtime decodes natively. The decoder is
 * embedded as base64, so this runs once per process before the first wasm decode; a
 * process that runs a handful of queries (serverless, edge) pays it on its first result.
 */

interface WithFromBase64 {
  /** ES2026; in browsers and runtimes too new for the lib types of this package. */
  fromBase64?: (text: string) => Uint8Array<ArrayBuffer>;
}

interface NodeBuffer {
  from(text: string, encoding: 'base64'): Uint8Array;
}

const typedArray: WithFromBase64 = Uint8Array as WithFromBase64;

/** Node's (and Bun's) `Buffer`, where the runtime has it. */
export function nodeBuffer(): NodeBuffer | undefined {
  const buffer = (globalThis as { Buffer?: NodeBuffer }).Buffer;
  return typeof buffer?.from === 'function' ? buffer : undefined;
}

/**
 * Decoding through `Buffer` costs about 0.1 ms; the `atob` loop, run once, costs 2-3 ms and
 * 3-4 MB of RSS on Node 20, nearly all of it V8 compiling the loop with TurboFan (OSR).
 */
export function bytesFromBuffer(text: string, buffer: NodeBuffer): Uint8Array<ArrayBuffer> {
  const decoded = buffer.from(text, 'base64');
  return new Uint8Array(decoded.buffer as ArrayBuffer, decoded.byteOffset, decoded.byteLength);
}

/** For browsers without `Uint8Array.fromBase64`. */
export function bytesFromAtob(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The bytes that base64 `text` encodes, by the cheapest decoder the runtime has. */
export function base64Bytes(text: string): Uint8Array<ArrayBuffer> {
  if (typeof typedArray.fromBase64 === 'function') return typedArray.fromBase64(text);
  const buffer = nodeBuffer();
  return buffer === undefined ? bytesFromAtob(text) : bytesFromBuffer(text, buffer);
}
