import type { ApiClient } from './client/api-client.js';
import {
  type SharedTierCreateVirtualClusterProvider,
  type SharedTierVirtualClusterData,
  SharedTierVirtualClusterSchema,
} from './generated/schemas.generated.js';
import { ManagementError } from './management-error.js';
import { modelOf } from './model-base.js';
import { NamedList } from './named-list.js';
import { compact, segment } from './request-helpers.js';
import type { StarterWorkspaceUser } from './starter-workspace.js';

/** A v2 shared-tier virtual cluster (`/v2/sharedtier/virtualClusters`), the successor of starter workspaces. */
export class VirtualCluster extends modelOf<SharedTierVirtualClusterData>() {
  /** The virtual cluster ID. */
  get id(): string {
    return this.virtualClusterId ?? '';
  }

  get #path(): string {
    return `sharedtier/virtualClusters/${segment(this.id)}`;
  }

  /** DELETE the virtual cluster. */
  async terminate(signal?: AbortSignal): Promise<void> {
    await this.client.call('DELETE', this.#path, { signal, apiVersion: 'v2' });
  }

  /** POST …/users: a database user; the password is the given one or the generated one. */
  async createUser(
    userName: string,
    options: { password?: string; signal?: AbortSignal } = {},
  ): Promise<StarterWorkspaceUser> {
    const created = (await this.client.call('POST', `${this.#path}/users`, {
      json: compact({ userName, password: options.password }),
      signal: options.signal,
      apiVersion: 'v2',
    })) as { userID?: unknown; password?: unknown } | undefined;
    if (typeof created?.userID !== 'string') {
      throw new ManagementError(
        `Invalid response from POST ${this.#path}/users: missing required field "userID"`,
        {
          code: 'INVALID_RESPONSE',
        },
      );
    }
    return {
      userId: created.userID,
      userName,
      password:
        options.password ?? (typeof created.password === 'string' ? created.password : undefined),
    };
  }

  /** PATCH …/users/{userID} with a new password. */
  async updateUser(userId: string, password: string, signal?: AbortSignal): Promise<void> {
    await this.client.call('PATCH', `${this.#path}/users/${segment(userId)}`, {
      json: { password },
      signal,
      apiVersion: 'v2',
    });
  }

  /** DELETE …/users/{userID}. */
  async deleteUser(userId: string, signal?: AbortSignal): Promise<void> {
    await this.client.call('DELETE', `${this.#path}/users/${segment(userId)}`, {
      signal,
      apiVersion: 'v2',
    });
  }
}

/** v2 shared-tier virtual clusters. */
export class VirtualClusters {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** GET /v2/sharedtier/virtualClusters. */
  async list(signal?: AbortSignal): Promise<NamedList<VirtualCluster>> {
    const data = await this.#client.parse(
      SharedTierVirtualClusterSchema.array(),
      'GET',
      'sharedtier/virtualClusters',
      {
        signal,
        apiVersion: 'v2',
      },
    );
    return NamedList.fromItems(data.map((item) => new VirtualCluster(this.#client, item)));
  }

  /** GET /v2/sharedtier/virtualClusters/{id}. */
  async get(id: string, signal?: AbortSignal): Promise<VirtualCluster> {
    const data = await this.#client.parse(
      SharedTierVirtualClusterSchema,
      'GET',
      `sharedtier/virtualClusters/${segment(id)}`,
      { signal, apiVersion: 'v2' },
    );
    return new VirtualCluster(this.#client, data);
  }

  /** POST /v2/sharedtier/virtualClusters, then GET it. */
  async create(options: {
    name: string;
    databaseName: string;
    provider: SharedTierCreateVirtualClusterProvider;
    regionName: string;
    projectId?: string;
    signal?: AbortSignal;
  }): Promise<VirtualCluster> {
    const created = (await this.#client.call('POST', 'sharedtier/virtualClusters', {
      json: compact({
        name: options.name,
        databaseName: options.databaseName,
        provider: options.provider,
        regionName: options.regionName,
        projectID: options.projectId,
      }),
      signal: options.signal,
      apiVersion: 'v2',
    })) as { virtualClusterID?: unknown } | undefined;
    if (typeof created?.virtualClusterID !== 'string') {
      throw new ManagementError(
        'Invalid response from POST sharedtier/virtualClusters: missing required field "virtualClusterID"',
        {
          code: 'INVALID_RESPONSE',
        },
      );
    }
    return this.get(created.virtualClusterID, options.signal);
  }
}
