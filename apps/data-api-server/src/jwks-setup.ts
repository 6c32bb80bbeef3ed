import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { HttpProblem } from './http-problem.js';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Checks that a request may call `/api/v2/jwks_setup`: only with `Authorization: Bearer
 * <adminToken>`, and not at all when the server was started without an admin token. Replacing
 * the key set decides who can log in, so it is closed by default. The comparison runs over
 * digests in constant time, so response timing reveals nothing about the token.
 */
export function assertAdmin(headers: IncomingHttpHeaders, adminToken: string | undefined): void {
  if (adminToken === undefined || adminToken === '') {
    throw new HttpProblem(
      403,
      '/api/v2/jwks_setup is disabled: start the server with an admin token to enable it',
    );
  }
  const header = headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  const token = match?.[1] ?? '';
  if (!timingSafeEqual(digest(token), digest(adminToken))) {
    throw new HttpProblem(
      401,
      'Error 1045: Access denied: /api/v2/jwks_setup needs the admin token',
      {
        'www-authenticate': 'Bearer realm="SingleStore Data API admin"',
      },
    );
  }
}
