import { afterEach, describe, expect, it, vi } from 'vitest';
import { manageRegions } from '../src/factories.js';
import { ManagementError } from '../src/management-error.js';
import { fakeCloudSession } from './fake-cloud-session.js';

describe('secrets', () => {
  it('creates, finds by name, updates and deletes secrets', async () => {
    const session = fakeCloudSession();
    const created = await session.manager.secrets.create('db-password', 's3cret');
    expect(created.createdAt).toBeInstanceOf(Date);
    const found = await session.manager.secrets.get('db-password');
    expect(found.id).toBe(created.id);
    expect((await session.manager.secrets.getById(created.id)).value).toBe('s3cret');
    await found.update('rotated');
    expect((await session.manager.secrets.getById(created.id)).value).toBe('rotated');
    await found.delete();
    const error = await session.manager.secrets
      .get('db-password')
      .catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(error) && error.code).toBe('ENOENT');
  });

  it('accepts the live {secrets:[…]} wrapper as well as the spec’s bare array', async () => {
    const session = fakeCloudSession();
    await session.manager.secrets.create('wrapped', 'v');
    await session.configure({ wrapSecretLists: true });
    expect((await session.manager.secrets.list()).names()).toEqual(['wrapped']);
    expect((await (await session.manager.organization()).secrets.get('wrapped')).name).toBe(
      'wrapped',
    );
  });
});

describe('jobs', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('runs a notebook once, waits for it and reads executions and parameters', async () => {
    const session = fakeCloudSession();
    const jobs = session.manager.jobs;
    const before = Date.now();
    const job = await jobs.run('Scheduling Test.ipynb', {
      runtimeName: 'notebooks-cpu-small',
      parameters: { table: 'events', limit: 10, ratio: 0.5, dryRun: true },
    });
    expect(job.schedule.mode).toBe('Once');
    expect(job.schedule.startAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(job.executionConfig.notebookPath).toBe('Scheduling Test.ipynb');
    expect(await job.wait({ waitInterval: 10, waitTimeout: 5_000 })).toBe(true);
    const refreshed = await jobs.get(job.id);
    expect(refreshed.completedExecutionsCount).toBe(1);
    expect(refreshed.jobMetadata[0]?.status).toBe('Completed');
    const executions = await job.getExecutions(1, 1);
    expect(executions.executions[0]?.status).toBe('Completed');
    expect(executions.executions[0]?.scheduledStartTime).toBeInstanceOf(Date);
    expect(await job.getParameters()).toEqual([
      { name: 'table', value: 'events', type: 'string' },
      { name: 'limit', value: '10', type: 'integer' },
      { name: 'ratio', value: '0.5', type: 'float' },
      { name: 'dryRun', value: 'true', type: 'boolean' },
    ]);
    expect(await job.delete()).toBe(true);
    expect((await jobs.get(job.id)).terminatedAt).toBeInstanceOf(Date);
  });

  it('wait returns false on timeout and refuses recurring jobs', async () => {
    const session = fakeCloudSession();
    await session.configure({ transitionDelayMs: 60_000 });
    const jobs = session.manager.jobs;
    const once = await jobs.run('slow.ipynb');
    expect(await jobs.wait([once], { waitInterval: 5, waitTimeout: 30 })).toBe(false);
    const recurring = await jobs.schedule({
      notebookPath: 'hourly.ipynb',
      mode: 'Recurring',
      createSnapshot: true,
      executionIntervalInMinutes: 60,
      name: 'hourly',
    });
    await expect(jobs.wait([recurring])).rejects.toThrow(/recurring/);
  });

  it('targets the workspace named in the environment when a default database is set', async () => {
    const session = fakeCloudSession();
    vi.stubEnv('SINGLESTOREDB_DEFAULT_DATABASE', 'analytics');
    vi.stubEnv('SINGLESTOREDB_WORKSPACE', '33333333-3333-4333-8333-333333333333');
    const job = await session.manager.jobs.run('x.ipynb');
    expect(job.targetConfig).toMatchObject({
      databaseName: 'analytics',
      targetId: '33333333-3333-4333-8333-333333333333',
      targetType: 'Workspace',
      resumeTarget: false,
    });
  });

  it('lists modes and runtimes', async () => {
    const session = fakeCloudSession();
    expect(session.manager.jobs.modes()).toEqual(['Once', 'Recurring']);
    expect((await session.manager.jobs.runtimes()).map((runtime) => runtime.name)).toContain(
      'notebooks-cpu-small',
    );
  });
});

describe('regions, organization and starter workspaces', () => {
  it('lists regions, shared-tier regions and v2 regions', async () => {
    const session = fakeCloudSession();
    const regions = manageRegions({ accessToken: session.token, baseUrl: session.url });
    const all = await regions.listRegions();
    expect(new Set(all.map((region) => region.provider))).toEqual(new Set(['AWS', 'GCP', 'Azure']));
    expect(all.get('US East 1 (N. Virginia)')?.id).toMatch(/^[0-9a-f-]{36}$/);
    const shared = await regions.listSharedTierRegions();
    expect(
      shared.every((region) => region.id === undefined && region.regionName !== undefined),
    ).toBe(true);
    const v2 = await regions.listRegionsV2();
    expect(v2.length).toBe(all.length);
    expect((await session.requests()).map((entry) => entry.path)).toEqual([
      '/v1/regions',
      '/v1/regions/sharedtier',
      '/v2/regions',
    ]);
  });

  it('reads the current organization', async () => {
    const session = fakeCloudSession();
    const organization = await session.manager.organization();
    expect(organization.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(organization.firewallRanges).toEqual(['0.0.0.0/0']);
    await organization.refresh();
    expect(organization.name).toBe('Fake Organization');
  });

  it('creates a starter workspace with a user and its own stage', async () => {
    const session = fakeCloudSession();
    const starter = await session.manager.createStarterWorkspace({
      name: 'starter',
      databaseName: 'db',
      provider: 'AWS',
      regionName: 'us-east-1',
    });
    expect(starter.endpoint).toContain('fake-cloud.test');
    expect((await session.manager.listStarterWorkspaces()).get('starter')?.id).toBe(starter.id);
    const user = await starter.createUser('alice');
    expect(user.password).toBeTruthy();
    const chosen = await starter.createUser('bob', { password: 'Chosen-pw-1' });
    expect(chosen.password).toBe('Chosen-pw-1');
    await starter.updateUser(user.userId, 'New-pw-2');
    await starter.deleteUser(user.userId);
    await starter.stage.uploadFile(new Uint8Array([1]), 'x.bin');
    expect(await starter.stage.listdir()).toEqual(['x.bin']);
    await starter.terminate();
    const error = await session.manager
      .getStarterWorkspace(starter.id)
      .catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(error) && error.status).toBe(404);
  });
});
