import type { ApiClient } from './client/api-client.js';
import { type FlowData, FlowSchema } from './generated/schemas.generated.js';
import { ManagementError } from './management-error.js';
import { modelOf } from './model-base.js';
import { NamedList } from './named-list.js';
import { compact, segment } from './request-helpers.js';

/** A Flow (data-ingestion) instance attached to a workspace. */
export class Flow extends modelOf<FlowData>() {
  /** The flow ID. */
  get id(): string {
    return this.flowId;
  }

  /** DELETE flow/{id}. */
  async delete(signal?: AbortSignal): Promise<void> {
    await this.client.call('DELETE', `flow/${segment(this.flowId)}`, { signal });
  }
}

/** Flow instances of the organization. */
export class Flows {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** GET flow. */
  async list(
    options: { includeTerminated?: boolean; signal?: AbortSignal } = {},
  ): Promise<NamedList<Flow>> {
    const data = await this.#client.parse(FlowSchema.array(), 'GET', 'flow', {
      query: { includeTerminated: options.includeTerminated },
      signal: options.signal,
    });
    return NamedList.fromItems(data.map((item) => new Flow(this.#client, item)));
  }

  /** GET flow/{id}. */
  async get(id: string, signal?: AbortSignal): Promise<Flow> {
    return new Flow(
      this.#client,
      await this.#client.parse(FlowSchema, 'GET', `flow/${segment(id)}`, { signal }),
    );
  }

  /** POST flow, then GET it. */
  async create(options: {
    name: string;
    workspaceId: string;
    databaseName: string;
    userName: string;
    size?: string;
    signal?: AbortSignal;
  }): Promise<Flow> {
    const created = (await this.#client.call('POST', 'flow', {
      json: compact({
        name: options.name,
        workspaceID: options.workspaceId,
        databaseName: options.databaseName,
        userName: options.userName,
        size: options.size,
      }),
      signal: options.signal,
    })) as { flowID?: unknown } | undefined;
    if (typeof created?.flowID !== 'string') {
      throw new ManagementError(
        'Invalid response from POST flow: missing required field "flowID"',
        {
          code: 'INVALID_RESPONSE',
        },
      );
    }
    return this.get(created.flowID, options.signal);
  }
}
