import { describe, expect, it } from 'vitest';
import { fakeCloudSession, someRegionId } from './fake-cloud-session.js';

describe('teams, users, roles and access controls', () => {
  it('manages teams with the spec’s member lists', async () => {
    const session = fakeCloudSession();
    const me = await session.manager.users.current();
    const team = await session.manager.teams.create('data', { description: 'Data team' });
    const nested = await session.manager.teams.create('nested');
    await team.update({
      addMemberUserIds: [me.id],
      addMemberTeamIds: [nested.id],
      description: 'Data',
    });
    expect(team.memberUsers?.map((user) => user.userId)).toEqual([me.id]);
    expect(team.memberTeams?.map((member) => member.teamId)).toEqual([nested.id]);
    expect(team.description).toBe('Data');
    await team.update({ removeMemberUserEmails: [me.email] });
    expect(team.memberUsers).toEqual([]);
    expect((await session.manager.teams.list({ name: 'data' })).ids()).toEqual([team.id]);
    await nested.delete();
    expect((await session.manager.teams.list()).names()).toEqual(['data']);
  });

  it('adds, lists and removes users and reports identity roles from access controls', async () => {
    const session = fakeCloudSession();
    await session.manager.users.add('new.person@example.com');
    const [added] = await session.manager.users.list({ email: 'new.person@example.com' });
    expect(added?.email).toBe('new.person@example.com');
    const organization = await session.manager.organization();
    await organization.accessControls.update({
      grants: [{ role: 'Reader', users: [added?.id ?? ''] }],
    });
    const roles = await organization.accessControls.list();
    expect(roles[0]?.grants[0]?.createdAt).toBeInstanceOf(Date);
    expect(await added?.identityRoles()).toEqual([
      { resourceId: organization.id, resourceType: 'organization', role: 'Reader' },
    ]);
    await organization.accessControls.update({
      revokes: [{ role: 'Reader', users: [added?.id ?? ''] }],
    });
    expect(await added?.identityRoles()).toEqual([]);
    await added?.remove();
    expect((await session.manager.users.list()).length).toBe(1);
  });

  it('creates custom roles, replaces them with PUT and deletes them', async () => {
    const session = fakeCloudSession();
    const role = await session.manager.roles.create('WorkspaceGroup', {
      role: 'Operator',
      permissions: ['workspace.suspend'],
      inherits: [{ resourceType: 'WorkspaceGroup', role: 'Reader' }],
    });
    expect(role.isCustom).toBe(true);
    await role.update({
      permissions: ['workspace.suspend', 'workspace.resume'],
      description: 'ops',
    });
    expect(role.permissions).toEqual(['workspace.suspend', 'workspace.resume']);
    expect((await session.manager.roles.get('WorkspaceGroup', 'Operator')).description).toBe('ops');
    expect((await session.requests()).some((entry) => entry.method === 'PUT')).toBe(true);
    await role.delete();
    expect(await session.manager.roles.list('WorkspaceGroup')).toEqual([]);
  });
});

describe('invitations, audit logs, projects and private connections', () => {
  it('invites and revokes', async () => {
    const session = fakeCloudSession();
    const team = await session.manager.teams.create('t');
    const invitation = await session.manager.invitations.create('guest@example.com', {
      teamIds: [team.id],
    });
    expect(invitation.state).toBe('Pending');
    expect(invitation.teamIds).toEqual([team.id]);
    await invitation.revoke();
    expect((await session.manager.invitations.get(invitation.id ?? '')).state).toBe('Revoked');
    expect((await session.manager.invitations.list({ state: 'Pending' })).length).toBe(0);
  });

  it('pages through the audit log with an async iterator', async () => {
    const session = fakeCloudSession();
    for (let index = 0; index < 5; index += 1) await session.manager.teams.create(`team-${index}`);
    const seen: string[] = [];
    for await (const entry of session.manager.auditLogs({ type: 'TeamCreated', limit: 2 })) {
      seen.push(String(entry.attributes?.teamID));
      expect(entry.createdAt).toBeInstanceOf(Date);
    }
    expect(seen.length).toBe(5);
    const pages = (await session.requests()).filter((entry) => entry.path === '/v1/auditLogs');
    expect(pages.map((entry) => new URLSearchParams(entry.query).get('nextToken'))).toEqual([
      null,
      '2',
      '4',
    ]);
    let first: string | undefined;
    for await (const entry of session.manager.auditLogs({
      type: 'TeamCreated',
      limit: 2,
      sortByDescending: true,
    })) {
      first = String(entry.attributes?.teamID);
      break;
    }
    expect(first).toBe(seen.at(-1));
  });

  it('creates, renames and deletes projects', async () => {
    const session = fakeCloudSession();
    const project = await session.manager.projects.create('Analytics', 'STANDARD');
    expect(project.createdAt).toBeInstanceOf(Date);
    await project.rename('Analytics 2');
    expect((await session.manager.projects.list()).get('Analytics 2')?.id).toBe(project.id);
    await project.delete();
    expect(await session.manager.projects.list()).toEqual([]);
  });

  it('creates, updates and deletes private connections', async () => {
    const session = fakeCloudSession();
    const group = await session.manager.createWorkspaceGroup({
      name: 'pl',
      regionId: await someRegionId(session),
    });
    const connection = await session.manager.privateConnections.create({
      workspaceGroupId: group.id,
      type: 'INBOUND',
      allowList: '123456789012',
    });
    expect(connection.status).toBe('PENDING');
    await connection.update('210987654321');
    expect(connection.allowList).toBe('210987654321');
    expect((await group.listPrivateConnections()).map((item) => item.privateConnectionId)).toEqual([
      connection.id,
    ]);
    await connection.delete();
    expect(await group.listPrivateConnections()).toEqual([]);
  });
});

