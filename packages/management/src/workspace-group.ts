import { type AccessControls, accessControlsOf } from './access-controls.js';
import { type DelegatedEntities, delegatedEntitiesOf } from './delegated-entities.js';
import { type ExportDefinition, ExportService, listExports } from './export-service.js';
import { Stage } from './files/stage.js';
import {
  CloudWorkloadIdentitySchema,
  type PrivateConnectionData,
  PrivateConnectionSchema,
  type WorkspaceGroupData,
  WorkspaceGroupSchema,
  type WorkspaceGroupUpdateDeploymentType,
  WorkspaceSchema,
} from './generated/schemas.generated.js';
import { modelOf } from './model-base.js';
import type { NamedList } from './named-list.js';
import { compact, isoText, sameState, segment } from './request-helpers.js';
import { Storage } from './storage.js';
import { type WaitOptions, waitFor } from './wait-for.js';
import { Workspace, workspaceList } from './workspace.js';
import { type CreateWorkspaceOptions, createWorkspaceIn } from './workspace-create.js';

/** Changes accepted by `WorkspaceGroup.update()`; omitted fields stay as they are. */
export interface WorkspaceGroupChanges {
  name?: string;
  firewallRanges?: string[];
  adminPassword?: string;
  expiresAt?: Date | string;
  allowAllTraffic?: boolean;
  updateWindow?: { day: number; hour: number };
  deploymentType?: WorkspaceGroupUpdateDeploymentType;
  signal?: AbortSignal;
}

/** A workspace group, with its workspaces, stage and storage reachable through methods. */
export class WorkspaceGroup extends modelOf<WorkspaceGroupData>() {
  /** The admin password the API generated at creation; only set on the object createWorkspaceGroup returns. */
  declare readonly adminPassword?: string;

  /** The workspace group ID. */
  get id(): string {
    return this.workspaceGroupId;
  }

  get #path(): string {
    return `workspaceGroups/${segment(this.workspaceGroupId)}`;
  }

  /** The group's Stage (file storage); no request is made until a method is called. */
  get stage(): Stage {
    return new Stage(this.client, this.workspaceGroupId);
  }

  /** Storage settings: retention period and disaster recovery. */
  get storage(): Storage {
    return new Storage(this.client, this.workspaceGroupId);
  }

  /** Access controls (GET/PATCH workspaceGroups/{id}/accessControls). */
  get accessControls(): AccessControls {
    return accessControlsOf(this.client, this.#path);
  }

  /** Entities that may act on this resource on the caller's behalf. */
  get delegatedEntities(): DelegatedEntities {
    return delegatedEntitiesOf(this.client, this.#path);
  }

  /** Reloads the fields from GET workspaceGroups/{id}. */
  async refresh(signal?: AbortSignal): Promise<this> {
    this.assign(await this.client.parse(WorkspaceGroupSchema, 'GET', this.#path, { signal }));
    return this;
  }

  /** PATCH workspaceGroups/{id} with only the given changes, then refresh. */
  async update(changes: WorkspaceGroupChanges): Promise<this> {
    await this.client.call('PATCH', this.#path, {
      json: compact({
        name: changes.name,
        firewallRanges: changes.firewallRanges,
        adminPassword: changes.adminPassword,
        expiresAt: isoText(changes.expiresAt),
        allowAllTraffic: changes.allowAllTraffic,
        updateWindow: changes.updateWindow,
        deploymentType: changes.deploymentType,
      }),
      signal: changes.signal,
    });
    return this.refresh(changes.signal);
  }

  /**
   * DELETE workspaceGroups/{id} (`force=true` only when asked); with `wait`, until the group
   * reports terminatedAt or state TERMINATED.
   */
  async terminate(options: WaitOptions & { force?: boolean; wait?: boolean } = {}): Promise<this> {
    await this.client.call('DELETE', this.#path, {
      query: { force: options.force ? 'true' : undefined },
      signal: options.signal,
    });
    if (!options.wait) return this.refresh(options.signal);
    await waitFor(
      {
        load: async () => this.refresh(options.signal),
        done: (group) => group.terminatedAt !== undefined || sameState(group.state, 'TERMINATED'),
        description: `workspace group ${this.workspaceGroupId} to terminate`,
      },
      options,
    );
    return this;
  }

  /** GET workspaces?workspaceGroupID={id}: the group's workspaces. */
  async listWorkspaces(
    options: { includeTerminated?: boolean; signal?: AbortSignal } = {},
  ): Promise<NamedList<Workspace>> {
    const data = await this.client.parse(WorkspaceSchema.array(), 'GET', 'workspaces', {
      query: {
        workspaceGroupID: this.workspaceGroupId,
        includeTerminated: options.includeTerminated,
      },
      signal: options.signal,
    });
    return workspaceList(data.map((item) => new Workspace(this.client, item)));
  }

  /** Creates a workspace in this group (see WorkspaceManager.createWorkspace). */
  async createWorkspace(
    options: Omit<CreateWorkspaceOptions, 'workspaceGroup'>,
  ): Promise<Workspace> {
    return createWorkspaceIn(this.client, { ...options, workspaceGroup: this.workspaceGroupId });
  }

  /** An Iceberg table export (egress) from this group; outside the public spec. */
  exportService(definition: Omit<ExportDefinition, 'workspaceGroupId'>): ExportService {
    return new ExportService(this.client, {
      ...definition,
      workspaceGroupId: this.workspaceGroupId,
    });
  }

  /** The group's exports as the egress service reports them (raw JSON); outside the public spec. */
  async listExports(scope = 'all', signal?: AbortSignal): Promise<unknown> {
    return listExports(this.client, this.workspaceGroupId, scope, signal);
  }

  /** GET workspaceGroups/{id}/privateConnections. */
  async listPrivateConnections(signal?: AbortSignal): Promise<PrivateConnectionData[]> {
    return this.client.parse(
      PrivateConnectionSchema.array(),
      'GET',
      `${this.#path}/privateConnections`,
      {
        signal,
      },
    );
  }

  /** GET workspaceGroups/{id}/identity: the cloud workload identity. */
  async identity(signal?: AbortSignal): Promise<string> {
    const data = await this.client.parse(
      CloudWorkloadIdentitySchema,
      'GET',
      `${this.#path}/identity`,
      {
        signal,
      },
    );
    return data.identity;
  }

  /**
   * GET /v2/organizations/{org}/workspaceGroups/{id}/metrics as OpenMetrics text. The
   * organization is the client's, else the current organization's.
   */
  async metrics(signal?: AbortSignal): Promise<string> {
    let organizationId =
      this.client.settings.organizationId ?? process.env.SINGLESTOREDB_ORGANIZATION;
    if (!organizationId) {
      const current = (await this.client.call('GET', 'organizations/current', { signal })) as {
        orgID?: string;
      };
      organizationId = current?.orgID ?? '';
    }
    const response = await this.client.send(
      'GET',
      `organizations/${segment(organizationId)}/workspaceGroups/${segment(this.workspaceGroupId)}/metrics`,
      { apiVersion: 'v2', headers: { accept: 'text/plain' }, signal },
    );
    return response.text();
  }
}
