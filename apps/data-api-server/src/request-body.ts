import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gunzip, inflate } from 'node:zlib';
import { parseJsonLossless } from '@s2/core-cursor';
import { HttpProblem } from './http-problem.js';

/** The fields of a query or exec request (data-api.md §7.1). */
export interface StatementRequest {
  sql: string;
  args?: unknown[];
  database?: string;
}

/** The Data API's request limit (data-api.md §12). */
export const MAX_BODY_BYTES = 1_048_576;
const DRAIN_FACTOR = 16;

const gunzipAsync = promisify(gunzip);
const inflateAsync = promisify(inflate);

/** Request `Content-Encoding`s this server decodes; anything else gets 415. */
type BodyEncoding = 'identity' | 'gzip' | 'deflate';

const ENCODINGS: ReadonlyMap<string, BodyEncoding> = new Map([
  ['', 'identity'],
  ['identity', 'identity'],
  ['gzip', 'gzip'],
  ['x-gzip', 'gzip'],
  ['deflate', 'deflate'],
]);

/** The `Accept-Encoding` a 415 answer carries, as RFC 7694 suggests, so clients can adapt. */
export const ACCEPTED_REQUEST_ENCODINGS = 'gzip, deflate, identity';

function bodyEncodingOf(header: string | undefined): BodyEncoding {
  const encoding = ENCODINGS.get((header ?? '').trim().toLowerCase());
  if (encoding === undefined) {
    throw new HttpProblem(415, 'Content-Encoding must be gzip, deflate or identity', {
      'accept-encoding': ACCEPTED_REQUEST_ENCODINGS,
    });
  }
  return encoding;
}

/**
 * Inflates a compressed body. zlib's `maxOutputLength` stops inflating as soon as the output
 * passes the limit, so a small body that would expand to gigabytes (a zip bomb) never holds
 * more than the limit in memory.
 */
async function decodeBody(raw: Buffer, encoding: BodyEncoding, limit: number): Promise<Buffer> {
  if (encoding === 'identity') return raw;
  try {
    const options = { maxOutputLength: limit };
    return encoding === 'gzip' ? await gunzipAsync(raw, options) : await inflateAsync(raw, options);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw tooLarge(limit, ' once decompressed');
    }
    throw invalid(`not valid ${encoding} data`);
  }
}

function isJsonContentType(header: string | undefined): boolean {
  const mediaType = header?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    total += chunk.length;
    // Past the limit the rest is read and dropped, so the client sees the 413 instead of a
    // reset socket; past a far larger bound the socket is cut.
    if (total > limit * DRAIN_FACTOR) {
      request.destroy();
      break;
    }
    if (total <= limit) chunks.push(chunk);
  }
  if (total > limit) throw tooLarge(limit);
  return Buffer.concat(chunks);
}

function tooLarge(limit: number, when = ''): HttpProblem {
  return new HttpProblem(413, `Request body is larger than the limit of ${limit} bytes${when}`, {
    connection: 'close',
  });
}

function invalid(message: string): HttpProblem {
  return new HttpProblem(400, `Invalid request body: ${message}`);
}

/**
 * Reads a JSON request body: `Content-Type: application/json` (else 415), a `Content-Encoding`
 * of identity, gzip or deflate (else 415), at most `limit` bytes both as sent and once
 * decompressed (else 413), valid JSON (else 400). Integers are parsed without rounding.
 */
export async function readJsonBody(
  request: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<unknown> {
  if (!isJsonContentType(request.headers['content-type'])) {
    throw new HttpProblem(415, 'Content-Type must be application/json');
  }
  const encoding = bodyEncodingOf(request.headers['content-encoding']);
  const raw = await readBody(request, limit);
  const text = (await decodeBody(raw, encoding, limit)).toString('utf8');
  try {
    return parseJsonLossless(text, { bigint: 'auto' });
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : 'malformed JSON');
  }
}

/**
 * Reads and checks a statement request ({@link readJsonBody}): a JSON object with a string
 * `sql`, an optional `args` array and an optional string `database` (else 400).
 */
export async function readStatementRequest(
  request: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<StatementRequest> {
  const body = await readJsonBody(request, limit);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('expected a JSON object');
  }
  const { sql, args, database } = body as Record<string, unknown>;
  if (typeof sql !== 'string' || sql.trim() === '')
    throw invalid('"sql" must be a non-empty string');
  if (args !== undefined && args !== null && !Array.isArray(args)) {
    throw invalid('"args" must be an array');
  }
  if (database !== undefined && database !== null && typeof database !== 'string') {
    throw invalid('"database" must be a string');
  }
  const statement: StatementRequest = { sql };
  if (Array.isArray(args)) statement.args = args;
  if (typeof database === 'string' && database !== '') statement.database = database;
  return statement;
}
