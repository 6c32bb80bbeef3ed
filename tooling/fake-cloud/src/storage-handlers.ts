import type { StorageDRSetupBody } from '@s2/management/internal';
import type { HandlerContext, HandlerTable } from './handler-types.js';
import { HttpProblem, notFound } from './http-problem.js';
import { nowText } from './ids.js';
import { regions } from './regions.js';
import { found } from './tenant-lookups.js';

function groupOf(context: HandlerContext) {
  return found(context.tenant.workspaceGroups, 'workspace group', context.params.workspaceGroupID);
}

function drChange(context: HandlerContext, kind: string) {
  const group = groupOf(context);
  const setup = context.tenant.disasterRecovery.get(group.wire.workspaceGroupID);
  if (!setup) throw new HttpProblem(409, `cannot ${kind}: disaster recovery is not set up`);
  setup.state = kind;
  return { json: undefined };
}

/** Billing usage, storage retention, disaster recovery and v2 metrics. */
export const storageHandlers: HandlerTable = {
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
