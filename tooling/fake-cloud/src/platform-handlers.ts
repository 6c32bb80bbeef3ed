import type {
  CloudFunctionCreateBody,
  CloudFunctionFieldsBody,
  CloudPrincipalCreateBody,
  CloudPrincipalUpdateBody,
  DelegatedEntitiesAppendBody,
  FlowCreateBody,
  RoleCreateV2Body,
  RoleReplaceV2Body,
  ServiceAccountCreateBody,
  ServiceAccountUpdateBody,
  SharedTierCreateUserBody,
  SharedTierCreateVirtualClusterBody,
  SimulateUsageRequestBody,
} from '@s2/management/internal';
import type { Handler, HandlerContext, HandlerTable } from './handler-types.js';
import { HttpProblem, notFound } from './http-problem.js';
import { newId, nowText } from './ids.js';

function found<Value>(map: Map<string, Value>, kind: string, id: string | undefined): Value {
  const value = map.get(id ?? '');
  if (value === undefined) throw notFound(kind, id ?? '');
  return value;
}

function delegated(
  resourceKey: (context: HandlerContext) => string,
): Record<'get' | 'post' | 'remove', Handler> {
  return {
    get: (context) => ({ json: context.tenant.delegatedEntities.get(resourceKey(context)) ?? [] }),
    post: (context) => {
      const key = resourceKey(context);
      const list = context.tenant.delegatedEntities.get(key) ?? [];
      for (const entity of (context.body as DelegatedEntitiesAppendBody).entities) {
        if (!list.some((entry) => entry.entity === entity))
          list.push({ entity, createdAt: nowText() });
      }
      context.tenant.delegatedEntities.set(key, list);
      return { json: list };
    },
    remove: (context) => {
      const key = resourceKey(context);
      const list = context.tenant.delegatedEntities.get(key) ?? [];
      const wanted = (context.body as { entities?: string[] } | undefined)?.entities ?? [];
      const deleted = wanted.filter((entity) => list.some((entry) => entry.entity === entity));
      const failed = wanted.filter((entity) => !deleted.includes(entity));
      context.tenant.delegatedEntities.set(
        key,
        list.filter((entry) => !deleted.includes(entry.entity)),
      );
      return { status: failed.length > 0 ? 207 : 200, json: { deleted, failed } };
    },
  };
}

const workspaceDelegated = delegated((context) => {
  found(context.tenant.workspaces, 'workspace', context.params.workspaceID);
  return `workspace/${context.params.workspaceID}`;
});
const groupDelegated = delegated((context) => {
  found(context.tenant.workspaceGroups, 'workspace group', context.params.workspaceGroupID);
  return `group/${context.params.workspaceGroupID}`;
});

