import type { ApiClient } from './client/api-client.js';
import {
  type CloudPrincipalData,
  CloudPrincipalSchema,
  type ServiceAccountData,
  ServiceAccountSchema,
} from './generated/schemas.generated.js';
import { compact, segment } from './request-helpers.js';

/**
 * Service accounts and cloud principals: the spec offers create, update and delete only (they
 * are listed among `users` with their userKind).
 */
export class ServiceIdentities {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** POST serviceAccounts. */
  async createServiceAccount(
    name: string,
    options: { description?: string; signal?: AbortSignal } = {},
  ): Promise<ServiceAccountData> {
    return this.#client.parse(ServiceAccountSchema, 'POST', 'serviceAccounts', {
      json: compact({ name, description: options.description }),
      signal: options.signal,
    });
  }

  /** PATCH serviceAccounts/{id}. */
  async updateServiceAccount(
    id: string,
    changes: { name?: string; description?: string; signal?: AbortSignal },
  ): Promise<ServiceAccountData> {
    return this.#client.parse(ServiceAccountSchema, 'PATCH', `serviceAccounts/${segment(id)}`, {
      json: compact({ name: changes.name, description: changes.description }),
      signal: changes.signal,
    });
  }

  /** DELETE serviceAccounts/{id}. */
  async deleteServiceAccount(id: string, signal?: AbortSignal): Promise<void> {
    await this.#client.call('DELETE', `serviceAccounts/${segment(id)}`, { signal });
  }

  /** POST cloudPrincipals (e.g. an AWS role ARN as `cloudPrincipal`). */
  async createCloudPrincipal(options: {
    name: string;
    cloudPrincipal: string;
    description?: string;
    signal?: AbortSignal;
  }): Promise<CloudPrincipalData> {
    return this.#client.parse(CloudPrincipalSchema, 'POST', 'cloudPrincipals', {
      json: compact({
        name: options.name,
        cloudPrincipal: options.cloudPrincipal,
        description: options.description,
      }),
      signal: options.signal,
    });
  }

  /** PATCH cloudPrincipals/{id}. */
  async updateCloudPrincipal(
    id: string,
    changes: { name?: string; description?: string; signal?: AbortSignal },
  ): Promise<CloudPrincipalData> {
    return this.#client.parse(CloudPrincipalSchema, 'PATCH', `cloudPrincipals/${segment(id)}`, {
      json: compact({ name: changes.name, description: changes.description }),
      signal: changes.signal,
    });
  }

  /** DELETE cloudPrincipals/{id}. */
  async deleteCloudPrincipal(id: string, signal?: AbortSignal): Promise<void> {
    await this.#client.call('DELETE', `cloudPrincipals/${segment(id)}`, { signal });
  }
}
