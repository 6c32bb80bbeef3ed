import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';

/** Bodies below this many bytes are sent as they are: gzip would save nothing worth a CPU pass. */
export const MIN_COMPRESSED_BYTES = 1024;

const QUALITY = /^q=([0-9.]+)$/i;

/**
 * Whether an `Accept-Encoding` header allows gzip (RFC 9110 §12.5.3): `gzip` or `x-gzip` with a
 * non-zero quality, or `*` when gzip is not itself listed with q=0.
 */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (header === undefined) return false;
  const text = Array.isArray(header) ? header.join(',') : header;
  let wildcard = false;
  for (const part of text.split(',')) {
    const [token = '', ...parameters] = part.split(';').map((item) => item.trim());
    const name = token.toLowerCase();
    let quality = 1;
    for (const parameter of parameters) {
      const match = QUALITY.exec(parameter);
      if (match) quality = Number(match[1]);
    }
    if (name === 'gzip' || name === 'x-gzip') return quality > 0;
    if (name === '*') wildcard = quality > 0;
  }
  return wildcard;
}

/**
 * Writes a complete answer, gzip-compressed when the request's `Accept-Encoding` allows it and
 * the body is at least {@link MIN_COMPRESSED_BYTES}. The gzip stream is piped into the response
 * so backpressure from a slow client pauses compression instead of buffering the output.
 */
export function sendBody(
  requestHeaders: IncomingHttpHeaders,
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Readonly<Record<string, string>> = {},
): void {
  const bytes = Buffer.from(body, 'utf8');
  // Caches must key on Accept-Encoding whenever the answer could have been either form.
  const vary = bytes.length >= MIN_COMPRESSED_BYTES ? 'Origin, Accept-Encoding' : 'Origin';
  if (bytes.length < MIN_COMPRESSED_BYTES || !acceptsGzip(requestHeaders['accept-encoding'])) {
    response.writeHead(status, {
      'content-type': contentType,
      'content-length': bytes.length,
      vary,
      ...headers,
    });
    response.end(bytes);
    return;
  }
  response.writeHead(status, {
    'content-type': contentType,
    'content-encoding': 'gzip',
    vary,
    ...headers,
  });
  const gzip = createGzip();
  pipeline(gzip, response, () => {
    // A client that goes away mid-answer destroys the response; nothing is left to report.
  });
  gzip.end(bytes);
}
