import { describe, expect, it } from 'vitest';
import { ManagementError } from '../src/management-error.js';
import { fakeCloudSession, someRegionId } from './fake-cloud-session.js';

const fastWait = { waitInterval: 10, waitTimeout: 5_000 };

describe('workspace groups', () => {
  it('creates, lists, gets, updates and terminates a group', async () => {
    const session = fakeCloudSession();
    const regionId = await someRegionId(session);
    const group = await session.manager.createWorkspaceGroup({
      name: 'analytics',
      regionId,
      firewallRanges: ['10.0.0.0/8'],
    });
    expect(group.name).toBe('analytics');
    expect(group.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(group.createdAt).toBeInstanceOf(Date);
    expect(group.provider).toBe('AWS');
    expect(group.firewallRanges).toEqual(['10.0.0.0/8']);
    expect(typeof group.adminPassword).toBe('string');
    expect(JSON.stringify(group)).not.toContain(group.adminPassword);

    const groups = await session.manager.listWorkspaceGroups();
    expect(groups.get('analytics')?.id).toBe(group.id);
    expect(groups.get(group.id)?.name).toBe('analytics');

    await group.update({ name: 'analytics-2', allowAllTraffic: true });
    expect(group.name).toBe('analytics-2');
    expect((await session.manager.getWorkspaceGroup(group.id)).allowAllTraffic).toBe(true);

    await group.terminate({ wait: true, ...fastWait });
    expect(group.terminatedAt).toBeInstanceOf(Date);
    expect((await session.manager.listWorkspaceGroups()).get(group.id)).toBeUndefined();
    expect(
      (await session.manager.listWorkspaceGroups({ includeTerminated: true })).get(group.id),
    ).toBeDefined();
  });

  it('creates a group by provider and region name, and sends force only when asked', async () => {
    const session = fakeCloudSession();
    const group = await session.manager.createWorkspaceGroup({
      name: 'by-name',
      provider: 'GCP',
      regionName: 'us-central1',
      adminPassword: 'given-Password-1',
    });
    expect(group.regionName).toBe('us-central1');
    expect(group.adminPassword).toBe('given-Password-1');
    await group.createWorkspace({ name: 'blocker' });
    const refusal = await group.terminate().catch((error: unknown) => error);
    expect(ManagementError.isInstance(refusal) && refusal.status).toBe(409);
    await group.terminate({ force: true });
    const deletes = (await session.requests()).filter((entry) => entry.method === 'DELETE');
    expect(deletes.map((entry) => entry.query)).toEqual(['', '?force=true']);
  });

  it('reports an unknown id as a 404 ManagementError and a malformed id as 400 naming UUID', async () => {
    const session = fakeCloudSession();
    const missing = await session.manager
      .getWorkspaceGroup('00000000-0000-4000-8000-000000000000')
      .catch((error: unknown) => error);
    expect(ManagementError.isInstance(missing) && missing.status).toBe(404);
    const malformed = await session.manager
      .getWorkspaceGroup('not-a-uuid')
      .catch((error: unknown) => error);
    expect(ManagementError.isInstance(malformed) && malformed.status).toBe(400);
    expect(String((malformed as Error).message)).toContain('UUID');
  });
});

describe('workspaces', () => {
  async function groupIn(session: ReturnType<typeof fakeCloudSession>) {
    return session.manager.createWorkspaceGroup({
      name: 'group',
      regionId: await someRegionId(session),
    });
  }

  it('creates a workspace and waits until it is ACTIVE with an endpoint', async () => {
    const session = fakeCloudSession();
    const group = await groupIn(session);
    const workspace = await session.manager.createWorkspace({
      name: 'ws-1',
      workspaceGroup: group,
      size: 'S-2',
      autoSuspend: { suspendType: 'IDLE', suspendAfterSeconds: 3600 },
      waitOnActive: true,
      ...fastWait,
    });
    expect(workspace.state).toBe('ACTIVE');
    expect(workspace.endpoint).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(workspace.size).toBe('S-2');
    expect(workspace.autoSuspend?.suspendType).toBe('IDLE');
    expect(workspace.createdAt).toBeInstanceOf(Date);
    const listed = await group.listWorkspaces();
    expect(listed.get('ws-1')?.id).toBe(workspace.id);
    expect((await session.manager.listWorkspaces(group.id)).ids()).toEqual([workspace.id]);
  });

  it('waits for the endpoint to greet, within the same timeout, unless told not to probe', async () => {
    const session = fakeCloudSession();
    await session.configure({ endpointsReachable: false });
    const group = await groupIn(session);
    const error = await group
      .createWorkspace({
        name: 'unreachable',
        waitOnActive: true,
        waitInterval: 10,
        waitTimeout: 300,
      })
      .catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(error) && error.code).toBe('WAIT_TIMEOUT');
    expect((error as Error).message).toContain('endpoint');
    const unprobed = await group.createWorkspace({
      name: 'unprobed',
      waitOnActive: true,
      probeEndpoint: false,
      ...fastWait,
    });
    expect(unprobed.state).toBe('ACTIVE');
  });

  it('without waiting returns the PENDING workspace at once', async () => {
    const session = fakeCloudSession();
    await session.configure({ transitionDelayMs: 60_000 });
    const group = await groupIn(session);
    const workspace = await group.createWorkspace({ name: 'slow' });
    expect(workspace.state).toBe('PENDING');
  });

  it('suspends, resumes and terminates with waiting', async () => {
    const session = fakeCloudSession();
    const group = await groupIn(session);
    const workspace = await group.createWorkspace({
      name: 'cycle',
      waitOnActive: true,
      ...fastWait,
    });
    await workspace.suspend({ wait: true, ...fastWait });
    expect(workspace.state).toBe('SUSPENDED');
    await workspace.resume({ wait: true, disableAutoSuspend: true, ...fastWait });
    expect(workspace.state).toBe('ACTIVE');
    expect(workspace.lastResumedAt).toBeInstanceOf(Date);
    await workspace.update({ size: 'S-4', cacheConfig: 2 });
    expect(workspace.size).toBe('S-4');
    await workspace.terminate({ wait: true, ...fastWait });
    expect(workspace.state).toBe('TERMINATED');
    expect(workspace.terminatedAt).toBeInstanceOf(Date);
    const paths = (await session.requests()).map(
      (entry) => `${entry.method} ${entry.path}${entry.query}`,
    );
    expect(paths).toContain(`DELETE /v1/workspaces/${workspace.id}`);
  });

  it('waits across the Python-era state names (PendingCreation, Active, Suspended, Resumed, Terminated)', async () => {
    const session = fakeCloudSession();
    await session.configure({ legacyStateNames: true });
    const group = await groupIn(session);
    const workspace = await group.createWorkspace({
      name: 'legacy',
      waitOnActive: true,
      ...fastWait,
    });
    expect(workspace.state).toBe('Active');
    await workspace.suspend({ wait: true, ...fastWait });
    expect(workspace.state).toBe('Suspended');
    await workspace.resume({ wait: true, ...fastWait });
    expect(workspace.state).toBe('Resumed');
    await workspace.terminate({ wait: true, ...fastWait });
    expect(workspace.state).toBe('Terminated');
  });

  it('refuses to suspend a workspace that is not ACTIVE (409)', async () => {
    const session = fakeCloudSession();
    await session.configure({ transitionDelayMs: 60_000 });
    const workspace = await (await groupIn(session)).createWorkspace({ name: 'pending' });
    const error = await workspace.suspend().catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(error) && error.status).toBe(409);
  });

  it('ends a wait with WAIT_TIMEOUT when the deadline passes', async () => {
    const session = fakeCloudSession();
    await session.configure({ transitionDelayMs: 60_000 });
    const group = await groupIn(session);
    const error = await group
      .createWorkspace({ name: 'never', waitOnActive: true, waitInterval: 5, waitTimeout: 40 })
      .catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(error) && error.code).toBe('WAIT_TIMEOUT');
    expect((error as Error).message).toContain('to become ACTIVE');
  });

  it('ends a wait with WAIT_FAILED when the workspace fails', async () => {
    const session = fakeCloudSession();
    const group = await groupIn(session);
    const error = await group
      .createWorkspace({ name: 'fail-this', waitOnActive: true, ...fastWait })
      .catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(error) && error.code).toBe('WAIT_FAILED');
  });

  it('aborts a wait with the signal reason', async () => {
    const session = fakeCloudSession();
    await session.configure({ transitionDelayMs: 60_000 });
    const group = await groupIn(session);
    const controller = new AbortController();
    const pending = group.createWorkspace({
      name: 'aborted',
      waitOnActive: true,
      waitInterval: 5,
      waitTimeout: 60_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('stop waiting')), 30);
    await expect(pending).rejects.toThrow('stop waiting');
  });

  it('lists private connections, the Kai service and the outbound allow list', async () => {
    const session = fakeCloudSession();
    const group = await groupIn(session);
    const workspace = await group.createWorkspace({ name: 'pc', waitOnActive: true, ...fastWait });
    expect(await workspace.listPrivateConnections()).toEqual([]);
    expect((await workspace.kaiPrivateConnection()).serviceName).toMatch(/^kai-/);
    expect((await workspace.outboundAllowList())[0]?.outboundAllowList).toMatch(/^account-/);
    expect(await group.identity()).toContain(group.id);
  });
});
