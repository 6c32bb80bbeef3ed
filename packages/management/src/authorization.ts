import type { ApiClient } from './client/api-client.js';
import {
  PermissionDefinitionSchema,
  RoleDefinitionV2Schema,
} from './generated/schemas.generated.js';
import { compact, segment } from './request-helpers.js';

/** Permissions of one resource type inside a v2 role. */
export interface PermissionSet {
  resourceType: string;
  permissions: string[];
}

/** The v2 authorization API: permission catalogue and organization-wide roles (`/v2/authorization`). */
export class Authorization {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** GET /v2/authorization/permissions[/{resourceType}]. */
  async permissions(resourceType?: string, signal?: AbortSignal) {
    const path = resourceType
      ? `authorization/permissions/${segment(resourceType)}`
      : 'authorization/permissions';
    return this.#client.parse(PermissionDefinitionSchema.array(), 'GET', path, {
      signal,
      apiVersion: 'v2',
    });
  }

  /** GET /v2/authorization/roles. */
  async listRoles(signal?: AbortSignal) {
    return this.#client.parse(RoleDefinitionV2Schema.array(), 'GET', 'authorization/roles', {
      signal,
      apiVersion: 'v2',
    });
  }

  /** GET /v2/authorization/roles/{role}. */
  async getRole(role: string, signal?: AbortSignal) {
    return this.#client.parse(
      RoleDefinitionV2Schema,
      'GET',
      `authorization/roles/${segment(role)}`,
      {
        signal,
        apiVersion: 'v2',
      },
    );
  }

  /** POST /v2/authorization/roles. */
  async createRole(options: {
    role: string;
    permissions: PermissionSet[];
    description?: string;
    signal?: AbortSignal;
  }) {
    return this.#client.parse(RoleDefinitionV2Schema, 'POST', 'authorization/roles', {
      json: compact({
        role: options.role,
        permissions: options.permissions,
        description: options.description,
      }),
      signal: options.signal,
      apiVersion: 'v2',
    });
  }

  /** PUT /v2/authorization/roles/{role}: replaces the role (optionally renaming it). */
  async replaceRole(
    role: string,
    options: {
      permissions: PermissionSet[];
      description?: string;
      newName?: string;
      signal?: AbortSignal;
    },
  ) {
    return this.#client.parse(
      RoleDefinitionV2Schema,
      'PUT',
      `authorization/roles/${segment(role)}`,
      {
        json: compact({
          role: options.newName,
          permissions: options.permissions,
          description: options.description,
        }),
        signal: options.signal,
        apiVersion: 'v2',
      },
    );
  }

  /** DELETE /v2/authorization/roles/{role}. */
  async deleteRole(role: string, signal?: AbortSignal): Promise<void> {
    await this.#client.call('DELETE', `authorization/roles/${segment(role)}`, {
      signal,
      apiVersion: 'v2',
    });
  }
}
