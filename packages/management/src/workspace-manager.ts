import { type AuditLogFilters, auditLogPages } from './audit-logs.js';
import { Authorization } from './authorization.js';
import { Billing } from './billing.js';
import type { ApiClient } from './client/api-client.js';
import { CloudFunctions } from './cloud-functions.js';
import { type ExportDefinition, ExportService } from './export-service.js';
import { FilesManager } from './files/files-manager.js';
import { Flows } from './flows.js';
import type { AuditLogData } from './generated/schemas.generated.js';
import {
  type CloudProvider,
  OrganizationSchema,
  type SharedTierCreateVirtualWorkspaceProvider,
  SharedTierVirtualWorkspaceSchema,
  type WorkspaceGroupCreateDeploymentType,
  WorkspaceGroupSchema,
  WorkspaceSchema,
} from './generated/schemas.generated.js';
import { InferenceApiManager } from './inference-apis.js';
import { Invitations } from './invitations.js';
import { JobsManager } from './jobs.js';
import { ManagementError } from './management-error.js';
import { NamedList } from './named-list.js';
import { Organization } from './organization.js';
import { PrivateConnections } from './private-connections.js';
import { Projects } from './projects.js';
import { type Region, RegionManager } from './region.js';
import { compact, isoText, segment } from './request-helpers.js';
import { Roles } from './roles.js';
import { Secrets } from './secrets.js';
import { ServiceIdentities } from './service-identities.js';
import { StarterWorkspace } from './starter-workspace.js';
import { Teams } from './teams.js';
import { Users } from './users.js';
import { VirtualClusters } from './virtual-clusters.js';
import { Workspace } from './workspace.js';
import { type CreateWorkspaceOptions, createWorkspaceIn } from './workspace-create.js';
import { WorkspaceGroup } from './workspace-group.js';

/** Options of createWorkspaceGroup: `name`, and `regionId` or `provider` + `regionName`. */
export interface CreateWorkspaceGroupOptions {
  name: string;
  regionId?: string;
  provider?: CloudProvider;
  regionName?: string;
  /** Allowed client IP ranges (default none). */
  firewallRanges?: string[];
  adminPassword?: string;
  expiresAt?: Date | string;
  allowAllTraffic?: boolean;
  updateWindow?: { day: number; hour: number };
  deploymentType?: WorkspaceGroupCreateDeploymentType;
  highAvailabilityTwoZones?: boolean;
  optInPreviewFeature?: boolean;
  projectId?: string;
  signal?: AbortSignal;
}

function requireId(data: unknown, key: string, context: string): string {
  const value = (data as Record<string, unknown> | undefined)?.[key];
  if (typeof value !== 'string') {
    throw new ManagementError(`Invalid response from ${context}: missing required field "${key}"`, {
      code: 'INVALID_RESPONSE',
    });
  }
  return value;
}

/**
 * Entry point to workspace groups, workspaces, starter workspaces, regions and organization
 * resources. Every method is async and makes its requests when called; properties make none.
 */
export class WorkspaceManager {
  readonly #client: ApiClient;
  readonly #regions: RegionManager;

  constructor(client: ApiClient) {
    this.#client = client;
    this.#regions = new RegionManager(client);
  }

  /** @internal The HTTP client, for sibling modules. */
  get apiClient(): ApiClient {
    return this.#client;
  }

