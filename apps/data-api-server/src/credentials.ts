import type { IncomingHttpHeaders } from 'node:http';
import { HttpProblem } from './http-problem.js';

/** Database credentials taken from a request. */
export interface Credentials {
  user: string;
  password: string;
}

/**
 * Turns a Bearer token into database credentials (for example by verifying a JWT and using
 * the token itself as the password of a JWT-authenticated user); return null to reject it.
 */
export type BearerVerifier = (token: string) => Promise<Credentials | null> | Credentials | null;

const REALM = 'Basic realm="SingleStore Data API", charset="UTF-8"';

function unauthorized(body: string): HttpProblem {
  return new HttpProblem(401, body, { 'www-authenticate': REALM });
}

/**
 * The database credentials of a request (data-api.md §5): Basic `user:password` passed
 * through as-is; Bearer only when a verifier is configured, else rejected with 401.
 */
export async function credentialsOf(
  headers: IncomingHttpHeaders,
  verifyBearer: BearerVerifier | undefined,
): Promise<Credentials> {
  const header = headers.authorization;
  if (header === undefined || header.trim() === '') {
    throw unauthorized(
      'Error 1045: Access denied: no credentials were given (use Basic authentication)',
    );
  }
  const space = header.indexOf(' ');
  const scheme = header.slice(0, space < 0 ? header.length : space).toLowerCase();
  const value = space < 0 ? '' : header.slice(space + 1).trim();
  if (scheme === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0) throw unauthorized('Error 1045: Access denied: malformed Basic credentials');
    return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (scheme === 'bearer') {
    if (verifyBearer === undefined) {
      throw unauthorized(
        'Error 1045: Access denied: JWT (Bearer) authentication is not configured on this server; use Basic authentication',
      );
    }
    const credentials = await verifyBearer(value);
    if (credentials === null)
      throw unauthorized('Error 1045: Access denied: the Bearer token was rejected');
    return credentials;
  }
  throw unauthorized('Error 1045: Access denied: unsupported authorization scheme');
}
