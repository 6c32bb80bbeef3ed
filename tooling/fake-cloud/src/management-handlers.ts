import type {
  PrivateConnectionCreateBody,
  ProjectCreateBody,
  RoleCreateBody,
  RoleUpdateBody,
  TeamCreateBody,
  TeamUpdateBody,
  UserInvitationCreateBody,
} from '@s2/management/internal';
import type { HandlerTable } from './handler-types.js';
import { HttpProblem } from './http-problem.js';
import { newId, nowText } from './ids.js';
import { found, identityRoles, userInfo } from './tenant-lookups.js';

/** Teams, users, roles, invitations, audit logs, private connections and projects. */
export const managementHandlers: HandlerTable = {
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
};
