const encoder = new TextEncoder();

/**
 * Wraps a byte stream as a multipart/form-data body with one part named `file`, the shape the
 * Stage and Files upload endpoints expect, without ever holding more than one chunk.
 */
export function multipartBody(
  content: ReadableStream<Uint8Array>,
  fileName: string,
): { body: ReadableStream<Uint8Array>; contentType: string } {
  const boundary = `s2-${crypto.randomUUID()}`;
  const safeName = fileName.replace(/["\r\n\\]/g, '_');
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${safeName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  const reader = content.getReader();
  let stage: 'head' | 'content' | 'done' = 'head';
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stage === 'head') {
        stage = 'content';
        controller.enqueue(head);
        return;
      }
      if (stage === 'done') return;
      const next = await reader.read();
      if (next.done) {
        stage = 'done';
        controller.enqueue(tail);
        controller.close();
      } else {
        controller.enqueue(next.value);
      }
    },
    async cancel(reason) {
      await reader.cancel(reason);
    },
  });
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
