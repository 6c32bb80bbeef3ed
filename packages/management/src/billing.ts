import type { ApiClient } from './client/api-client.js';
import {
  type GetV1BillingUsageParamsAggregateBy,
  type GetV1BillingUsageParamsMetric,
  operations,
} from './generated/schemas.generated.js';
import { isoText } from './request-helpers.js';

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
}