/** Delegated entities, service identities, v2 authorization and clusters, flows, cloud functions, simulation. */
export const platformHandlers: HandlerTable = {
  GetV1WorkspacesWorkspaceIDDelegatedEntities: workspaceDelegated.get,
  PostV1WorkspacesWorkspaceIDDelegatedEntities: workspaceDelegated.post,
  DeleteV1WorkspacesWorkspaceIDDelegatedEntities: workspaceDelegated.remove,
  GetV1WorkspaceGroupsWorkspaceGroupIDDelegatedEntities: groupDelegated.get,
  PostV1WorkspaceGroupsWorkspaceGroupIDDelegatedEntities: groupDelegated.post,
  DeleteV1WorkspaceGroupsWorkspaceGroupIDDelegatedEntities: groupDelegated.remove,

  PostV1ServiceAccounts: (context) => {
    const body = context.body as ServiceAccountCreateBody;
    const account = {
      serviceAccountID: newId(),
      name: body.name,
      description: body.description ?? '',
      email: `${body.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@service.fake-cloud.test`,
      createdBy: context.tenant.currentUser.userID,
    };
    context.tenant.serviceAccounts.set(account.serviceAccountID, account);
    context.tenant.users.set(account.serviceAccountID, {
      userID: account.serviceAccountID,
      email: account.email,
      firstName: account.name,
      lastName: '',
      userKind: 'ServiceAccount',
    });
    return { json: account };
  },
  PatchV1ServiceAccountsServiceAccountID: (context) => {
    const account = found(
      context.tenant.serviceAccounts,
      'service account',
      context.params.serviceAccountID,
    );
    Object.assign(account, context.body as ServiceAccountUpdateBody);
    return { json: account };
  },
  DeleteV1ServiceAccountsServiceAccountID: (context) => {
    const account = found(
      context.tenant.serviceAccounts,
      'service account',
      context.params.serviceAccountID,
    );
    context.tenant.serviceAccounts.delete(account.serviceAccountID);
    context.tenant.users.delete(account.serviceAccountID);
    return { json: { serviceAccountID: account.serviceAccountID } };
  },
  PostV1CloudPrincipals: (context) => {
    const body = context.body as CloudPrincipalCreateBody;
    const principal = {
      cloudPrincipalID: newId(),
      cloudPrincipal: body.cloudPrincipal,
      name: body.name,
      description: body.description ?? '',
      email: `${newId().slice(0, 8)}@principal.fake-cloud.test`,
      createdBy: context.tenant.currentUser.userID,
    };
    context.tenant.cloudPrincipals.set(principal.cloudPrincipalID, principal);
    return { json: principal };
  },
  PatchV1CloudPrincipalsCloudPrincipalID: (context) => {
    const principal = found(
      context.tenant.cloudPrincipals,
      'cloud principal',
      context.params.cloudPrincipalID,
    );
    Object.assign(principal, context.body as CloudPrincipalUpdateBody);
    return { json: principal };
  },
  DeleteV1CloudPrincipalsCloudPrincipalID: (context) => {
    const principal = found(
      context.tenant.cloudPrincipals,
      'cloud principal',
      context.params.cloudPrincipalID,
    );
    context.tenant.cloudPrincipals.delete(principal.cloudPrincipalID);
    return { json: { cloudPrincipalID: principal.cloudPrincipalID } };
  },

  PostV1BillingUsageSimulate: (context) => {
    const body = context.body as SimulateUsageRequestBody;
    return {
      json: {
        resourceUsage: body.resourceConfigurations.map((resource) => {
          const hours = (Date.parse(resource.endBefore) - Date.parse(resource.startAt)) / 3_600_000;
          return {
            id: resource.id,
            amount: Math.max(0, hours),
            metric: 'ComputeHour',
            type: 'Workspace',
            startAt: resource.startAt,
            endBefore: resource.endBefore,
          };
        }),
      },
    };
  },

  GetV2AuthorizationPermissions: () => ({
    json: [
      {
        resourceType: 'Organization',
        permission: 'organization.read',
        description: 'Read the organization',
      },
      {
        resourceType: 'WorkspaceGroup',
        permission: 'workspaceGroup.read',
        description: 'Read groups',
      },
      {
        resourceType: 'WorkspaceGroup',
        permission: 'workspaceGroup.update',
        description: 'Change groups',
      },
    ],
  }),
  GetV2AuthorizationPermissionsResourceType: (context) => ({
    json: [
      {
        resourceType: context.params.resourceType,
        permission: `${context.params.resourceType}.read`,
      },
    ],
  }),
  GetV2AuthorizationRoles: (context) => ({ json: [...context.tenant.rolesV2.values()] }),
  PostV2AuthorizationRoles: (context) => {
    const body = context.body as RoleCreateV2Body;
    if (context.tenant.rolesV2.has(body.role))
      throw new HttpProblem(409, `role ${body.role} exists`);
    const role = {
      role: body.role,
      description: body.description,
      permissions: body.permissions,
      createdAt: nowText(),
    };
    context.tenant.rolesV2.set(body.role, role);
    return { json: role };
  },
  GetV2AuthorizationRolesRole: (context) => ({
    json: found(context.tenant.rolesV2, 'role', context.params.role),
  }),
  PutV2AuthorizationRolesRole: (context) => {
    const role = found(context.tenant.rolesV2, 'role', context.params.role);
    const body = context.body as RoleReplaceV2Body;
    context.tenant.rolesV2.delete(role.role);
    const replaced = {
      ...role,
      role: body.role ?? role.role,
      description: body.description,
      permissions: body.permissions,
      updatedAt: nowText(),
    };
    context.tenant.rolesV2.set(replaced.role, replaced);
    return { json: replaced };
  },
  DeleteV2AuthorizationRolesRole: (context) => {
    const role = found(context.tenant.rolesV2, 'role', context.params.role);
    context.tenant.rolesV2.delete(role.role);
    return { json: true };
  },

  GetV2SharedtierVirtualClusters: (context) => ({
    json: [...context.tenant.virtualClusters.values()],
  }),
  PostV2SharedtierVirtualClusters: (context) => {
    const body = context.body as SharedTierCreateVirtualClusterBody;
    const id = newId();
    context.tenant.virtualClusters.set(id, {
      virtualClusterID: id,
      name: body.name,
      databaseName: body.databaseName,
      endpoint: `svc-${id.slice(0, 8)}.v2.fake-cloud.test`,
      mysqlDmlPort: 3333,
      websocketPort: 443,
      projectID: body.projectID,
    });
    return { json: { virtualClusterID: id } };
  },
  GetV2SharedtierVirtualClustersVirtualClusterID: (context) => ({
    json: found(context.tenant.virtualClusters, 'virtual cluster', context.params.virtualClusterID),
  }),
  DeleteV2SharedtierVirtualClustersVirtualClusterID: (context) => {
    found(context.tenant.virtualClusters, 'virtual cluster', context.params.virtualClusterID);
    context.tenant.virtualClusters.delete(context.params.virtualClusterID ?? '');
    return { json: true };
  },
  PostV2SharedtierVirtualClustersVirtualClusterIDUsers: (context) => {
    found(context.tenant.virtualClusters, 'virtual cluster', context.params.virtualClusterID);
    const body = context.body as SharedTierCreateUserBody;
    const userID = newId();
    const password = body.password ?? `Pw-${newId().slice(0, 12)}`;
    context.tenant.starterUsers.set(userID, {
      workspaceId: context.params.virtualClusterID ?? '',
      userName: body.userName,
      password,
    });
    return { json: { userID, password } };
  },
  PatchV2SharedtierVirtualClustersVirtualClusterIDUsersUserID: (context) => {
    const user = found(context.tenant.starterUsers, 'user', context.params.userID);
    user.password = (context.body as { password?: string }).password ?? user.password;
    return { json: true };
  },
  DeleteV2SharedtierVirtualClustersVirtualClusterIDUsersUserID: (context) => {
    found(context.tenant.starterUsers, 'user', context.params.userID);
    context.tenant.starterUsers.delete(context.params.userID ?? '');
    return { json: true };
  },

  GetV1Flow: (context) => ({
    json: [...context.tenant.flows.values()].filter(
      (flow) => context.query.get('includeTerminated') === 'true' || flow.deletedAt === undefined,
    ),
  }),
  PostV1Flow: (context) => {
    const body = context.body as FlowCreateBody;
    found(context.tenant.workspaces, 'workspace', body.workspaceID);
    const flow = {
      flowID: newId(),
      name: body.name,
      workspaceID: body.workspaceID,
      databaseName: body.databaseName,
      userName: body.userName,
      size: body.size ?? 'F1',
      status: 'Active',
      createdAt: nowText(),
      endpoint: `flow-${newId().slice(0, 8)}.fake-cloud.test`,
    };
    context.tenant.flows.set(flow.flowID, flow);
    return { json: { flowID: flow.flowID } };
  },
  GetV1FlowFlowID: (context) => ({
    json: found(context.tenant.flows, 'flow', context.params.flowID),
  }),
  DeleteV1FlowFlowID: (context) => {
    const flow = found(context.tenant.flows, 'flow', context.params.flowID);
    flow.deletedAt = nowText();
    flow.status = 'Deleted';
    return { json: { flowID: flow.flowID } };
  },

  GetV1Cloudfunctions: (context) => {
    const all = [...context.tenant.cloudFunctions.values()].filter(
      (entry) => entry.status !== 'Deleted',
    );
    const limit = Number(context.query.get('limit') ?? 50);
    const offset = context.query.get('offsetID');
    const start = offset === null ? 0 : all.findIndex((entry) => entry.serviceID === offset) + 1;
    const page = all.slice(start, start + limit);
    return {
      json: {
        cloudFunctions: page,
        metadata: {
          count: page.length,
          totalCount: all.length,
          hasNextPage: start + limit < all.length,
          hasPreviousPage: start > 0,
        },
      },
    };
  },
  PostV1Cloudfunctions: (context) => {
    const body = context.body as CloudFunctionCreateBody;
    const id = newId();
    context.tenant.cloudFunctions.set(id, {
      serviceID: id,
      name: body.name ?? `function-${id.slice(0, 8)}`,
      description: body.description ?? undefined,
      status: 'Active',
      createdAt: nowText(),
      createdBy: context.tenant.currentUser.userID,
      endpoint: `https://functions.fake-cloud.test/${id}`,
    });
    return { json: { cloudFunctionID: id } };
  },
  GetV1CloudfunctionsCloudfunctionID: (context) => ({
    json: found(context.tenant.cloudFunctions, 'cloud function', context.params.cloudfunctionID),
  }),
  PatchV1CloudfunctionsCloudfunctionID: (context) => {
    const entry = found(
      context.tenant.cloudFunctions,
      'cloud function',
      context.params.cloudfunctionID,
    );
    const known = context.query.get('lastKnownUpdatedAt');
    if (
      known !== null &&
      typeof entry.lastUpdatedAt === 'string' &&
      Date.parse(known) < Date.parse(entry.lastUpdatedAt)
    ) {
      throw new HttpProblem(409, 'the cloud function changed since lastKnownUpdatedAt');
    }
    const body = context.body as CloudFunctionFieldsBody;
    if (body.name) entry.name = body.name;
    if (body.description !== undefined) entry.description = body.description ?? undefined;
    entry.lastUpdatedAt = nowText();
    return { json: entry };
  },
  DeleteV1CloudfunctionsCloudfunctionID: (context) => {
    const entry = found(
      context.tenant.cloudFunctions,
      'cloud function',
      context.params.cloudfunctionID,
    );
    entry.status = 'Deleted';
    return { json: entry };
  },
  GetV1CloudfunctionsCloudfunctionIDToken: (context) => {
    found(context.tenant.cloudFunctions, 'cloud function', context.params.cloudfunctionID);
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    return {
      json: {
        jwt: `${encode({ alg: 'none' })}.${encode({ sub: context.params.cloudfunctionID })}.`,
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    };
  },
};