describe('billing, storage and metrics', () => {
  it('reads billing usage with the spec’s parameter names', async () => {
    const session = fakeCloudSession();
    await session.manager.createWorkspaceGroup({
      name: 'billed',
      regionId: await someRegionId(session),
    });
    const usage = await session.manager.billing.usage({
      startTime: new Date('2026-01-01T00:00:00Z'),
      endTime: new Date('2026-02-01T00:00:00Z'),
      metric: 'ComputeCredit',
      aggregateBy: 'day',
    });
    expect(usage[0]?.metric).toBe('ComputeCredit');
    expect(usage[0]?.usage?.[0]).toMatchObject({
      resourceName: 'billed',
      resourceType: 'WorkspaceGroup',
    });
    expect(usage[0]?.usage?.[0]?.startTime).toEqual(new Date('2026-01-01T00:00:00Z'));
    const query =
      (await session.requests()).find((entry) => entry.path === '/v1/billing/usage')?.query ?? '';
    expect(new URLSearchParams(query).get('aggregateBy')).toBe('day');
  });

  it('sets retention in minutes and drives disaster recovery', async () => {
    const session = fakeCloudSession();
    const group = await session.manager.createWorkspaceGroup({
      name: 'dr',
      regionId: await someRegionId(session),
    });
    await group.storage.updateRetentionPeriod(1440);
    const dr = group.storage.disasterRecovery;
    const [secondary] = await dr.regions();
    await dr.setup({
      regionId: secondary?.regionId ?? '',
      databaseNames: ['sales'],
      autoReplication: true,
    });
    expect((await dr.status()).storage).toEqual([
      { databaseName: 'sales', region: 'eu-west-1', duplicationState: 'Active' },
    ]);
    await dr.failover();
    await dr.failback();
    await dr.startPreProvision();
    await dr.stopPreProvision();
    expect((await dr.status()).compute.storageDRType).toBe('Failover');
  });

  it('reads OpenMetrics text from the v2 metrics endpoint', async () => {
    const session = fakeCloudSession();
    const group = await session.manager.createWorkspaceGroup({
      name: 'm',
      regionId: await someRegionId(session),
    });
    expect(await group.metrics()).toContain(`workspace_group_id="${group.id}"`);
    const metrics = (await session.requests()).find((entry) => entry.path.endsWith('/metrics'));
    expect(metrics?.path.startsWith('/v2/organizations/')).toBe(true);
  });

  it('manages workspace-group and secret access controls', async () => {
    const session = fakeCloudSession();
    const group = await session.manager.createWorkspaceGroup({
      name: 'ac',
      regionId: await someRegionId(session),
    });
    const team = await session.manager.teams.create('ops');
    await group.accessControls.update({ grants: [{ role: 'Writer', teams: [team.id] }] });
    expect((await group.accessControls.list())[0]?.role).toBe('Writer');
    expect(await team.identityRoles()).toEqual([
      { resourceId: group.id, resourceType: 'group', role: 'Writer' },
    ]);
    const secret = await session.manager.secrets.create('s', 'v');
    expect(await secret.accessControls.list()).toEqual([]);
    const me = await session.manager.users.current();
    await secret.accessControls.update({ grants: [{ role: 'Reader', users: [me.id] }] });
    expect((await secret.accessControls.list())[0]?.grants[0]?.identity).toMatchObject({
      userId: me.id,
    });
    await team.accessControls.update({ grants: [{ role: 'Owner', users: [me.id] }] });
    expect((await team.accessControls.list()).map((role) => role.role)).toEqual(['Owner']);
    expect((await session.manager.users.get(me.id)).email).toBe(me.email);
  });
});
