/** Bodies below this size gain nothing from gzip, so `compressRequests: true` leaves them alone. */
export const DEFAULT_MIN_COMPRESSED_BYTES = 1024;

/**
 * The smallest body (in UTF-8 bytes) to gzip for a `compressRequests` setting, or undefined when
 * request bodies stay uncompressed (the setting is off, or the runtime has no CompressionStream).
 */
export function compressionThreshold(setting: boolean | number | undefined): number | undefined {
  if (setting === undefined || setting === false) return undefined;
  if (typeof CompressionStream === 'undefined') return undefined;
  if (setting === true) return DEFAULT_MIN_COMPRESSED_BYTES;
  return Math.max(0, setting);
}

/**
 * Gzips a body with the runtime's CompressionStream (browsers, edge runtimes and Node 18+), so
 * the package needs no `node:zlib` and stays usable in a browser bundle.
 */
export async function gzipBytes(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
