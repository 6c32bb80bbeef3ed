import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';

const nullBodyStatuses = new Set([101, 204, 205, 304]);

async function toResponse(incoming: IncomingMessage): Promise<Response> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const status = incoming.statusCode ?? 500;
  return new Response(nullBodyStatuses.has(status) ? null : Buffer.concat(chunks), {
    status,
    statusText: incoming.statusMessage ?? '',
    headers,
  });
}

/**
 * Sends a request whose body is a stream with node:http(s), writing each chunk as the socket
 * drains. Node's fetch keeps every chunk of a streamed request body alive until the response
 * arrives, which would hold a whole large upload in memory.
 */
export async function streamRequest(
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body: ReadableStream<Uint8Array>;
    signal?: AbortSignal | undefined;
  },
): Promise<Response> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const outgoing = send(target, {
    method: init.method,
    headers: init.headers,
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    outgoing.once('response', resolve);
    outgoing.once('error', reject);
  });
  const body = Readable.fromWeb(init.body as unknown as NodeReadableStream<Uint8Array>);
  const sent = pipeline(body, outgoing);
  // The server may answer (e.g. 404) before reading the whole body; the answer wins then.
  sent.catch(() => undefined);
  const incoming = await Promise.race([answered, sent.then(() => answered)]);
  return toResponse(incoming);
}
