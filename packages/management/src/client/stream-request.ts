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
 * Sends a request with node:http(s). Used for streamed bodies, written chunk by chunk as the
 * socket drains (Node's fetch keeps every chunk of a streamed request body alive until the
 * response arrives), and for GET requests with a JSON body, which fetch cannot send.
 */
export async function streamRequest(
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body: ReadableStream<Uint8Array> | string;
    signal?: AbortSignal | undefined;
  },
): Promise<Response> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  // Node frames GET bodies only with an explicit length (it never chunks GET requests).
  const headers =
    typeof init.body === 'string'
      ? { ...init.headers, 'content-length': String(Buffer.byteLength(init.body)) }
      : init.headers;
  const outgoing = send(target, {
    method: init.method,
    headers,
    ...(init.signal ? { signal: init.signal } : {}),
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    outgoing.once('response', resolve);
    outgoing.once('error', reject);
  });
  const body =
    typeof init.body === 'string'
      ? Readable.from([Buffer.from(init.body)])
      : Readable.fromWeb(init.body as unknown as NodeReadableStream<Uint8Array>);
  const sent = pipeline(body, outgoing);
  // The server may answer (e.g. 404) before reading the whole body; the answer wins then.
  sent.catch(() => undefined);
  const incoming = await Promise.race([answered, sent.then(() => answered)]);
  return toResponse(incoming);
}
