import { z } from 'zod';
import type { ApiClient } from './client/api-client.js';
import { ManagementError } from './management-error.js';
import { compact, segment } from './request-helpers.js';

/** A partition transform of an exported table, e.g. `{ transform: 'day', name: 'created_at' }`. */
export interface PartitionField {
  name: string;
  transform: string;
}

/** A sort key of an exported table. */
export interface SortField {
  name: string;
  transform?: string;
  direction?: 'ascending' | 'descending';
  nullOrder?: 'nulls_first' | 'nulls_last';
}

/** What to export and where (the Python SDK's ExportService arguments). */
export interface ExportDefinition {
  workspaceGroupId: string;
  databaseName: string;
  tableName: string;
  /** Catalog settings, as an object or JSON text. */
  catalogInfo: Record<string, unknown> | string;
  /** Storage settings, as an object or JSON text. */
  storageInfo: Record<string, unknown> | string;
  partitionBy?: PartitionField[];
  orderBy?: SortField[];
  properties?: Record<string, unknown>;
  incremental?: boolean;
  /** Seconds between incremental refreshes. */
  refreshInterval?: number;
}

const statusSchema = z
  .looseObject({ status: z.string().nullish(), statusMsg: z.string().nullish() })
  .transform((value) => ({
    status: value.status ?? 'Unknown',
    message: value.statusMsg ?? undefined,
  }));

function asObject(value: Record<string, unknown> | string): Record<string, unknown> {
  return typeof value === 'string' ? (JSON.parse(value) as Record<string, unknown>) : value;
}

/** A running table export (egress), addressed by its egress ID. */
export class TableExport {
  readonly #client: ApiClient;
  readonly #base: string;
  /** The egress ID. */
  readonly id: string;

  constructor(client: ApiClient, workspaceGroupId: string, id: string) {
    this.#client = client;
    this.#base = `workspaceGroups/${segment(workspaceGroupId)}/egress`;
    this.id = id;
  }

  /** The export's status (a GET with a JSON body, sent with node:http since fetch cannot). */
  async status(signal?: AbortSignal): Promise<{ status: string; message: string | undefined }> {
    return this.#client.parse(statusSchema, 'GET', `${this.#base}/tableEgressStatus`, {
      json: { egressID: this.id },
      signal,
    });
  }

  /** Suspends the export. */
  async suspend(signal?: AbortSignal): Promise<void> {
    await this.#client.call('POST', `${this.#base}/suspendTableEgress`, {
      json: { egressID: this.id },
      signal,
    });
  }

  /** Resumes the export. */
  async resume(signal?: AbortSignal): Promise<void> {
    await this.#client.call('POST', `${this.#base}/resumeTableEgress`, {
      json: { egressID: this.id },
      signal,
    });
  }

  /** Drops the export (a DELETE with a JSON body). */
  async drop(signal?: AbortSignal): Promise<void> {
    await this.#client.call('DELETE', `${this.#base}/dropTableEgress`, {
      json: { egressID: this.id },
      signal,
    });
  }
}

/**
 * Iceberg table export (egress) of a workspace group. Not in the public spec; the calls mirror
 * the Python SDK's ExportService and may change with the service.
 */
export class ExportService {
  readonly #client: ApiClient;
  readonly #definition: ExportDefinition;
  readonly #base: string;

  constructor(client: ApiClient, definition: ExportDefinition) {
    this.#client = client;
    this.#definition = definition;
    this.#base = `workspaceGroups/${segment(definition.workspaceGroupId)}/egress`;
  }

  /** POST …/createEgressClusterIdentity: the identity to grant access to the storage. */
  async createClusterIdentity(signal?: AbortSignal): Promise<string> {
    const data = (await this.#client.call('POST', `${this.#base}/createEgressClusterIdentity`, {
      json: {
        catalogInfo: asObject(this.#definition.catalogInfo),
        storageInfo: asObject(this.#definition.storageInfo),
      },
      signal,
    })) as { identity?: unknown } | undefined;
    if (typeof data?.identity !== 'string') {
      throw new ManagementError(
        'Invalid response from createEgressClusterIdentity: missing required field "identity"',
        {
          code: 'INVALID_RESPONSE',
        },
      );
    }
    return data.identity;
  }

  /** POST …/startTableEgress and return the running export. */
  async start(options: { tags?: string[]; signal?: AbortSignal } = {}): Promise<TableExport> {
    const definition = this.#definition;
    const json = compact({
      databaseName: definition.databaseName,
      tableName: definition.tableName,
      storageInfo: asObject(definition.storageInfo),
      catalogInfo: asObject(definition.catalogInfo),
      partitionSpec: definition.partitionBy && {
        partitions: definition.partitionBy.map((field) => ({
          transform: field.transform,
          name: field.name,
        })),
      },
      sortOrderSpec: definition.orderBy && {
        keys: definition.orderBy.map((field) => ({
          transform: field.transform ?? 'identity',
          name: field.name,
          direction: field.direction ?? 'ascending',
          null_order: field.nullOrder ?? 'nulls_first',
        })),
      },
      properties: definition.properties,
      incremental: definition.incremental ? true : undefined,
      refreshInterval: definition.refreshInterval,
      tags: options.tags,
    });
    const data = (await this.#client.call('POST', `${this.#base}/startTableEgress`, {
      json,
      signal: options.signal,
    })) as { egressID?: unknown } | undefined;
    if (typeof data?.egressID !== 'string') {
      throw new ManagementError(
        'Invalid response from startTableEgress: missing required field "egressID"',
        {
          code: 'INVALID_RESPONSE',
        },
      );
    }
    return new TableExport(this.#client, definition.workspaceGroupId, data.egressID);
  }
}

/** Lists a group's exports as the service returns them (a GET with a JSON `{scope}` body). */
export async function listExports(
  client: ApiClient,
  workspaceGroupId: string,
  scope = 'all',
  signal?: AbortSignal,
): Promise<unknown> {
  return client.call(
    'GET',
    `workspaceGroups/${segment(workspaceGroupId)}/egress/tableEgressStatus`,
    {
      json: { scope },
      signal,
    },
  );
}
