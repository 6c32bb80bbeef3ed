import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

/** Anything an upload can read from: a local file path, a Node stream, a web stream or bytes. */
export type UploadSource =
  | string
  | Uint8Array
  | Readable
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array>;

/** Called with the bytes transferred so far and the total when known. */
export type ProgressCallback = (transferred: number, total: number | undefined) => void;

function fromAsyncIterable(iterable: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = iterable[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

/** A web ReadableStream over any upload source; local files are read lazily in chunks. */
export function toByteStream(source: UploadSource): ReadableStream<Uint8Array> {
  if (typeof source === 'string') {
    return Readable.toWeb(createReadStream(source)) as unknown as ReadableStream<Uint8Array>;
  }
  if (source instanceof Uint8Array) {
    return new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(source);
        controller.close();
      },
    });
  }
  if (source instanceof ReadableStream) return source;
  if (source instanceof Readable) {
    return Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>;
  }
  return fromAsyncIterable(source);
}

/** A Node Readable over a web stream (for piping a download into a file). */
export function toNodeReadable(stream: ReadableStream<Uint8Array>): Readable {
  return Readable.fromWeb(stream as unknown as NodeReadableStream<Uint8Array>);
}

/** Passes bytes through unchanged while reporting the running count. */
export function countBytes(
  stream: ReadableStream<Uint8Array>,
  total: number | undefined,
  onProgress: ProgressCallback | undefined,
): ReadableStream<Uint8Array> {
  if (!onProgress) return stream;
  let transferred = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        transferred += chunk.byteLength;
        onProgress(transferred, total);
        controller.enqueue(chunk);
      },
    }),
  );
}
