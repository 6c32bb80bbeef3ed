import { operations } from '@s2/management/internal';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeCloud, handlers, startFakeCloud } from './fake-cloud.js';
import { matchRoutes } from './route-table.js';

let cloud: FakeCloud;

beforeAll(async () => {
  cloud = await startFakeCloud({ port: 0, transitionDelayMs: 20 });
});

afterAll(async () => {
  await cloud.close();
});

function call(token: string | undefined, method: string, path: string, body?: unknown) {
  return fetch(`${cloud.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      'content-type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const regionId = async (token: string) => {
  const regions = (await (await call(token, 'GET', '/v1/regions')).json()) as {
    regionID: string;
  }[];
  return regions[0]?.regionID ?? '';
};

describe('fake cloud', () => {
  it('requires a bearer token', async () => {
    const response = await call(undefined, 'GET', '/v1/regions');
    expect(response.status).toBe(401);
  });

  it('answers 404 for unknown paths and 405 for wrong methods', async () => {
    expect((await call('t', 'GET', '/v1/nothing')).status).toBe(404);
    expect((await call('t', 'PUT', '/v1/regions')).status).toBe(405);
  });

  it('validates bodies, queries and UUID path parameters against the spec', async () => {
    const missing = await call('t', 'POST', '/v1/secrets', { name: 'x' });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('value');
    const unknownKey = await call('t', 'POST', '/v1/secrets', { name: 'x', value: 'y', extra: 1 });
    expect(unknownKey.status).toBe(400);
    const badQuery = await call(
      't',
      'GET',
      '/v1/billing/usage?startTime=a&endTime=b&aggregateBy=week',
    );
    expect(badQuery.status).toBe(400);
    const badId = await call('t', 'GET', '/v1/workspaces/not-a-uuid');
    expect(badId.status).toBe(400);
    expect(await badId.text()).toContain('UUID');
    const badJson = await fetch(`${cloud.url}/v1/secrets`, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: '{',
    });
    expect(badJson.status).toBe(400);
  });

  it('keeps tenants apart', async () => {
    await call('tenant-a', 'POST', '/v1/secrets', { name: 'a', value: '1' });
    const other = (await (await call('tenant-b', 'GET', '/v1/secrets')).json()) as unknown[];
    expect(other).toEqual([]);
  });

  it('keeps a workspace PENDING until its transition delay has passed, then ACTIVE', async () => {
    const token = 'transitions';
    const created = (await (
      await call(token, 'POST', '/v1/workspaceGroups', {
        name: 'g',
        regionID: await regionId(token),
        firewallRanges: [],
      })
    ).json()) as { workspaceGroupID: string; adminPassword: string };
    expect(created.adminPassword).toBeTruthy();
    const create = async (name: string) =>
      (
        (await (
          await call(token, 'POST', '/v1/workspaces', {
            name,
            workspaceGroupID: created.workspaceGroupID,
          })
        ).json()) as { workspaceID: string }
      ).workspaceID;
    const state = async (id: string) =>
      ((await (await call(token, 'GET', `/v1/workspaces/${id}`)).json()) as { state: string })
        .state;
    await call(token, 'PATCH', '/_fake/settings', { transitionDelayMs: 3_600_000 });
    const slow = await create('slow');
    await call(token, 'PATCH', '/_fake/settings', { transitionDelayMs: 0 });
    const instant = await create('instant');
    expect(await state(slow)).toBe('PENDING');
    expect(await state(instant)).toBe('ACTIVE');
  });

  it('injects faults a given number of times, with Retry-After', async () => {
    const token = 'faults';
    await call(token, 'POST', '/_fake/faults', {
      path: '^/v1/regions$',
      status: 429,
      retryAfter: 3,
      times: 2,
    });
    const first = await call(token, 'GET', '/v1/regions');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect((await call(token, 'GET', '/v1/regions')).status).toBe(429);
    expect((await call(token, 'GET', '/v1/regions')).status).toBe(200);
    const log = (await (await call(token, 'GET', '/_fake/requests')).json()) as {
      status: number;
    }[];
    expect(log.map((entry) => entry.status)).toEqual([429, 429, 200]);
  });

  it('prefers literal routes over parameters', () => {
    expect(matchRoutes('/v1/users/current')[0]?.route.name).toBe('GetV1UsersCurrent');
    expect(matchRoutes('/v1/jobs/runtimes')[0]?.route.name).toBe('GetV1JobsRuntimes');
    expect(matchRoutes('/v1/stage/x/fs/a/b/')[0]?.params.path).toBe('a/b/');
  });

  it('implements every operation of the spec', () => {
    const names = Object.keys(operations);
    expect(names.length).toBe(136);
    expect(names.filter((name) => !(name in handlers))).toEqual([]);
  });
});
