import { Stage } from './files/stage.js';
import {
  type SharedTierVirtualWorkspaceData,
  SharedTierVirtualWorkspaceSchema,
} from './generated/schemas.generated.js';
import { ManagementError } from './management-error.js';
import { modelOf } from './model-base.js';
import { compact, segment } from './request-helpers.js';

/** A user of a starter workspace, as returned by createUser (the password only then). */
export interface StarterWorkspaceUser {
  userId: string;
  userName: string;
  password: string | undefined;
}

/** A starter (shared-tier, "virtual") workspace. */
export class StarterWorkspace extends modelOf<SharedTierVirtualWorkspaceData>() {
  /** The starter workspace ID. */
  get id(): string {
    return this.virtualWorkspaceId ?? '';
  }

  get #path(): string {
    return `sharedtier/virtualWorkspaces/${segment(this.id)}`;
  }

  /** The starter workspace's Stage; no request is made until a method is called. */
  get stage(): Stage {
    return new Stage(this.client, this.id);
  }

  /** Reloads the fields. */
  async refresh(signal?: AbortSignal): Promise<this> {
    this.assign(
      await this.client.parse(SharedTierVirtualWorkspaceSchema, 'GET', this.#path, { signal }),
    );
    return this;
  }

  /** DELETE sharedtier/virtualWorkspaces/{id}. */
  async terminate(signal?: AbortSignal): Promise<void> {
    await this.client.call('DELETE', this.#path, { signal });
  }

  /** POST …/users: creates a database user; the password is the given one or the generated one. */
  async createUser(
    userName: string,
    options: { password?: string; signal?: AbortSignal } = {},
  ): Promise<StarterWorkspaceUser> {
    const created = (await this.client.call('POST', `${this.#path}/users`, {
      json: compact({ userName, password: options.password }),
      signal: options.signal,
    })) as { userID?: unknown; password?: unknown } | undefined;
    if (typeof created?.userID !== 'string') {
      throw new ManagementError(
        `Invalid response from POST ${this.#path}/users: missing required field "userID"`,
        {
          code: 'INVALID_RESPONSE',
        },
      );
    }
    return {
      userId: created.userID,
      userName,
      password:
        options.password ?? (typeof created.password === 'string' ? created.password : undefined),
    };
  }

  /** PATCH …/users/{userID} with a new password. */
  async updateUser(userId: string, password: string, signal?: AbortSignal): Promise<void> {
    await this.client.call('PATCH', `${this.#path}/users/${segment(userId)}`, {
      json: { password },
      signal,
    });
  }

  /** DELETE …/users/{userID}. */
  async deleteUser(userId: string, signal?: AbortSignal): Promise<void> {
    await this.client.call('DELETE', `${this.#path}/users/${segment(userId)}`, { signal });
  }
}
