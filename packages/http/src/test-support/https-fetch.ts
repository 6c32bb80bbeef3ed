import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';

/**
 * A `fetch` over node:https that trusts `ca`. Node's built-in fetch takes a custom CA only
 * through undici's Agent (a dependency this workspace avoids) or NODE_EXTRA_CA_CERTS at process
 * start; @s2/http accepts any fetch, so the test hands it this one. It sends a real request over
 * TLS, verifying the server certificate against `ca`.
 */
export function fetchTrusting(ca: string): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const body = Buffer.from(await request.arrayBuffer());
    const headers = Object.fromEntries(request.headers);
    return new Promise<Response>((resolve, reject) => {
      const outgoing = httpsRequest(
        request.url,
        {
          method: request.method,
          ca,
          headers: { ...headers, 'accept-encoding': 'identity', 'content-length': body.length },
          signal: request.signal,
        },
        (incoming) => {
          const responseHeaders = new Headers();
          for (const [name, value] of Object.entries(incoming.headers)) {
            if (value !== undefined) responseHeaders.set(name, String(value));
          }
          resolve(
            new Response(Readable.toWeb(incoming) as ReadableStream<Uint8Array>, {
              status: incoming.statusCode ?? 0,
              headers: responseHeaders,
            }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  };
}
