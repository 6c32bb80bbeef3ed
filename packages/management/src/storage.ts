import type { ApiClient } from './client/api-client.js';
import { RegionSchema, StorageDRStatusSchema } from './generated/schemas.generated.js';
import { segment } from './request-helpers.js';

/** Disaster-recovery operations of a workspace group's storage. */
export class DisasterRecovery {
  readonly #client: ApiClient;
  readonly #path: string;

  constructor(client: ApiClient, workspaceGroupId: string) {
    this.#client = client;
    this.#path = `workspaceGroups/${segment(workspaceGroupId)}/storage/DR`;
  }

  /** GET …/storage/DR/status: compute and per-database replication state. */
  async status(signal?: AbortSignal) {
    return this.#client.parse(StorageDRStatusSchema, 'GET', `${this.#path}/status`, { signal });
  }

  /** GET …/storage/DR/regions: regions available as a DR secondary (a bare array per spec). */
  async regions(signal?: AbortSignal) {
    return this.#client.parse(RegionSchema.array(), 'GET', `${this.#path}/regions`, { signal });
  }

  /** POST …/storage/DR/setup with `{regionID, databaseNames, autoReplication?}`. */
  async setup(
    options: { regionId: string; databaseNames: string[]; autoReplication?: boolean },
    signal?: AbortSignal,
  ): Promise<void> {
    const json: Record<string, unknown> = {
      regionID: options.regionId,
      databaseNames: options.databaseNames,
    };
    if (options.autoReplication !== undefined) json.autoReplication = options.autoReplication;
    await this.#client.call('POST', `${this.#path}/setup`, { json, signal });
  }

  /** PATCH …/storage/DR/failover. */
  async failover(signal?: AbortSignal): Promise<void> {
    await this.#client.call('PATCH', `${this.#path}/failover`, { signal });
  }

  /** PATCH …/storage/DR/failback. */
  async failback(signal?: AbortSignal): Promise<void> {
    await this.#client.call('PATCH', `${this.#path}/failback`, { signal });
  }

  /** PATCH …/storage/DR/startPreProvision. */
  async startPreProvision(signal?: AbortSignal): Promise<void> {
    await this.#client.call('PATCH', `${this.#path}/startPreProvision`, { signal });
  }

  /** PATCH …/storage/DR/stopPreProvision. */
  async stopPreProvision(signal?: AbortSignal): Promise<void> {
    await this.#client.call('PATCH', `${this.#path}/stopPreProvision`, { signal });
  }
}

/** Storage settings of a workspace group: retention period and disaster recovery. */
export class Storage {
  readonly #client: ApiClient;
  readonly #groupId: string;
  /** Disaster-recovery operations. */
  readonly disasterRecovery: DisasterRecovery;

  constructor(client: ApiClient, workspaceGroupId: string) {
    this.#client = client;
    this.#groupId = workspaceGroupId;
    this.disasterRecovery = new DisasterRecovery(client, workspaceGroupId);
  }

  /** PATCH …/storage/retentionPeriod; the spec's unit is minutes (not days as on a Python branch). */
  async updateRetentionPeriod(minutes: number, signal?: AbortSignal): Promise<void> {
    await this.#client.call(
      'PATCH',
      `workspaceGroups/${segment(this.#groupId)}/storage/retentionPeriod`,
      { json: { retentionPeriod: minutes }, signal },
    );
  }
}
