import { describe, expect, it } from 'vitest';
import { ManagementError } from '../src/management-error.js';
import { fakeCloudSession, someRegionId } from './fake-cloud-session.js';

const fastWait = { waitInterval: 10, waitTimeout: 5_000 };

async function activeWorkspace(session: ReturnType<typeof fakeCloudSession>) {
  const group = await session.manager.createWorkspaceGroup({
    name: 'g',
    regionId: await someRegionId(session),
  });
  const workspace = await group.createWorkspace({ name: 'w', waitOnActive: true, ...fastWait });
  return { group, workspace };
}

describe('delegated entities and identities', () => {
  it('adds, lists and removes delegated entities, reporting failures of a 207', async () => {
    const session = fakeCloudSession();
    const { group, workspace } = await activeWorkspace(session);
    const added = await workspace.delegatedEntities.add(['app-1', 'app-2']);
    expect(added.map((entry) => entry.entity)).toEqual(['app-1', 'app-2']);
    expect(added[0]?.createdAt).toBeInstanceOf(Date);
    expect(await workspace.delegatedEntities.remove(['app-1', 'ghost'])).toEqual({
      deleted: ['app-1'],
      failed: ['ghost'],
    });
    expect((await workspace.delegatedEntities.list()).map((entry) => entry.entity)).toEqual([
      'app-2',
    ]);
    await group.delegatedEntities.add(['group-app']);
    expect((await group.delegatedEntities.list()).map((entry) => entry.entity)).toEqual([
      'group-app',
    ]);
    expect(await group.delegatedEntities.remove(['group-app'])).toEqual({
      deleted: ['group-app'],
      failed: [],
    });
    expect(await workspace.identity()).toContain(workspace.id);
  });

  it('creates, updates and deletes service accounts and cloud principals', async () => {
    const session = fakeCloudSession();
    const identities = session.manager.serviceIdentities;
    const account = await identities.createServiceAccount('CI Bot', { description: 'pipelines' });
    expect(account.email).toContain('@service.');
    expect(
      (await identities.updateServiceAccount(account.serviceAccountId, { description: 'deploys' }))
        .description,
    ).toBe('deploys');
    const listed = await session.manager.users.list();
    expect(listed.get(account.serviceAccountId)?.userKind).toBe('ServiceAccount');
    await identities.deleteServiceAccount(account.serviceAccountId);
    const principal = await identities.createCloudPrincipal({
      name: 'role',
      cloudPrincipal: 'arn:aws:iam::1:role/x',
    });
    expect(
      (await identities.updateCloudPrincipal(principal.cloudPrincipalId, { name: 'renamed' })).name,
    ).toBe('renamed');
    await identities.deleteCloudPrincipal(principal.cloudPrincipalId);
    const error = await identities
      .deleteCloudPrincipal(principal.cloudPrincipalId)
      .catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(error) && error.status).toBe(404);
  });
});

describe('v2 authorization and virtual clusters', () => {
  it('lists permissions and manages organization roles with PUT replacement', async () => {
    const session = fakeCloudSession();
    const authorization = session.manager.authorization;
    expect((await authorization.permissions()).length).toBeGreaterThan(0);
    expect((await authorization.permissions('Secret'))[0]?.permission).toBe('Secret.read');
    await authorization.createRole({
      role: 'auditor',
      permissions: [{ resourceType: 'Organization', permissions: ['organization.read'] }],
    });
    const replaced = await authorization.replaceRole('auditor', {
      newName: 'reader',
      permissions: [{ resourceType: 'WorkspaceGroup', permissions: ['workspaceGroup.read'] }],
    });
    expect(replaced.role).toBe('reader');
    expect((await authorization.getRole('reader')).permissions[0]?.resourceType).toBe(
      'WorkspaceGroup',
    );
    await authorization.deleteRole('reader');
    expect(await authorization.listRoles()).toEqual([]);
    expect(
      (await session.requests()).every((entry) => entry.path.startsWith('/v2/authorization')),
    ).toBe(true);
  });

  it('creates virtual clusters with users under /v2', async () => {
    const session = fakeCloudSession();
    const cluster = await session.manager.virtualClusters.create({
      name: 'vc',
      databaseName: 'db',
      provider: 'AWS',
      regionName: 'us-east-1',
    });
    expect((await session.manager.virtualClusters.list()).get('vc')?.id).toBe(cluster.id);
    const user = await cluster.createUser('dev');
    await cluster.updateUser(user.userId, 'Another-pw-1');
    await cluster.deleteUser(user.userId);
    await cluster.terminate();
    expect(await session.manager.virtualClusters.list()).toEqual([]);
    expect((await session.requests()).every((entry) => entry.path.startsWith('/v2/'))).toBe(true);
  });
});

describe('flows, cloud functions and billing simulation', () => {
  it('creates, lists and deletes flows', async () => {
    const session = fakeCloudSession();
    const { workspace } = await activeWorkspace(session);
    const flow = await session.manager.flows.create({
      name: 'ingest',
      workspaceId: workspace.id,
      databaseName: 'db',
      userName: 'flow_user',
    });
    expect(flow.createdAt).toBeInstanceOf(Date);
    expect((await session.manager.flows.list()).get('ingest')?.id).toBe(flow.id);
    await flow.delete();
    expect(await session.manager.flows.list()).toEqual([]);
    expect(
      (await session.manager.flows.list({ includeTerminated: true }))[0]?.deletedAt,
    ).toBeInstanceOf(Date);
  });

  it('pages through cloud functions and issues tokens', async () => {
    const session = fakeCloudSession();
    const functions = session.manager.cloudFunctions;
    const created = [];
    for (let index = 0; index < 5; index += 1)
      created.push(await functions.create({ name: `fn-${index}` }));
    const names: string[] = [];
    for await (const entry of functions.list({ pageSize: 2 })) names.push(entry.name);
    expect(names).toEqual(['fn-0', 'fn-1', 'fn-2', 'fn-3', 'fn-4']);
    const first = created[0];
    if (!first) throw new Error('nothing created');
    const updated = await functions.update(first.serviceId, { description: 'first' });
    expect(updated.lastUpdatedAt).toBeInstanceOf(Date);
    const stale = await functions
      .update(first.serviceId, { description: 'x', lastKnownUpdatedAt: new Date(0) })
      .catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(stale) && stale.status).toBe(409);
    const token = await functions.token(first.serviceId);
    expect(token.jwt.split('.').length).toBe(3);
    expect(token.expiresAt).toBeInstanceOf(Date);
    expect((await functions.delete(first.serviceId)).status).toBe('Deleted');
  });

  it('simulates usage for resource configurations', async () => {
    const session = fakeCloudSession();
    const usage = await session.manager.billing.simulate({
      startAt: new Date('2026-01-01T00:00:00Z'),
      endBefore: new Date('2026-01-02T00:00:00Z'),
      resources: [
        {
          id: '55555555-5555-4555-8555-555555555555',
          startAt: new Date('2026-01-01T00:00:00Z'),
          endBefore: new Date('2026-01-01T12:00:00Z'),
          size: 'S-2',
          edition: 'Standard',
        },
      ],
    });
    expect(usage).toEqual([
      expect.objectContaining({
        id: '55555555-5555-4555-8555-555555555555',
        amount: 12,
        metric: 'ComputeHour',
      }),
    ]);
  });
});
