import type {
  ControlAccessActionBody,
  PrivateConnectionCreateBody,
  ProjectCreateBody,
  RoleCreateBody,
  RoleUpdateBody,
  StorageDRSetupBody,
  TeamCreateBody,
  TeamUpdateBody,
  UserInvitationCreateBody,
} from '@s2/management/internal';
import type { HandlerContext, HandlerTable } from './handler-types.js';
import { HttpProblem, notFound } from './http-problem.js';
import { newId, nowText } from './ids.js';
import { regions } from './regions.js';

function found<Value>(map: Map<string, Value>, kind: string, id: string | undefined): Value {
  const value = map.get(id ?? '');
  if (value === undefined) throw notFound(kind, id ?? '');
  return value;
}

function userInfo(context: HandlerContext, id: string) {
  const user = found(context.tenant.users, 'user', id);
  return {
    userID: user.userID,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
  };
}

function accessControlHandlers(resourceKey: (context: HandlerContext) => string) {
  return {
    get: (context: HandlerContext) => ({
      json: context.tenant.accessControls.get(resourceKey(context)) ?? [],
    }),
    patch: (context: HandlerContext) => {
      const key = resourceKey(context);
      const body = context.body as ControlAccessActionBody;
      const roles = context.tenant.accessControls.get(key) ?? [];
      for (const grant of body.grants) {
        let role = roles.find((entry) => entry.role === grant.role);
        if (!role) {
          role = { role: grant.role, description: `${grant.role} role`, grants: [] };
          roles.push(role);
        }
        for (const user of grant.users) {
          role.grants.push({ createdAt: nowText(), identity: userInfo(context, user) });
        }
        for (const team of grant.teams) {
          const teamWire = found(context.tenant.teams, 'team', team);
          role.grants.push({
            createdAt: nowText(),
            identity: {
              teamID: teamWire.teamID,
              name: teamWire.name,
              description: teamWire.description,
            },
          });
        }
      }
      for (const revoke of body.revokes) {
        const role = roles.find((entry) => entry.role === revoke.role);
        if (!role) continue;
        role.grants = role.grants.filter((grant) => {
          const identity = grant.identity as { userID?: string; teamID?: string };
          return (
            !revoke.users.includes(identity.userID ?? '') &&
            !revoke.teams.includes(identity.teamID ?? '')
          );
        });
      }
      context.tenant.accessControls.set(key, roles);
      return { json: undefined };
    },
  };
}

const organizationAccess = accessControlHandlers(
  (context) => `organization/${context.params.organizationID}`,
);
const groupAccess = accessControlHandlers((context) => {
  found(context.tenant.workspaceGroups, 'workspace group', context.params.workspaceGroupID);
  return `group/${context.params.workspaceGroupID}`;
});
const secretAccess = accessControlHandlers((context) => {
  found(context.tenant.secrets, 'secret', context.params.secretID);
  return `secret/${context.params.secretID}`;
});
const teamAccess = accessControlHandlers((context) => {
  found(context.tenant.teams, 'team', context.params.teamID);
  return `team/${context.params.teamID}`;
});

function groupOf(context: HandlerContext) {
  return found(context.tenant.workspaceGroups, 'workspace group', context.params.workspaceGroupID);
}

