import type { ApiClient } from './client/api-client.js';
import {
  type GetV1BillingUsageParamsAggregateBy,
  type GetV1BillingUsageParamsMetric,
  operations,
  SimulateUsageResponseSchema,
  type SimulationResourceConfigCacheMultiplier,
  type SimulationResourceConfigEdition,
  type SimulationResourceConfigScaleFactor,
  type SimulationResourceConfigStatus,
} from './generated/schemas.generated.js';
import { compact, isoText } from './request-helpers.js';

/** One resource of a usage simulation (spec SimulationResourceConfig). */
export interface SimulatedResource {
  id: string;
  startAt: Date;
  endBefore: Date;
  size?: string;
  edition?: SimulationResourceConfigEdition;
  status?: SimulationResourceConfigStatus;
  scaleFactor?: SimulationResourceConfigScaleFactor;
  cacheMultiplier?: SimulationResourceConfigCacheMultiplier;
  multiAZ?: boolean;
  cellId?: string;
}

/** Billing usage of the organization. */
export class Billing {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /**
   * GET billing/usage with the spec's parameter names (`aggregateBy`, metric `ComputeCredit` or
   * `StorageAvgByte`); usage items carry `resourceType` and Date `startTime`/`endTime`.
   */
  async usage(options: {
    startTime: Date | string;
    endTime: Date | string;
    metric?: GetV1BillingUsageParamsMetric;
    aggregateBy?: GetV1BillingUsageParamsAggregateBy;
    signal?: AbortSignal;
  }) {
    const data = await this.#client.parse(
      operations.GetV1BillingUsage.response,
      'GET',
      'billing/usage',
      {
        query: {
          startTime: isoText(options.startTime),
          endTime: isoText(options.endTime),
          metric: options.metric,
          aggregateBy: options.aggregateBy,
        },
        signal: options.signal,
      },
    );
    return data.billingUsage ?? [];
  }

  /** POST billing/usage/simulate: the compute a set of resource configurations would use. */
  async simulate(options: {
    startAt: Date;
    endBefore: Date;
    resources: SimulatedResource[];
    signal?: AbortSignal;
  }) {
    const data = await this.#client.parse(
      SimulateUsageResponseSchema,
      'POST',
      'billing/usage/simulate',
      {
        json: {
          startAt: options.startAt.toISOString(),
          endBefore: options.endBefore.toISOString(),
          resourceConfigurations: options.resources.map((resource) =>
            compact({
              id: resource.id,
              startAt: resource.startAt.toISOString(),
              endBefore: resource.endBefore.toISOString(),
              size: resource.size,
              edition: resource.edition,
              status: resource.status,
              scaleFactor: resource.scaleFactor,
              cacheMultiplier: resource.cacheMultiplier,
              multiAZ: resource.multiAZ,
              cellID: resource.cellId,
            }),
          ),
        },
        signal: options.signal,
      },
    );
    return data.resourceUsage ?? [];
  }
}
