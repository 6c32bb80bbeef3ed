import type { ApiClient } from './client/api-client.js';
import {
  type PrivateConnectionCreateType,
  type PrivateConnectionData,
  PrivateConnectionSchema,
} from './generated/schemas.generated.js';
import { ManagementError } from './management-error.js';
import { modelOf } from './model-base.js';
import { compact, segment } from './request-helpers.js';

/** Options of creating a private connection (spec PrivateConnectionCreate). */
export interface CreatePrivateConnectionOptions {
  workspaceGroupId: string;
  workspaceId?: string;
  type?: PrivateConnectionCreateType;
  /** The allow list as one string (e.g. an account ID), as the spec types it. */
  allowList?: string;
  serviceName?: string;
  sqlPort?: number;
  websocketsPort?: number;
  kaiEndpointId?: string;
  signal?: AbortSignal;
}

/** A private-link connection of a workspace group or workspace. */
export class PrivateConnection extends modelOf<PrivateConnectionData>() {
  /** The connection ID. */
  get id(): string {
    return this.privateConnectionId;
  }

  get #path(): string {
    return `privateConnections/${segment(this.privateConnectionId)}`;
  }

  /** Reloads the fields. */
  async refresh(signal?: AbortSignal): Promise<this> {
    this.assign(await this.client.parse(PrivateConnectionSchema, 'GET', this.#path, { signal }));
    return this;
  }

  /** PATCH privateConnections/{id} with a new allow list, then refresh. */
  async update(allowList: string, signal?: AbortSignal): Promise<this> {
    await this.client.call('PATCH', this.#path, { json: { allowList }, signal });
    return this.refresh(signal);
  }

  /** DELETE privateConnections/{id}. */
  async delete(signal?: AbortSignal): Promise<void> {
    await this.client.call('DELETE', this.#path, { signal });
  }
}

/** Private connections of the organization. */
export class PrivateConnections {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** GET privateConnections/{id}. */
  async get(id: string, signal?: AbortSignal): Promise<PrivateConnection> {
    const data = await this.#client.parse(
      PrivateConnectionSchema,
      'GET',
      `privateConnections/${segment(id)}`,
      {
        signal,
      },
    );
    return new PrivateConnection(this.#client, data);
  }

  /** POST privateConnections, then GET the new connection. */
  async create(options: CreatePrivateConnectionOptions): Promise<PrivateConnection> {
    const created = (await this.#client.call('POST', 'privateConnections', {
      json: compact({
        workspaceGroupID: options.workspaceGroupId,
        workspaceID: options.workspaceId,
        type: options.type,
        allowList: options.allowList,
        serviceName: options.serviceName,
        sqlPort: options.sqlPort,
        websocketsPort: options.websocketsPort,
        kaiEndpointID: options.kaiEndpointId,
      }),
      signal: options.signal,
    })) as { privateConnectionID?: unknown } | undefined;
    if (typeof created?.privateConnectionID !== 'string') {
      throw new ManagementError(
        'Invalid response from POST privateConnections: missing required field "privateConnectionID"',
        { code: 'INVALID_RESPONSE' },
      );
    }
    return this.get(created.privateConnectionID, options.signal);
  }
}
