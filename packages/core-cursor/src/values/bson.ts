/** The part of the `bson` package used here. */
interface BsonCodec {
  deserialize(bytes: Uint8Array): Record<string, unknown>;
}

let loading: Promise<BsonCodec | null> | undefined;
let codec: BsonCodec | null = null;

/**
 * Loads the optional `bson` package once (later calls reuse the first attempt). Cursors call
 * it before decoding a result that has a BSON column, so that decoding itself stays
 * synchronous.
 *
 * @returns whether BSON documents will be decoded.
 */
export async function loadBson(): Promise<boolean> {
  loading ??= import('bson').then(
    (module: BsonCodec) => module,
    () => null,
  );
  codec = await loading;
  return codec !== null;
}

/** A BSON value: the decoded document when `bson` is loaded, else the bytes unchanged. */
export function decodeBson(bytes: Uint8Array): Record<string, unknown> | Uint8Array {
  return codec === null ? bytes : codec.deserialize(bytes);
}
