import type { ApiClient } from './client/api-client.js';
import {
  type UserInvitationData,
  UserInvitationSchema,
  type UserInvitationState,
} from './generated/schemas.generated.js';
import { modelOf } from './model-base.js';
import { NamedList } from './named-list.js';
import { compact, segment } from './request-helpers.js';

/** An invitation to join the organization. */
export class Invitation extends modelOf<UserInvitationData>() {
  /** The invitation ID. */
  get id(): string | undefined {
    return this.invitationId;
  }

  /** The invited email, for NamedList lookups. */
  get name(): string | undefined {
    return this.email;
  }

  /** DELETE invitations/{id}: revokes a pending invitation. */
  async revoke(signal?: AbortSignal): Promise<void> {
    await this.client.call('DELETE', `invitations/${segment(this.invitationId ?? '')}`, { signal });
  }
}

/** Invitations of the organization. */
export class Invitations {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** GET invitations, optionally by email and state. */
  async list(
    options: { email?: string; state?: UserInvitationState; signal?: AbortSignal } = {},
  ): Promise<NamedList<Invitation>> {
    const data = await this.#client.parse(UserInvitationSchema.array(), 'GET', 'invitations', {
      query: { email: options.email, state: options.state },
      signal: options.signal,
    });
    return NamedList.fromItems(data.map((item) => new Invitation(this.#client, item)));
  }

  /** GET invitations/{id}. */
  async get(id: string, signal?: AbortSignal): Promise<Invitation> {
    const data = await this.#client.parse(
      UserInvitationSchema,
      'GET',
      `invitations/${segment(id)}`,
      { signal },
    );
    return new Invitation(this.#client, data);
  }

  /** POST invitations with UserInvitationCreate `{email, teamIDs?}`. */
  async create(
    email: string,
    options: { teamIds?: string[]; signal?: AbortSignal } = {},
  ): Promise<Invitation> {
    const data = await this.#client.parse(UserInvitationSchema, 'POST', 'invitations', {
      json: compact({ email, teamIDs: options.teamIds }),
      signal: options.signal,
    });
    return new Invitation(this.#client, data);
  }
}
