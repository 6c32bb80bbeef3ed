import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { manageWorkspaces } from '../src/factories.js';
import { ManagementError } from '../src/management-error.js';
import { fakeCloudSession } from './fake-cloud-session.js';

function jwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}.c2lnbmF0dXJl`;
}

async function failure(promise: Promise<unknown>): Promise<ManagementError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!ManagementError.isInstance(error))
    throw new Error(`expected a ManagementError, got ${String(error)}`);
  return error;
}

describe('retries', () => {
  it('retries a GET after 500s and succeeds', async () => {
    const session = fakeCloudSession();
    await session.addFault({ method: 'GET', path: '^/v1/regions$', status: 500, times: 2 });
    const regions = await session.manager.listRegions();
    expect(regions.length).toBeGreaterThan(0);
    const attempts = (await session.requests()).filter((entry) => entry.path === '/v1/regions');
    expect(attempts.map((entry) => entry.status)).toEqual([500, 500, 200]);
  });

  it('gives up after the retry limit with the last status', async () => {
    const session = fakeCloudSession();
    await session.addFault({ method: 'GET', path: '^/v1/regions$', status: 503, times: 10 });
    const error = await failure(session.manager.listRegions());
    expect(error.status).toBe(503);
    expect((await session.requests()).length).toBe(3);
  });

  it('honours Retry-After on 429 before retrying', async () => {
    const session = fakeCloudSession();
    await session.addFault({
      method: 'GET',
      path: '^/v1/organizations/current$',
      status: 429,
      retryAfter: 0,
    });
    expect((await session.manager.organization()).name).toBe('Fake Organization');
    expect((await session.requests()).map((entry) => entry.status)).toEqual([429, 200]);

    // With an hour-long Retry-After the client must still be waiting when the caller gives up,
    // while its own backoff (20 ms here) would long since have retried.
    await session.clearRequests();
    await session.addFault({
      method: 'GET',
      path: '^/v1/organizations/current$',
      status: 429,
      retryAfter: 3600,
    });
    const controller = new AbortController();
    const pending = session.manager.organization(controller.signal);
    await vi.waitFor(async () => expect((await session.requests()).length).toBe(1));
    setTimeout(() => controller.abort(new Error('gave up')), 200);
    await expect(pending).rejects.toThrow('gave up');
    expect((await session.requests()).map((entry) => entry.status)).toEqual([429]);
  });

  it('never retries a POST that failed with 500', async () => {
    const session = fakeCloudSession();
    await session.addFault({ method: 'POST', path: '^/v1/secrets$', status: 500, times: 5 });
    const error = await failure(session.manager.secrets.create('name', 'value'));
    expect(error.status).toBe(500);
    expect((await session.requests()).filter((entry) => entry.method === 'POST').length).toBe(1);
  });

  it('retries a POST refused with 429, which the server did not run', async () => {
    const session = fakeCloudSession();
    await session.addFault({ method: 'POST', path: '^/v1/secrets$', status: 429, retryAfter: 0 });
    const secret = await session.manager.secrets.create('api-key', 'v');
    expect(secret.name).toBe('api-key');
    expect((await session.requests()).map((entry) => entry.status)).toEqual([429, 200]);
  });

  it('does not retry at all with retry: false', async () => {
    const session = fakeCloudSession({ retry: false });
    await session.addFault({ path: '^/v1/regions$', status: 500 });
    expect((await failure(session.manager.listRegions())).status).toBe(500);
    expect((await session.requests()).length).toBe(1);
  });
});

describe('timeouts and aborts', () => {
  it('turns a slow response into a TIMEOUT ManagementError', async () => {
    const session = fakeCloudSession({ timeout: 50, retry: false });
    await session.addFault({ path: '^/v1/regions$', delayMs: 500 });
    const error = await failure(session.manager.listRegions());
    expect(error.code).toBe('TIMEOUT');
    expect(error.path).toBe('regions');
  });

  it('rejects with the abort reason when the signal aborts', async () => {
    const session = fakeCloudSession();
    await session.addFault({ path: '^/v1/regions$', delayMs: 500 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('user cancelled')), 20);
    await expect(session.manager.listRegions(controller.signal)).rejects.toThrow('user cancelled');
  });
});

describe('errors', () => {
  it('carries status, method, path and a body excerpt, and never the token', async () => {
    const session = fakeCloudSession();
    const error = await failure(
      session.manager.getWorkspace('00000000-0000-4000-8000-000000000001'),
    );
    expect(error.status).toBe(404);
    expect(error.errno).toBe(404);
    expect(error.method).toBe('GET');
    expect(error.path).toBe('workspaces/00000000-0000-4000-8000-000000000001');
    expect(error.bodyExcerpt).toContain('not found');
    expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toContain(session.token);
  });

  it('redacts the token even when the server echoes it', async () => {
    const echoed = fakeCloudSession();
    await echoed.addFault({
      path: '^/v1/regions$',
      status: 403,
      body: `token ${echoed.token} is not allowed`,
    });
    const error = await failure(echoed.manager.listRegions());
    expect(error.message).not.toContain(echoed.token);
    expect(error.bodyExcerpt).toContain('[redacted]');
  });

  it('keeps the token out of every kind of failure, inspected in depth', async () => {
    const session = fakeCloudSession({ timeout: 50, retry: false });
    await session.addFault({ path: '^/v1/regions$', delayMs: 300 });
    const timeout = await failure(session.manager.listRegions());
    const refused = await failure(
      manageWorkspaces({
        accessToken: session.token,
        baseUrl: 'http://127.0.0.1:1',
        retry: false,
      }).listRegions(),
    );
    const missing = await failure(
      session.manager.getWorkspaceGroup('00000000-0000-4000-8000-000000000002'),
    );
    expect([timeout.code, refused.code, missing.code]).toEqual(['TIMEOUT', 'NETWORK', 'HTTP']);
    for (const error of [timeout, refused, missing]) {
      expect(inspect(error, { depth: 10, showHidden: true })).not.toContain(session.token);
      expect(JSON.stringify(error)).not.toContain(session.token);
    }
  });

  it('masks secret values in body excerpts', async () => {
    const session = fakeCloudSession();
    await session.addFault({
      path: '^/v1/regions$',
      status: 400,
      body: '{"password":"hunter2","error":"bad"}',
    });
    const error = await failure(session.manager.listRegions());
    expect(error.bodyExcerpt).not.toContain('hunter2');
    expect(error.bodyExcerpt).toContain('"error":"bad"');
  });

  it('names a missing required field of a response', async () => {
    const session = fakeCloudSession();
    await session.addFault({
      path: '^/v1/organizations/current$',
      status: 200,
      body: '{"name":"x"}',
    });
    const error = await failure(session.manager.organization());
    expect(error.code).toBe('INVALID_RESPONSE');
    expect(error.message).toContain('missing required field "orgID"');
  });

  it('tolerates unknown fields and unknown enum values', async () => {
    const session = fakeCloudSession();
    await session.addFault({
      path: '^/v1/regions$',
      status: 200,
      body: JSON.stringify([
        { regionID: 'r', region: 'Moon 1', provider: 'LUNAR', brandNew: { x: 1 } },
      ]),
    });
    const [region] = await session.manager.listRegions();
    expect(region).toEqual({ id: 'r', name: 'Moon 1', provider: 'LUNAR', regionName: undefined });
  });

  it('surfaces the fake cloud’s 400 validation message for a bad body', async () => {
    const session = fakeCloudSession();
    const error = await failure(
      session.manager.createWorkspaceGroup({ name: 'g', regionId: 'not-a-uuid' }),
    );
    expect(error.status).toBe(400);
    expect(error.message).toContain('regionID');
  });
});

describe('configuration', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('reads the token, base URL and version from the environment when not passed', async () => {
    const session = fakeCloudSession();
    vi.stubEnv('SINGLESTOREDB_MANAGEMENT_TOKEN', session.token);
    vi.stubEnv('SINGLESTOREDB_MANAGEMENT_BASE_URL', session.url);
    vi.stubEnv('SINGLESTOREDB_MANAGEMENT_VERSION', 'v1');
    const manager = manageWorkspaces();
    await session.manager.secrets.create('shared', 'one');
    expect((await manager.secrets.list()).names()).toEqual(['shared']);
  });

  it('lets explicit options win over the environment', async () => {
    const session = fakeCloudSession();
    vi.stubEnv('SINGLESTOREDB_MANAGEMENT_TOKEN', 'wrong-token');
    vi.stubEnv('SINGLESTOREDB_MANAGEMENT_BASE_URL', 'http://127.0.0.1:1');
    const manager = manageWorkspaces({ accessToken: session.token, baseUrl: session.url });
    await session.manager.secrets.create('mine', 'one');
    expect((await manager.secrets.list()).names()).toEqual(['mine']);
  });

  it('uses a JWT password from SINGLESTOREDB_URL and ignores an expired one', async () => {
    const session = fakeCloudSession();
    const token = jwt({ sub: 'notebook', exp: Math.floor(Date.now() / 1000) + 3600 });
    vi.stubEnv('SINGLESTOREDB_MANAGEMENT_TOKEN', '');
    vi.stubEnv('SINGLESTOREDB_URL', `admin:${token}@host.example:3306/db`);
    const manager = manageWorkspaces({ baseUrl: session.url });
    await manager.secrets.create('from-jwt', 'x');
    const sameTenant = manageWorkspaces({ baseUrl: session.url, accessToken: token });
    expect((await sameTenant.secrets.list()).names()).toEqual(['from-jwt']);

    vi.stubEnv('SINGLESTOREDB_URL', `admin:${jwt({ exp: 1 })}@host.example:3306/db`);
    expect(() => manageWorkspaces({ baseUrl: session.url })).toThrow(/No management token/);
    vi.stubEnv('SINGLESTOREDB_URL', 'admin:plain-password@host.example:3306/db');
    expect(() => manageWorkspaces({ baseUrl: session.url })).toThrow(/No management token/);
  });

  it('sends organizationID on every request, from the option or the environment', async () => {
    const session = fakeCloudSession({ organizationId: '11111111-1111-4111-8111-111111111111' });
    await session.manager.listRegions();
    vi.stubEnv('SINGLESTOREDB_ORGANIZATION', '22222222-2222-4222-8222-222222222222');
    await manageWorkspaces({ ...session.settings, organizationId: undefined }).listRegions();
    const queries = (await session.requests()).map((entry) => entry.query);
    expect(queries).toEqual([
      '?organizationID=11111111-1111-4111-8111-111111111111',
      '?organizationID=22222222-2222-4222-8222-222222222222',
    ]);
  });

  it('accepts a token provider called before each request', async () => {
    const session = fakeCloudSession();
    const provider = vi.fn(() => session.token);
    const manager = manageWorkspaces({ baseUrl: session.url, accessToken: provider });
    await manager.listRegions();
    await manager.listRegions();
    expect(provider).toHaveBeenCalledTimes(2);
  });
});
