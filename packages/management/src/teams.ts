import { type AccessControls, accessControlsOf } from './access-controls.js';
import type { ApiClient } from './client/api-client.js';
import { IdentityRoleSchema, type TeamData, TeamSchema } from './generated/schemas.generated.js';
import { modelOf } from './model-base.js';
import { NamedList } from './named-list.js';
import { compact, segment } from './request-helpers.js';

/** Membership and naming changes of a team (spec TeamUpdate). */
export interface TeamChanges {
  name?: string;
  description?: string;
  addMemberUserIds?: string[];
  removeMemberUserIds?: string[];
  addMemberUserEmails?: string[];
  removeMemberUserEmails?: string[];
  addMemberTeamIds?: string[];
  removeMemberTeamIds?: string[];
  signal?: AbortSignal;
}

/** A team of users (and nested teams). */
export class Team extends modelOf<TeamData>() {
  /** The team ID. */
  get id(): string {
    return this.teamId;
  }

  get #path(): string {
    return `teams/${segment(this.teamId)}`;
  }

  /** Access controls of the team. */
  get accessControls(): AccessControls {
    return accessControlsOf(this.client, this.#path);
  }

  /** Reloads the fields. */
  async refresh(signal?: AbortSignal): Promise<this> {
    this.assign(await this.client.parse(TeamSchema, 'GET', this.#path, { signal }));
    return this;
  }

  /** PATCH teams/{id} with the spec's add/remove member lists, then refresh. */
  async update(changes: TeamChanges): Promise<this> {
    await this.client.call('PATCH', this.#path, {
      json: compact({
        name: changes.name,
        description: changes.description,
        addMemberUserIDs: changes.addMemberUserIds,
        removeMemberUserIDs: changes.removeMemberUserIds,
        addMemberUserEmails: changes.addMemberUserEmails,
        removeMemberUserEmails: changes.removeMemberUserEmails,
        addMemberTeamIDs: changes.addMemberTeamIds,
        removeMemberTeamIDs: changes.removeMemberTeamIds,
      }),
      signal: changes.signal,
    });
    return this.refresh(changes.signal);
  }

  /** DELETE teams/{id}. */
  async delete(signal?: AbortSignal): Promise<void> {
    await this.client.call('DELETE', this.#path, { signal });
  }

  /** GET teams/{id}/identityRoles, optionally for one resource type. */
  async identityRoles(resourceType?: string, signal?: AbortSignal) {
    return this.client.parse(IdentityRoleSchema.array(), 'GET', `${this.#path}/identityRoles`, {
      query: { resourceType },
      signal,
    });
  }
}

/** Teams of the organization. */
export class Teams {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** GET teams, optionally filtered by name or description. */
  async list(
    options: { name?: string; description?: string; signal?: AbortSignal } = {},
  ): Promise<NamedList<Team>> {
    const data = await this.#client.parse(TeamSchema.array(), 'GET', 'teams', {
      query: { name: options.name, description: options.description },
      signal: options.signal,
    });
    return NamedList.fromItems(data.map((item) => new Team(this.#client, item)));
  }

  /** GET teams/{id}. */
  async get(id: string, signal?: AbortSignal): Promise<Team> {
    return new Team(
      this.#client,
      await this.#client.parse(TeamSchema, 'GET', `teams/${segment(id)}`, { signal }),
    );
  }

  /** POST teams with `{name, description?}` (the spec's TeamCreate has no members). */
  async create(
    name: string,
    options: { description?: string; signal?: AbortSignal } = {},
  ): Promise<Team> {
    const data = await this.#client.parse(TeamSchema, 'POST', 'teams', {
      json: compact({ name, description: options.description }),
      signal: options.signal,
    });
    return new Team(this.#client, data);
  }
}
