import type { ApiClient } from './client/api-client.js';
import { type RoleDefinitionData, RoleDefinitionSchema } from './generated/schemas.generated.js';
import { modelOf } from './model-base.js';
import { NamedList } from './named-list.js';
import { compact, segment } from './request-helpers.js';

/** A role a custom role inherits from. */
export interface InheritedRole {
  resourceType: string;
  role: string;
}

/** A role definition of a resource type (built-in or custom). */
export class Role extends modelOf<RoleDefinitionData>() {
  /** The role name, for NamedList lookups. */
  get name(): string {
    return this.role;
  }

  get #path(): string {
    return `roles/${segment(this.resourceType)}/${segment(this.role)}`;
  }

  /** PUT roles/{type}/{role} with RoleUpdate (the spec uses PUT, not PATCH). */
  async update(changes: {
    description?: string;
    permissions: string[];
    inherits?: InheritedRole[];
    signal?: AbortSignal;
  }): Promise<this> {
    const data = await this.client.parse(RoleDefinitionSchema, 'PUT', this.#path, {
      json: compact({
        description: changes.description,
        permissions: changes.permissions,
        inherits: changes.inherits ?? [],
      }),
      signal: changes.signal,
    });
    this.assign(data);
    return this;
  }

  /** DELETE roles/{type}/{role}. */
  async delete(signal?: AbortSignal): Promise<void> {
    await this.client.call('DELETE', this.#path, { signal });
  }
}

/** Role definitions per resource type (e.g. `Organization`, `WorkspaceGroup`). */
export class Roles {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** GET roles/{resourceType}. */
  async list(resourceType: string, signal?: AbortSignal): Promise<NamedList<Role>> {
    const data = await this.#client.parse(
      RoleDefinitionSchema.array(),
      'GET',
      `roles/${segment(resourceType)}`,
      {
        signal,
      },
    );
    return NamedList.fromItems(data.map((item) => new Role(this.#client, item)));
  }

  /** GET roles/{resourceType}/{role}. */
  async get(resourceType: string, role: string, signal?: AbortSignal): Promise<Role> {
    const data = await this.#client.parse(
      RoleDefinitionSchema,
      'GET',
      `roles/${segment(resourceType)}/${segment(role)}`,
      { signal },
    );
    return new Role(this.#client, data);
  }

  /** POST roles/{resourceType} with RoleCreate `{role, description?, permissions, inherits}`. */
  async create(
    resourceType: string,
    options: {
      role: string;
      description?: string;
      permissions: string[];
      inherits?: InheritedRole[];
      signal?: AbortSignal;
    },
  ): Promise<Role> {
    const data = await this.#client.parse(
      RoleDefinitionSchema,
      'POST',
      `roles/${segment(resourceType)}`,
      {
        json: compact({
          role: options.role,
          description: options.description,
          permissions: options.permissions,
          inherits: options.inherits ?? [],
        }),
        signal: options.signal,
      },
    );
    return new Role(this.#client, data);
  }
}
