import type { ApiClient } from './client/api-client.js';
import { RegionSchema, RegionV2Schema } from './generated/schemas.generated.js';
import { NamedList } from './named-list.js';

/**
 * A cloud region. `id` is the regionID (absent for shared-tier and v2 regions, which are
 * identified by provider and regionName), `name` the display name (`region`).
 */
export interface Region {
  id: string | undefined;
  name: string;
  provider: string;
  regionName: string | undefined;
}

/** Region listings (GET regions, regions/sharedtier and /v2/regions). */
export class RegionManager {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** GET regions: regions for workspace groups. */
  async listRegions(signal?: AbortSignal): Promise<NamedList<Region>> {
    const data = await this.#client.parse(RegionSchema.array(), 'GET', 'regions', { signal });
    return NamedList.fromItems(
      data.map((item) => ({
        id: item.regionId,
        name: item.region,
        provider: item.provider,
        regionName: undefined,
      })),
    );
  }

  /** GET regions/sharedtier: regions for starter workspaces (no id; has regionName). */
  async listSharedTierRegions(signal?: AbortSignal): Promise<NamedList<Region>> {
    const data = await this.#client.parse(RegionV2Schema.array(), 'GET', 'regions/sharedtier', {
      signal,
    });
    return NamedList.fromItems(
      data.map((item) => ({
        id: undefined,
        name: item.region,
        provider: item.provider,
        regionName: item.regionName,
      })),
    );
  }

  /** GET /v2/regions (identified by provider and regionName). */
  async listRegionsV2(signal?: AbortSignal): Promise<NamedList<Region>> {
    const data = await this.#client.parse(RegionV2Schema.array(), 'GET', 'regions', {
      signal,
      apiVersion: 'v2',
    });
    return NamedList.fromItems(
      data.map((item) => ({
        id: undefined,
        name: item.region,
        provider: item.provider,
        regionName: item.regionName,
      })),
    );
  }
}
