import type { ApiClient } from './client/api-client.js';
import {
  AppTokenSchema,
  type CloudFunctionCreateTargetType,
  type NotebookCloudFunctionData,
  NotebookCloudFunctionSchema,
  operations,
} from './generated/schemas.generated.js';
import { ManagementError } from './management-error.js';
import { compact, segment } from './request-helpers.js';

/** Fields of a cloud function (notebook served as an HTTP function or agent). */
export interface CloudFunctionFields {
  name?: string;
  description?: string;
  notebookPath?: string;
  databaseName?: string;
  targetId?: string;
  targetType?: CloudFunctionCreateTargetType;
  image?: string;
  poolName?: string;
  idleTimeoutSeconds?: number;
}

function wireFields(fields: CloudFunctionFields) {
  return compact({
    name: fields.name,
    description: fields.description,
    notebookPath: fields.notebookPath,
    databaseName: fields.databaseName,
    targetID: fields.targetId,
    targetType: fields.targetType,
    image: fields.image,
    poolName: fields.poolName,
    idleTimeoutSeconds: fields.idleTimeoutSeconds,
  });
}

/** Cloud functions of the organization. */
export class CloudFunctions {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** All cloud functions, page by page (GET cloudfunctions with `limit` and `offsetID`). */
  async *list(
    options: { pageSize?: number; signal?: AbortSignal } = {},
  ): AsyncGenerator<NotebookCloudFunctionData> {
    let offsetId: string | undefined;
    for (;;) {
      const page = await this.#client.parse(
        operations.GetV1Cloudfunctions.response,
        'GET',
        'cloudfunctions',
        {
          query: { limit: options.pageSize, offsetID: offsetId },
          signal: options.signal,
        },
      );
      const items = page.cloudFunctions ?? [];
      yield* items;
      const last = items.at(-1);
      if (!page.metadata?.hasNextPage || last === undefined) return;
      offsetId = last.serviceId;
    }
  }

  /** GET cloudfunctions/{id}. */
  async get(id: string, signal?: AbortSignal): Promise<NotebookCloudFunctionData> {
    return this.#client.parse(NotebookCloudFunctionSchema, 'GET', `cloudfunctions/${segment(id)}`, {
      signal,
    });
  }

  /** POST cloudfunctions, then GET it. */
  async create(
    fields: CloudFunctionFields & { isAgent?: boolean; signal?: AbortSignal },
  ): Promise<NotebookCloudFunctionData> {
    const created = (await this.#client.call('POST', 'cloudfunctions', {
      json: compact({ ...wireFields(fields), isAgent: fields.isAgent }),
      signal: fields.signal,
    })) as { cloudFunctionID?: unknown } | undefined;
    if (typeof created?.cloudFunctionID !== 'string') {
      throw new ManagementError(
        'Invalid response from POST cloudfunctions: missing required field "cloudFunctionID"',
        {
          code: 'INVALID_RESPONSE',
        },
      );
    }
    return this.get(created.cloudFunctionID, fields.signal);
  }

  /** PATCH cloudfunctions/{id}; `lastKnownUpdatedAt` guards against concurrent edits. */
  async update(
    id: string,
    fields: CloudFunctionFields & {
      lastKnownUpdatedAt?: Date;
      updateNotebookSnapshot?: boolean;
      signal?: AbortSignal;
    },
  ): Promise<NotebookCloudFunctionData> {
    return this.#client.parse(
      NotebookCloudFunctionSchema,
      'PATCH',
      `cloudfunctions/${segment(id)}`,
      {
        json: wireFields(fields),
        query: {
          lastKnownUpdatedAt: fields.lastKnownUpdatedAt?.toISOString(),
          updateNotebookSnapshot: fields.updateNotebookSnapshot,
        },
        signal: fields.signal,
      },
    );
  }

  /** DELETE cloudfunctions/{id}. */
  async delete(id: string, signal?: AbortSignal): Promise<NotebookCloudFunctionData> {
    return this.#client.parse(
      NotebookCloudFunctionSchema,
      'DELETE',
      `cloudfunctions/${segment(id)}`,
      { signal },
    );
  }

  /** GET cloudfunctions/{id}/token: a JWT to call the function. */
  async token(
    id: string,
    signal?: AbortSignal,
  ): Promise<{ jwt: string; expiresAt: Date | undefined }> {
    return this.#client.parse(AppTokenSchema, 'GET', `cloudfunctions/${segment(id)}/token`, {
      signal,
    });
  }
}
