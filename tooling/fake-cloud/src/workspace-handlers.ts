import type {
  SharedTierCreateUserBody,
  SharedTierCreateVirtualWorkspaceBody,
  WorkspaceCreateBody,
  WorkspaceGroupCreateBody,
  WorkspaceGroupUpdateBody,
  WorkspaceResumeBody,
  WorkspaceUpdateBody,
  WorkspaceWire,
} from '@s2/management/internal';
import type { HandlerContext, HandlerTable } from './handler-types.js';
import { HttpProblem, notFound } from './http-problem.js';
import { newId, nowText } from './ids.js';
import { regions } from './regions.js';
import type { Stateful } from './tenant.js';

function group(context: HandlerContext) {
  const id = context.params.workspaceGroupID ?? '';
  const record = context.tenant.workspaceGroups.get(id);
  if (!record) throw notFound('workspace group', id);
  context.tenant.settle(record);
  return record;
}

function workspace(context: HandlerContext) {
  const id = context.params.workspaceID ?? '';
  const record = context.tenant.workspaces.get(id);
  if (!record) throw notFound('workspace', id);
  context.tenant.settle(record);
  return record;
}

function starter(context: HandlerContext) {
  const id = context.params.virtualWorkspaceID ?? '';
  const found = context.tenant.starterWorkspaces.get(id);
  if (!found) throw notFound('starter workspace', id);
  return found;
}

const includeTerminated = (context: HandlerContext) =>
  context.query.get('includeTerminated') === 'true';

const legacyNames: Record<string, string> = {
  PENDING: 'PendingCreation',
  ACTIVE: 'Active',
  SUSPENDED: 'Suspended',
  TERMINATED: 'Terminated',
  FAILED: 'Failed',
};

/** A workspace as the tenant reports it: spec state names, or the legacy ones when configured. */
function present(context: HandlerContext, wire: WorkspaceWire): WorkspaceWire {
  if (!context.tenant.settings.legacyStateNames) return wire;
  const resumed = wire.state === 'ACTIVE' && wire.lastResumedAt;
  return { ...wire, state: resumed ? 'Resumed' : (legacyNames[wire.state] ?? wire.state) };
}

