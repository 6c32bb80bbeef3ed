/** One piece of LOCAL INFILE data: bytes, or text sent as UTF-8. */
export type InfileChunk = Uint8Array | string;

/**
 * What `LOAD DATA LOCAL INFILE ':stream:'` can read from: an async iterable (Node Readable,
 * async generator), a sync iterable (generator, array of chunks), a web ReadableStream, or a
 * single chunk.
 */
export type InfileSource =
  | AsyncIterable<InfileChunk>
  | Iterable<InfileChunk>
  | ReadableStream<InfileChunk>
  | InfileChunk;

function checked(chunk: unknown): InfileChunk {
  if (typeof chunk === 'string' || chunk instanceof Uint8Array) return chunk;
  throw new TypeError(
    `LOCAL INFILE stream chunks must be Uint8Array or string, not ${typeof chunk}`,
  );
}

/**
 * The chunks of any accepted source, as given: text stays text so the upload can encode it
 * straight into its packet buffer.
 */
export async function* infileChunks(source: InfileSource): AsyncGenerator<InfileChunk> {
  if (typeof source === 'string' || source instanceof Uint8Array) {
    yield source;
    return;
  }
  if (Symbol.asyncIterator in source) {
    for await (const chunk of source as AsyncIterable<unknown>) yield checked(chunk);
    return;
  }
  if (Symbol.iterator in source) {
    for (const chunk of source as Iterable<unknown>) yield checked(chunk);
    return;
  }
  const reader = (source as ReadableStream<InfileChunk>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield checked(value);
    }
  } finally {
    reader.releaseLock();
  }
}