/** Teams, users, roles, invitations, audit logs, private connections, projects, billing, storage. */
export const managementHandlers: HandlerTable = {
  GetV1OrganizationsOrganizationIDAccessControls: organizationAccess.get,
  PatchV1OrganizationsOrganizationIDAccessControls: organizationAccess.patch,
  GetV1WorkspaceGroupsWorkspaceGroupIDAccessControls: groupAccess.get,
  PatchV1WorkspaceGroupsWorkspaceGroupIDAccessControls: groupAccess.patch,
  GetV1SecretsSecretIDAccessControls: secretAccess.get,
  PatchV1SecretsSecretIDAccessControls: secretAccess.patch,
  GetV1TeamsTeamIDAccessControls: teamAccess.get,
  PatchV1TeamsTeamIDAccessControls: teamAccess.patch,

  GetV1Teams: (context) => ({
    json: [...context.tenant.teams.values()].filter(
      (team) =>
        (context.query.get('name') === null || team.name === context.query.get('name')) &&
        (context.query.get('description') === null ||
          team.description === context.query.get('description')),
    ),
  }),
  PostV1Teams: (context) => {
    const body = context.body as TeamCreateBody;
    const team = {
      teamID: newId(),
      name: body.name,
      description: body.description ?? '',
      createdAt: nowText(),
      memberUsers: [],
      memberTeams: [],
    };
    context.tenant.teams.set(team.teamID, team);
    context.tenant.audit('TeamCreated', { teamID: team.teamID });
    return { json: team };
  },
  GetV1TeamsTeamID: (context) => ({
    json: found(context.tenant.teams, 'team', context.params.teamID),
  }),
  PatchV1TeamsTeamID: (context) => {
    const team = found(context.tenant.teams, 'team', context.params.teamID);
    const body = context.body as TeamUpdateBody;
    if (body.name !== undefined) team.name = body.name;
    if (body.description !== undefined) team.description = body.description;
    const users = new Map((team.memberUsers ?? []).map((user) => [user.userID, user]));
    for (const id of body.addMemberUserIDs ?? []) users.set(id, userInfo(context, id));
    for (const email of body.addMemberUserEmails ?? []) {
      const user = [...context.tenant.users.values()].find(
        (candidate) => candidate.email === email,
      );
      if (!user) throw new HttpProblem(404, `no user with email ${email}`);
      users.set(user.userID, userInfo(context, user.userID));
    }
    for (const id of body.removeMemberUserIDs ?? []) users.delete(id);
    for (const email of body.removeMemberUserEmails ?? []) {
      for (const [id, user] of users) if (user.email === email) users.delete(id);
    }
    team.memberUsers = [...users.values()];
    const teams = new Map((team.memberTeams ?? []).map((member) => [member.teamID, member]));
    for (const id of body.addMemberTeamIDs ?? []) {
      const member = found(context.tenant.teams, 'team', id);
      teams.set(id, { teamID: member.teamID, name: member.name, description: member.description });
    }
    for (const id of body.removeMemberTeamIDs ?? []) teams.delete(id);
    team.memberTeams = [...teams.values()];
    return { json: { teamID: team.teamID } };
  },
  DeleteV1TeamsTeamID: (context) => {
    const team = found(context.tenant.teams, 'team', context.params.teamID);
    context.tenant.teams.delete(team.teamID);
    return { json: { teamID: team.teamID } };
  },
  GetV1TeamsTeamIDIdentityRoles: (context) => {
    const team = found(context.tenant.teams, 'team', context.params.teamID);
    return { json: identityRoles(context, team.teamID, 'teamID') };
  },

  GetV1Users: (context) => ({
    json: [...context.tenant.users.values()].filter(
      (user) => context.query.get('email') === null || user.email === context.query.get('email'),
    ),
  }),
  PostV1Users: (context) => {
    const email = (context.body as { email: string }).email;
    const [local = 'new'] = email.split('@');
    const user = {
      userID: newId(),
      email,
      firstName: local,
      lastName: 'User',
      userKind: 'Standard',
    };
    context.tenant.users.set(user.userID, user);
    return { json: undefined };
  },
  GetV1UsersCurrent: (context) => ({ json: context.tenant.currentUser }),
  GetV1UsersUserID: (context) => ({
    json: found(context.tenant.users, 'user', context.params.userID),
  }),
  DeleteV1UsersUserID: (context) => {
    const user = found(context.tenant.users, 'user', context.params.userID);
    if (user.userID === context.tenant.currentUser.userID)
      throw new HttpProblem(409, 'cannot remove yourself');
    context.tenant.users.delete(user.userID);
    return { json: { userID: user.userID } };
  },
  GetV1UsersUserIDIdentityRoles: (context) => {
    const user = found(context.tenant.users, 'user', context.params.userID);
    return { json: identityRoles(context, user.userID, 'userID') };
  },

  GetV1RolesResourceType: (context) => ({
    json: [...context.tenant.roles.values()].filter(
      (role) => role.resourceType === context.params.resourceType,
    ),
  }),
  PostV1RolesResourceType: (context) => {
    const body = context.body as RoleCreateBody;
    const key = `${context.params.resourceType}/${body.role}`;
    if (context.tenant.roles.has(key)) throw new HttpProblem(409, `role ${body.role} exists`);
    const role = {
      role: body.role,
      resourceType: context.params.resourceType ?? '',
      description: body.description,
      permissions: body.permissions,
      inherits: body.inherits,
      isCustom: true,
      createdAt: nowText(),
      createdBy: userInfo(context, context.tenant.currentUser.userID),
    };
    context.tenant.roles.set(key, role);
    return { json: role };
  },
  GetV1RolesResourceTypeRole: (context) => ({
    json: found(
      context.tenant.roles,
      'role',
      `${context.params.resourceType}/${context.params.role}`,
    ),
  }),
  PutV1RolesResourceTypeRole: (context) => {
    const role = found(
      context.tenant.roles,
      'role',
      `${context.params.resourceType}/${context.params.role}`,
    );
    const body = context.body as RoleUpdateBody;
    Object.assign(role, {
      permissions: body.permissions,
      inherits: body.inherits,
      updatedAt: nowText(),
    });
    if (body.description !== undefined) role.description = body.description;
    return { json: role };
  },
  DeleteV1RolesResourceTypeRole: (context) => {
    const key = `${context.params.resourceType}/${context.params.role}`;
    found(context.tenant.roles, 'role', key);
    context.tenant.roles.delete(key);
    return { json: true };
  },

  GetV1Invitations: (context) => ({
    json: [...context.tenant.invitations.values()].filter(
      (invitation) =>
        (context.query.get('email') === null || invitation.email === context.query.get('email')) &&
        (context.query.get('state') === null || invitation.state === context.query.get('state')),
    ),
  }),
  PostV1Invitations: (context) => {
    const body = context.body as UserInvitationCreateBody;
    const invitation = {
      invitationID: newId(),
      email: body.email,
      teamIDs: body.teamIDs ?? [],
      state: 'Pending',
      createdAt: nowText(),
    };
    context.tenant.invitations.set(invitation.invitationID, invitation);
    return { json: invitation };
  },
  GetV1InvitationsInvitationID: (context) => ({
    json: found(context.tenant.invitations, 'invitation', context.params.invitationID),
  }),
  DeleteV1InvitationsInvitationID: (context) => {
    const invitation = found(context.tenant.invitations, 'invitation', context.params.invitationID);
    if (invitation.state !== 'Pending')
      throw new HttpProblem(409, `invitation is ${invitation.state}`);
    invitation.state = 'Revoked';
    invitation.actedAt = nowText();
    return { json: { invitationID: invitation.invitationID } };
  },

  GetV1AuditLogs: (context) => {
    const limit = Number(context.query.get('limit') ?? 100);
    const start = Number(context.query.get('nextToken') ?? 0);
    const type = context.query.get('type');
    const matching = context.tenant.auditLogs.filter(
      (entry) => type === null || entry.type === type,
    );
    const ordered =
      context.query.get('sortByDescending') === 'true' ? [...matching].reverse() : matching;
    const page = ordered.slice(start, start + limit);
    const next = start + limit < ordered.length ? String(start + limit) : undefined;
    return { json: { auditLogs: page, ...(next === undefined ? {} : { nextToken: next }) } };
  },

  PostV1PrivateConnections: (context) => {
    const body = context.body as PrivateConnectionCreateBody;
    found(context.tenant.workspaceGroups, 'workspace group', body.workspaceGroupID);
    const connection = {
      privateConnectionID: newId(),
      workspaceGroupID: body.workspaceGroupID,
      workspaceID: body.workspaceID,
      type: body.type ?? 'INBOUND',
      allowList: body.allowList,
      serviceName: body.serviceName ?? `com.fake.vpce.${newId().slice(0, 8)}`,
      sqlPort: body.sqlPort,
      websocketsPort: body.websocketsPort,
      status: 'PENDING',
      createdAt: nowText(),
    };
    context.tenant.privateConnections.set(connection.privateConnectionID, connection);
    return { json: { privateConnectionID: connection.privateConnectionID } };
  },
  GetV1PrivateConnectionsConnectionID: (context) => ({
    json: found(
      context.tenant.privateConnections,
      'private connection',
      context.params.connectionID,
    ),
  }),
  PatchV1PrivateConnectionsConnectionID: (context) => {
    const connection = found(
      context.tenant.privateConnections,
      'private connection',
      context.params.connectionID,
    );
    connection.allowList = (context.body as { allowList?: string }).allowList;
    connection.updatedAt = nowText();
    return { json: { privateConnectionID: connection.privateConnectionID } };
  },
  DeleteV1PrivateConnectionsConnectionID: (context) => {
    const connection = found(
      context.tenant.privateConnections,
      'private connection',
      context.params.connectionID,
    );
    context.tenant.privateConnections.delete(connection.privateConnectionID);
    return { json: { privateConnectionID: connection.privateConnectionID } };
  },

  GetV1Projects: (context) => ({ json: [...context.tenant.projects.values()] }),
  PostV1Projects: (context) => {
    const body = context.body as ProjectCreateBody;
    const project = {
      projectID: newId(),
      name: body.name,
      edition: body.edition,
      createdAt: nowText(),
    };
    context.tenant.projects.set(project.projectID, project);
    return { json: { projectID: project.projectID } };
  },
  GetV1ProjectsProjectID: (context) => ({
    json: found(context.tenant.projects, 'project', context.params.projectID),
  }),
  PatchV1ProjectsProjectID: (context) => {
    const project = found(context.tenant.projects, 'project', context.params.projectID);
    project.name = (context.body as { name: string }).name;
    return { json: { projectID: project.projectID } };
  },
  DeleteV1ProjectsProjectID: (context) => {
    const project = found(context.tenant.projects, 'project', context.params.projectID);
    context.tenant.projects.delete(project.projectID);
    return { json: { projectID: project.projectID } };
  },

  GetV1BillingUsage: (context) => {
    const metric = context.query.get('metric') ?? 'ComputeCredit';
    const startTime = context.query.get('startTime') ?? nowText();
    const endTime = context.query.get('endTime') ?? nowText();
    return {
      json: {
        billingUsage: [
          {
            metric: metric === 'StorageAvgByte' ? 'StorageAvgByte' : 'ComputeCredit',
            usage: [...context.tenant.workspaceGroups.values()].map((record) => ({
              resourceId: record.wire.workspaceGroupID,
              resourceName: record.wire.name,
              resourceType: 'WorkspaceGroup',
              ownerId: context.tenant.organization.orgID,
              startTime,
              endTime,
              value: '1.5',
            })),
          },
        ],
      },
    };
  },

  PatchV1WorkspaceGroupsWorkspaceGroupIDStorageRetentionPeriod: (context) => {
    const group = groupOf(context);
    context.tenant.retentionPeriods.set(
      group.wire.workspaceGroupID,
      (context.body as { retentionPeriod: number }).retentionPeriod,
    );
    return { json: undefined };
  },
  GetV1WorkspaceGroupsWorkspaceGroupIDStorageDRRegions: (context) => {
    const group = groupOf(context);
    return {
      json: regions
        .filter(
          (region) =>
            region.provider === group.wire.provider && region.regionID !== group.wire.regionID,
        )
        .map(({ regionName: _name, ...region }) => region),
    };
  },
  PostV1WorkspaceGroupsWorkspaceGroupIDStorageDRSetup: (context) => {
    const group = groupOf(context);
    const body = context.body as StorageDRSetupBody;
    if (!regions.some((region) => region.regionID === body.regionID))
      throw new HttpProblem(400, 'unknown regionID');
    context.tenant.disasterRecovery.set(group.wire.workspaceGroupID, {
      regionID: body.regionID,
      databaseNames: body.databaseNames,
      state: 'Active',
    });
    return { json: undefined };
  },
  GetV1WorkspaceGroupsWorkspaceGroupIDStorageDRStatus: (context) => {
    const group = groupOf(context);
    const setup = context.tenant.disasterRecovery.get(group.wire.workspaceGroupID);
    if (!setup) throw new HttpProblem(404, 'disaster recovery is not set up');
    const region = regions.find((candidate) => candidate.regionID === setup.regionID);
    return {
      json: {
        compute: {
          storageDRState: setup.state === 'Active' ? 'Active' : 'Completed',
          storageDRType: 'Failover',
        },
        storage: setup.databaseNames.map((databaseName) => ({
          databaseName,
          region: region?.regionName ?? '',
          duplicationState: 'Active',
        })),
      },
    };
  },
  PatchV1WorkspaceGroupsWorkspaceGroupIDStorageDRFailover: (context) =>
    drChange(context, 'Failover'),
  PatchV1WorkspaceGroupsWorkspaceGroupIDStorageDRFailback: (context) =>
    drChange(context, 'Failback'),
  PatchV1WorkspaceGroupsWorkspaceGroupIDStorageDRStartPreProvision: (context) =>
    drChange(context, 'PreProvisionStart'),
  PatchV1WorkspaceGroupsWorkspaceGroupIDStorageDRStopPreProvision: (context) =>
    drChange(context, 'PreProvisionStop'),
  GetV2OrganizationsOrganizationIDWorkspaceGroupsWorkspaceGroupIDMetrics: (context) => {
    if (context.params.organizationID !== context.tenant.organization.orgID)
      throw notFound('organization', context.params.organizationID ?? '');
    const group = groupOf(context);
    return {
      text: `# TYPE singlestoredb_up gauge\nsinglestoredb_up{workspace_group_id="${group.wire.workspaceGroupID}"} 1\n`,
      headers: { 'content-type': 'text/plain; version=0.0.4' },
    };
  },
};

function drChange(context: HandlerContext, kind: string) {
  const group = groupOf(context);
  const setup = context.tenant.disasterRecovery.get(group.wire.workspaceGroupID);
  if (!setup) throw new HttpProblem(409, `cannot ${kind}: disaster recovery is not set up`);
  setup.state = kind;
  return { json: undefined };
}

function identityRoles(context: HandlerContext, id: string, key: 'userID' | 'teamID') {
  const result: { resourceID: string; resourceType: string; role: string }[] = [];
  for (const [resource, roles] of context.tenant.accessControls) {
    const [resourceType = '', resourceID = ''] = resource.split('/');
    for (const role of roles) {
      if (role.grants.some((grant) => (grant.identity as Record<string, unknown>)[key] === id)) {
        result.push({ resourceID, resourceType, role: role.role });
      }
    }
  }
  return result;
}
