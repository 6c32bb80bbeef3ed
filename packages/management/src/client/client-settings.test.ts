import { afterEach, describe, expect, it, vi } from 'vitest';
import { isUsableJwt, jwtFromDatabaseUrl, resolveSettings } from './client-settings.js';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (payload: Record<string, unknown>) =>
  `${encode({ alg: 'RS256' })}.${encode(payload)}.c2ln`;

describe('JWT detection', () => {
  it('accepts a well-formed unexpired JWT and rejects others', () => {
    expect(isUsableJwt(jwt({ sub: 'x' }))).toBe(true);
    expect(isUsableJwt(jwt({ exp: Date.now() / 1000 + 60 }))).toBe(true);
    expect(isUsableJwt(jwt({ exp: Date.now() / 1000 - 60 }))).toBe(false);
    expect(isUsableJwt('plain-password')).toBe(false);
    expect(isUsableJwt(`${encode({ typ: 'x' })}.${encode({})}.sig`)).toBe(false);
  });

  it('reads the password of SINGLESTOREDB_URL with or without a scheme', () => {
    const token = jwt({ sub: 'x' });
    expect(jwtFromDatabaseUrl(`user:${token}@host:3306/db`)).toBe(token);
    expect(jwtFromDatabaseUrl(`https://user:${token}@host/db`)).toBe(token);
    expect(jwtFromDatabaseUrl('user:pw@host')).toBeUndefined();
  });
});

describe('resolveSettings', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('trims the base URL and version and applies defaults', () => {
    const settings = resolveSettings({ accessToken: 't', baseUrl: 'http://x/', version: '/v2/' });
    expect(settings.baseUrl).toBe('http://x');
    expect(settings.version).toBe('v2');
    expect(settings.timeout).toBe(60_000);
    expect(settings.retry).toEqual({ limit: 3, backoffLimit: 10_000, maxRetryAfter: 60_000 });
  });

  it('reads the base URL and version from the environment when created, not later', () => {
    vi.stubEnv('SINGLESTOREDB_MANAGEMENT_BASE_URL', 'http://env-host');
    vi.stubEnv('SINGLESTOREDB_MANAGEMENT_VERSION', 'v9');
    const settings = resolveSettings({ accessToken: 't' });
    vi.stubEnv('SINGLESTOREDB_MANAGEMENT_VERSION', 'v1');
    expect(settings.baseUrl).toBe('http://env-host');
    expect(settings.version).toBe('v9');
  });

  it('re-reads the environment token before each request', async () => {
    vi.stubEnv('SINGLESTOREDB_MANAGEMENT_TOKEN', 'first');
    const settings = resolveSettings();
    expect(await settings.token()).toBe('first');
    vi.stubEnv('SINGLESTOREDB_MANAGEMENT_TOKEN', 'second');
    expect(await settings.token()).toBe('second');
  });
});