  /** Organization file spaces. */
  get files(): FilesManager {
    return new FilesManager(this.#client);
  }

  /** Notebook jobs. */
  get jobs(): JobsManager {
    return new JobsManager(this.#client);
  }

  /** Organization secrets. */
  get secrets(): Secrets {
    return new Secrets(this.#client);
  }

  /** Billing usage. */
  get billing(): Billing {
    return new Billing(this.#client);
  }

  /** Teams of the organization. */
  get teams(): Teams {
    return new Teams(this.#client);
  }

  /** Users of the organization. */
  get users(): Users {
    return new Users(this.#client);
  }

  /** Role definitions. */
  get roles(): Roles {
    return new Roles(this.#client);
  }

  /** Invitations to the organization. */
  get invitations(): Invitations {
    return new Invitations(this.#client);
  }

  /** Private connections. */
  get privateConnections(): PrivateConnections {
    return new PrivateConnections(this.#client);
  }

  /** Service accounts and cloud principals (create, update, delete). */
  get serviceIdentities(): ServiceIdentities {
    return new ServiceIdentities(this.#client);
  }

  /** The v2 authorization API (permissions and organization roles). */
  get authorization(): Authorization {
    return new Authorization(this.#client);
  }

  /** Flow instances. */
  get flows(): Flows {
    return new Flows(this.#client);
  }

  /** Cloud functions. */
  get cloudFunctions(): CloudFunctions {
    return new CloudFunctions(this.#client);
  }

  /** v2 shared-tier virtual clusters. */
  get virtualClusters(): VirtualClusters {
    return new VirtualClusters(this.#client);
  }

  /** Projects. */
  get projects(): Projects {
    return new Projects(this.#client);
  }

  /**
   * SingleStore-hosted inference APIs of a project (default `SINGLESTOREDB_PROJECT`). Outside
   * the public spec.
   */
  inferenceApis(projectId?: string): InferenceApiManager {
    return new InferenceApiManager(this.#client, projectId);
  }

  /** An Iceberg table export (egress) of a workspace group. Outside the public spec. */
  exportService(definition: ExportDefinition): ExportService {
    return new ExportService(this.#client, definition);
  }

  /** The audit log as an async iterator that follows `nextToken` (GET auditLogs). */
  auditLogs(filters: AuditLogFilters = {}): AsyncGenerator<AuditLogData> {
    return auditLogPages(this.#client, filters);
  }

  /** GET workspaceGroups. */
  async listWorkspaceGroups(
    options: { includeTerminated?: boolean; signal?: AbortSignal } = {},
  ): Promise<NamedList<WorkspaceGroup>> {
    const data = await this.#client.parse(WorkspaceGroupSchema.array(), 'GET', 'workspaceGroups', {
      query: { includeTerminated: options.includeTerminated },
      signal: options.signal,
    });
    return NamedList.fromItems(data.map((item) => new WorkspaceGroup(this.#client, item)));
  }

  /** GET workspaceGroups/{id}. */
  async getWorkspaceGroup(id: string, signal?: AbortSignal): Promise<WorkspaceGroup> {
    const data = await this.#client.parse(
      WorkspaceGroupSchema,
      'GET',
      `workspaceGroups/${segment(id)}`,
      { signal },
    );
    return new WorkspaceGroup(this.#client, data);
  }

  /**
   * POST workspaceGroups, then GET the new group. The admin password the API generates (when
   * none was given) is returned once as `group.adminPassword`, a non-enumerable property that
   * stays out of JSON, inspection and logs.
   */
  async createWorkspaceGroup(options: CreateWorkspaceGroupOptions): Promise<WorkspaceGroup> {
    const created = await this.#client.call('POST', 'workspaceGroups', {
      json: compact({
        name: options.name,
        regionID: options.regionId,
        provider: options.provider,
        regionName: options.regionName,
        firewallRanges: options.firewallRanges ?? [],
        adminPassword: options.adminPassword,
        expiresAt: isoText(options.expiresAt),
        allowAllTraffic: options.allowAllTraffic,
        updateWindow: options.updateWindow,
        deploymentType: options.deploymentType,
        highAvailabilityTwoZones: options.highAvailabilityTwoZones,
        optInPreviewFeature: options.optInPreviewFeature,
        projectID: options.projectId,
      }),
      signal: options.signal,
    });
    const id = requireId(created, 'workspaceGroupID', 'POST workspaceGroups');
    const group = await this.getWorkspaceGroup(id, options.signal);
    const password =
      (created as { adminPassword?: unknown }).adminPassword ?? options.adminPassword;
    if (typeof password === 'string') {
      Object.defineProperty(group, 'adminPassword', { value: password, enumerable: false });
    }
    return group;
  }

  /** GET workspaces (of one group when given; the API may require it). */
  async listWorkspaces(
    workspaceGroupId?: string,
    options: { includeTerminated?: boolean; signal?: AbortSignal } = {},
  ): Promise<NamedList<Workspace>> {
    const data = await this.#client.parse(WorkspaceSchema.array(), 'GET', 'workspaces', {
      query: { workspaceGroupID: workspaceGroupId, includeTerminated: options.includeTerminated },
      signal: options.signal,
    });
    return NamedList.fromItems(data.map((item) => new Workspace(this.#client, item)));
  }

  /** GET workspaces/{id}. */
  async getWorkspace(id: string, signal?: AbortSignal): Promise<Workspace> {
    return new Workspace(
      this.#client,
      await this.#client.parse(WorkspaceSchema, 'GET', `workspaces/${segment(id)}`, { signal }),
    );
  }

  /** POST workspaces, then GET it; with `waitOnActive`, polls (bounded, abortable) until ACTIVE. */
  async createWorkspace(options: CreateWorkspaceOptions): Promise<Workspace> {
    return createWorkspaceIn(this.#client, options);
  }

  /** GET sharedtier/virtualWorkspaces. */
  async listStarterWorkspaces(signal?: AbortSignal): Promise<NamedList<StarterWorkspace>> {
    const data = await this.#client.parse(
      SharedTierVirtualWorkspaceSchema.array(),
      'GET',
      'sharedtier/virtualWorkspaces',
      {
        signal,
      },
    );
    return NamedList.fromItems(data.map((item) => new StarterWorkspace(this.#client, item)));
  }

  /** GET sharedtier/virtualWorkspaces/{id}. */
  async getStarterWorkspace(id: string, signal?: AbortSignal): Promise<StarterWorkspace> {
    const data = await this.#client.parse(
      SharedTierVirtualWorkspaceSchema,
      'GET',
      `sharedtier/virtualWorkspaces/${segment(id)}`,
      { signal },
    );
    return new StarterWorkspace(this.#client, data);
  }

  /** POST sharedtier/virtualWorkspaces (provider as the spec's AWS|GCP|AZURE), then GET it. */
  async createStarterWorkspace(options: {
    name: string;
    databaseName: string;
    provider: SharedTierCreateVirtualWorkspaceProvider | 'Azure';
    regionName: string;
    projectId?: string;
    signal?: AbortSignal;
  }): Promise<StarterWorkspace> {
    const created = await this.#client.call('POST', 'sharedtier/virtualWorkspaces', {
      json: compact({
        name: options.name,
        databaseName: options.databaseName,
        provider: options.provider.toUpperCase(),
        regionName: options.regionName,
        projectID: options.projectId,
      }),
      signal: options.signal,
    });
    const id = requireId(created, 'virtualWorkspaceID', 'POST sharedtier/virtualWorkspaces');
    return this.getStarterWorkspace(id, options.signal);
  }

  /** GET regions. */
  async listRegions(signal?: AbortSignal): Promise<NamedList<Region>> {
    return this.#regions.listRegions(signal);
  }

  /** GET regions/sharedtier. */
  async listSharedTierRegions(signal?: AbortSignal): Promise<NamedList<Region>> {
    return this.#regions.listSharedTierRegions(signal);
  }

  /** GET organizations/current. */
  async organization(signal?: AbortSignal): Promise<Organization> {
    return new Organization(
      this.#client,
      await this.#client.parse(OrganizationSchema, 'GET', 'organizations/current', { signal }),
    );
  }
}
