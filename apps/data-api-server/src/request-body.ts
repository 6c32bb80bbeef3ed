import type { IncomingMessage } from 'node:http';
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

function isJsonContentType(header: string | undefined): boolean {
  const mediaType = header?.split(';')[0]?.trim().toLowerCase();
  return mediaType === 'application/json';
}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
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
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(limit: number): HttpProblem {
  return new HttpProblem(413, `Request body is larger than the limit of ${limit} bytes`, {
    connection: 'close',
  });
}

function invalid(message: string): HttpProblem {
  return new HttpProblem(400, `Invalid request body: ${message}`);
}

/**
 * Reads and checks a statement request: `Content-Type: application/json` (else 415), at most
 * `limit` bytes (else 413), a JSON object with a string `sql`, an optional `args` array and an
 * optional string `database` (else 400). Integers in `args` are parsed without rounding.
 */
export async function readStatementRequest(
  request: IncomingMessage,
  limit = MAX_BODY_BYTES,
): Promise<StatementRequest> {
  if (!isJsonContentType(request.headers['content-type'])) {
    throw new HttpProblem(415, 'Content-Type must be application/json');
  }
  const text = await readBody(request, limit);
  let body: unknown;
  try {
    body = parseJsonLossless(text, { bigint: 'auto' });
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : 'malformed JSON');
  }
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
