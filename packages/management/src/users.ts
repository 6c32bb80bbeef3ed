import type { ApiClient } from './client/api-client.js';
import { IdentityRoleSchema, type UserData, UserSchema } from './generated/schemas.generated.js';
import { modelOf } from './model-base.js';
import { NamedList } from './named-list.js';
import { segment } from './request-helpers.js';

/** A user of the organization. */
export class User extends modelOf<UserData>() {
  /** The user ID. */
  get id(): string {
    return this.userId;
  }

  /** The user's display name, for NamedList lookups. */
  get name(): string {
    return `${this.firstName} ${this.lastName}`.trim();
  }

  /** GET users/{id}/identityRoles, optionally for one resource type. */
  async identityRoles(resourceType?: string, signal?: AbortSignal) {
    return this.client.parse(
      IdentityRoleSchema.array(),
      'GET',
      `users/${segment(this.userId)}/identityRoles`,
      {
        query: { resourceType },
        signal,
      },
    );
  }

  /** DELETE users/{id}: removes the user from the organization. */
  async remove(signal?: AbortSignal): Promise<void> {
    await this.client.call('DELETE', `users/${segment(this.userId)}`, { signal });
  }
}

/** Users of the organization. */
export class Users {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** GET users, optionally by email. */
  async list(options: { email?: string; signal?: AbortSignal } = {}): Promise<NamedList<User>> {
    const data = await this.#client.parse(UserSchema.array(), 'GET', 'users', {
      query: { email: options.email },
      signal: options.signal,
    });
    return NamedList.fromItems(data.map((item) => new User(this.#client, item)));
  }

  /** GET users/current. */
  async current(signal?: AbortSignal): Promise<User> {
    return new User(
      this.#client,
      await this.#client.parse(UserSchema, 'GET', 'users/current', { signal }),
    );
  }

  /** GET users/{id}. */
  async get(id: string, signal?: AbortSignal): Promise<User> {
    return new User(
      this.#client,
      await this.#client.parse(UserSchema, 'GET', `users/${segment(id)}`, { signal }),
    );
  }

  /** POST users `{email}`; the spec declares no response body. */
  async add(email: string, signal?: AbortSignal): Promise<void> {
    await this.#client.call('POST', 'users', { json: { email }, signal });
  }
}
