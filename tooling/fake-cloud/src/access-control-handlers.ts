import type { ControlAccessActionBody } from '@s2/management/internal';
import type { HandlerContext, HandlerTable } from './handler-types.js';
import { nowText } from './ids.js';
import { found, userInfo } from './tenant-lookups.js';

function accessControlsOf(resourceKey: (context: HandlerContext) => string) {
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

const organizationAccess = accessControlsOf(
  (context) => `organization/${context.params.organizationID}`,
);
const groupAccess = accessControlsOf((context) => {
  found(context.tenant.workspaceGroups, 'workspace group', context.params.workspaceGroupID);
  return `group/${context.params.workspaceGroupID}`;
});
const secretAccess = accessControlsOf((context) => {
  found(context.tenant.secrets, 'secret', context.params.secretID);
  return `secret/${context.params.secretID}`;
});
const teamAccess = accessControlsOf((context) => {
  found(context.tenant.teams, 'team', context.params.teamID);
  return `team/${context.params.teamID}`;
});

/** Access controls of organizations, workspace groups, secrets and teams. */
export const accessControlHandlers: HandlerTable = {
  GetV1OrganizationsOrganizationIDAccessControls: organizationAccess.get,
  PatchV1OrganizationsOrganizationIDAccessControls: organizationAccess.patch,
  GetV1WorkspaceGroupsWorkspaceGroupIDAccessControls: groupAccess.get,
  PatchV1WorkspaceGroupsWorkspaceGroupIDAccessControls: groupAccess.patch,
  GetV1SecretsSecretIDAccessControls: secretAccess.get,
  PatchV1SecretsSecretIDAccessControls: secretAccess.patch,
  GetV1TeamsTeamIDAccessControls: teamAccess.get,
  PatchV1TeamsTeamIDAccessControls: teamAccess.patch,
};