/** Workspace groups, workspaces, starter workspaces, regions and the organization. */
export const workspaceHandlers: HandlerTable = {
  GetV1Regions: () => ({ json: regions.map(({ regionName: _name, ...region }) => region) }),
  GetV1RegionsSharedtier: () => ({
    json: regions
      .filter((region) => region.provider !== 'Azure')
      .map(({ regionID: _id, ...region }) => region),
  }),
  GetV2Regions: () => ({ json: regions.map(({ regionID: _id, ...region }) => region) }),
  GetV1OrganizationsCurrent: (context) => ({ json: context.tenant.organization }),

  GetV1WorkspaceGroups: (context) => ({
    json: [...context.tenant.workspaceGroups.values()]
      .map((record) => context.tenant.settle(record))
      .filter((wire) => includeTerminated(context) || wire.state !== 'TERMINATED'),
  }),
  PostV1WorkspaceGroups: (context) => {
    const body = context.body as WorkspaceGroupCreateBody;
    const region = body.regionID
      ? regions.find((candidate) => candidate.regionID === body.regionID)
      : regions.find(
          (candidate) =>
            candidate.provider === body.provider && candidate.regionName === body.regionName,
        );
    if (!region)
      throw new HttpProblem(
        400,
        'unknown region: give a known regionID, or provider and regionName',
      );
    const id = newId();
    const adminPassword = body.adminPassword ?? `Fake-${newId().slice(0, 12)}`;
    const record = {
      wire: {
        workspaceGroupID: id,
        name: body.name,
        createdAt: nowText(),
        state: 'PENDING',
        provider: region.provider,
        regionID: region.regionID,
        regionName: region.regionName,
        firewallRanges: body.firewallRanges,
        allowAllTraffic: body.allowAllTraffic ?? false,
        deploymentType: body.deploymentType ?? 'PRODUCTION',
        expiresAt: body.expiresAt,
        updateWindow: body.updateWindow,
        highAvailabilityTwoZones: body.highAvailabilityTwoZones ?? false,
        optInPreviewFeature: body.optInPreviewFeature ?? false,
        projectID: body.projectID,
      },
    };
    context.tenant.workspaceGroups.set(id, record);
    context.tenant.transition(record, 'ACTIVE');
    context.tenant.audit('WorkspaceGroupCreated', { workspaceGroupID: id });
    return { json: { workspaceGroupID: id, ...(body.adminPassword ? {} : { adminPassword }) } };
  },
  GetV1WorkspaceGroupsWorkspaceGroupID: (context) => ({ json: group(context).wire }),
  PatchV1WorkspaceGroupsWorkspaceGroupID: (context) => {
    const record = group(context);
    if (record.wire.state === 'TERMINATED')
      throw new HttpProblem(409, 'workspace group is terminated');
    const { adminPassword: _password, ...changes } = context.body as WorkspaceGroupUpdateBody;
    Object.assign(record.wire, changes);
    return { json: { workspaceGroupID: record.wire.workspaceGroupID } };
  },
  DeleteV1WorkspaceGroupsWorkspaceGroupID: (context) => {
    const record = group(context);
    const force = context.query.get('force') === 'true';
    const live = [...context.tenant.workspaces.values()].filter(
      (candidate) =>
        candidate.wire.workspaceGroupID === record.wire.workspaceGroupID &&
        context.tenant.settle(candidate).state !== 'TERMINATED',
    );
    if (live.length > 0 && !force) {
      throw new HttpProblem(
        409,
        `workspace group has ${live.length} workspaces; terminate them or pass force=true`,
      );
    }
    for (const candidate of live) {
      context.tenant.transition(candidate, 'TERMINATED', () => {
        candidate.wire.terminatedAt = nowText();
      });
    }
    context.tenant.transition(record, 'TERMINATED', () => {
      record.wire.terminatedAt = nowText();
    });
    return { json: { workspaceGroupID: record.wire.workspaceGroupID } };
  },

  GetV1Workspaces: (context) => {
    const groupId = context.query.get('workspaceGroupID');
    return {
      json: [...context.tenant.workspaces.values()]
        .map((record) => context.tenant.settle(record))
        .filter((wire) => groupId === null || wire.workspaceGroupID === groupId)
        .filter((wire) => includeTerminated(context) || wire.state !== 'TERMINATED')
        .map((wire) => present(context, wire)),
    };
  },
  PostV1Workspaces: (context) => {
    const body = context.body as WorkspaceCreateBody;
    const owner = context.tenant.workspaceGroups.get(body.workspaceGroupID);
    if (!owner) throw notFound('workspace group', body.workspaceGroupID);
    if (context.tenant.settle(owner).state === 'TERMINATED')
      throw new HttpProblem(409, 'workspace group is terminated');
    const id = newId();
    const suspendType = body.autoSuspend?.suspendType;
    const wire: WorkspaceWire = {
      workspaceID: id,
      workspaceGroupID: body.workspaceGroupID,
      name: body.name,
      size: body.size ?? 'S-00',
      state: 'PENDING',
      createdAt: nowText(),
      cacheConfig: body.cacheConfig ?? 1,
      kaiEnabled: body.enableKai ?? false,
      scaleFactor: body.scaleFactor ?? 1,
      deploymentType: 'PRODUCTION',
      autoSuspend:
        suspendType && suspendType !== 'DISABLED'
          ? { suspendType, idleAfterSeconds: body.autoSuspend?.suspendAfterSeconds }
          : undefined,
    };
    const record: Stateful<WorkspaceWire> = { wire };
    context.tenant.workspaces.set(id, record);
    // Names starting with fail- end FAILED, so tests can exercise a wait that cannot succeed.
    const failing = body.name.startsWith('fail-');
    context.tenant.transition(record, failing ? 'FAILED' : 'ACTIVE', () => {
      // Reachable endpoints point at the greeting server; port 1 refuses connections.
      const { endpointsReachable, endpointAddress } = context.tenant.settings;
      if (!failing) wire.endpoint = endpointsReachable ? endpointAddress : '127.0.0.1:1';
    });
    context.tenant.audit('WorkspaceCreated', { workspaceID: id });
    return { json: { workspaceID: id } };
  },
  GetV1WorkspacesWorkspaceID: (context) => ({ json: present(context, workspace(context).wire) }),
  PatchV1WorkspacesWorkspaceID: (context) => {
    const record = workspace(context);
    if (record.wire.state === 'TERMINATED') throw new HttpProblem(409, 'workspace is terminated');
    const body = context.body as WorkspaceUpdateBody;
    const { autoSuspend, enableKai, ...rest } = body;
    Object.assign(record.wire, rest);
    if (enableKai !== undefined) record.wire.kaiEnabled = enableKai;
    if (autoSuspend?.suspendType === 'DISABLED') record.wire.autoSuspend = undefined;
    else if (autoSuspend?.suspendType) {
      record.wire.autoSuspend = {
        suspendType: autoSuspend.suspendType,
        idleAfterSeconds: autoSuspend.suspendAfterSeconds,
      };
    }
    return { json: { workspaceID: record.wire.workspaceID } };
  },
  DeleteV1WorkspacesWorkspaceID: (context) => {
    const record = workspace(context);
    if (record.wire.state === 'TERMINATED')
      throw new HttpProblem(409, 'workspace is already terminated');
    context.tenant.transition(record, 'TERMINATED', () => {
      record.wire.terminatedAt = nowText();
      record.wire.endpoint = undefined;
    });
    return { json: { workspaceID: record.wire.workspaceID } };
  },
  PostV1WorkspacesWorkspaceIDSuspend: (context) => {
    const record = workspace(context);
    if (record.wire.state !== 'ACTIVE' || record.pending) {
      throw new HttpProblem(409, `cannot suspend a workspace in state ${record.wire.state}`);
    }
    context.tenant.transition(record, 'SUSPENDED');
    return { json: { workspaceID: record.wire.workspaceID } };
  },
  PostV1WorkspacesWorkspaceIDResume: (context) => {
    const record = workspace(context);
    if (record.wire.state !== 'SUSPENDED' || record.pending) {
      throw new HttpProblem(409, `cannot resume a workspace in state ${record.wire.state}`);
    }
    const body = (context.body ?? {}) as WorkspaceResumeBody;
    context.tenant.transition(record, 'ACTIVE', () => {
      record.wire.lastResumedAt = nowText();
      if (body.disableAutoSuspend) record.wire.autoSuspend = undefined;
    });
    return { json: { workspaceID: record.wire.workspaceID } };
  },
  GetV1WorkspacesWorkspaceIDPrivateConnections: (context) => ({
    json: [...context.tenant.privateConnections.values()].filter(
      (connection) => connection.workspaceID === workspace(context).wire.workspaceID,
    ),
  }),
  GetV1WorkspacesWorkspaceIDPrivateConnectionsKai: (context) => ({
    json: { serviceName: `kai-${workspace(context).wire.workspaceID.slice(0, 8)}` },
  }),
  GetV1WorkspacesWorkspaceIDPrivateConnectionsOutboundAllowList: (context) => ({
    json: [{ outboundAllowList: `account-${workspace(context).wire.workspaceID.slice(0, 8)}` }],
  }),
  GetV1WorkspacesWorkspaceIDIdentity: (context) => ({
    json: { identity: `arn:fake:iam::workspace/${workspace(context).wire.workspaceID}` },
  }),
  GetV1WorkspaceGroupsWorkspaceGroupIDIdentity: (context) => ({
    json: { identity: `arn:fake:iam::${group(context).wire.workspaceGroupID}` },
  }),
  GetV1WorkspaceGroupsWorkspaceGroupIDPrivateConnections: (context) => ({
    json: [...context.tenant.privateConnections.values()].filter(
      (connection) => connection.workspaceGroupID === group(context).wire.workspaceGroupID,
    ),
  }),

  GetV1SharedtierVirtualWorkspaces: (context) => ({
    json: [...context.tenant.starterWorkspaces.values()],
  }),
  PostV1SharedtierVirtualWorkspaces: (context) => {
    const body = context.body as SharedTierCreateVirtualWorkspaceBody;
    if (
      !regions.some(
        (region) =>
          region.regionName === body.regionName && region.provider.toUpperCase() === body.provider,
      )
    ) {
      throw new HttpProblem(400, `no shared tier in ${body.provider} ${body.regionName}`);
    }
    const id = newId();
    context.tenant.starterWorkspaces.set(id, {
      virtualWorkspaceID: id,
      name: body.name,
      databaseName: body.databaseName,
      endpoint: `svc-${id.slice(0, 8)}.shared.fake-cloud.test`,
      mysqlDmlPort: 3333,
      websocketPort: 443,
      projectID: body.projectID,
    });
    return { json: { virtualWorkspaceID: id } };
  },
  GetV1SharedtierVirtualWorkspacesVirtualWorkspaceID: (context) => ({ json: starter(context) }),
  DeleteV1SharedtierVirtualWorkspacesVirtualWorkspaceID: (context) => {
    context.tenant.starterWorkspaces.delete(starter(context).virtualWorkspaceID ?? '');
    return { json: true };
  },
  PostV1SharedtierVirtualWorkspacesVirtualWorkspaceIDUsers: (context) => {
    const found = starter(context);
    const body = context.body as SharedTierCreateUserBody;
    const userID = newId();
    const password = body.password ?? `Pw-${newId().slice(0, 12)}`;
    context.tenant.starterUsers.set(userID, {
      workspaceId: found.virtualWorkspaceID ?? '',
      userName: body.userName,
      password,
    });
    return { json: { userID, password } };
  },
  PatchV1SharedtierVirtualWorkspacesVirtualWorkspaceIDUsersUserID: (context) => {
    starter(context);
    const user = context.tenant.starterUsers.get(context.params.userID ?? '');
    if (!user) throw notFound('user', context.params.userID ?? '');
    user.password = (context.body as { password?: string }).password ?? user.password;
    return { json: true };
  },
  DeleteV1SharedtierVirtualWorkspacesVirtualWorkspaceIDUsersUserID: (context) => {
    starter(context);
    if (!context.tenant.starterUsers.delete(context.params.userID ?? '')) {
      throw notFound('user', context.params.userID ?? '');
    }
    return { json: true };
  },
};
