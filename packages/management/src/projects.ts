import type { ApiClient } from './client/api-client.js';
import {
  type ProjectData,
  type ProjectEdition,
  ProjectIDResponseSchema,
  ProjectSchema,
} from './generated/schemas.generated.js';
import { modelOf } from './model-base.js';
import { NamedList } from './named-list.js';
import { segment } from './request-helpers.js';

/** A project of the organization. */
export class Project extends modelOf<ProjectData>() {
  /** The project ID. */
  get id(): string {
    return this.projectId;
  }

  /** PATCH projects/{id} with a new name, then reload. */
  async rename(name: string, signal?: AbortSignal): Promise<this> {
    await this.client.call('PATCH', `projects/${segment(this.projectId)}`, {
      json: { name },
      signal,
    });
    this.assign(
      await this.client.parse(ProjectSchema, 'GET', `projects/${segment(this.projectId)}`, {
        signal,
      }),
    );
    return this;
  }

  /** DELETE projects/{id}. */
  async delete(signal?: AbortSignal): Promise<void> {
    await this.client.call('DELETE', `projects/${segment(this.projectId)}`, { signal });
  }
}

/** Projects of the organization. */
export class Projects {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** GET projects. */
  async list(signal?: AbortSignal): Promise<NamedList<Project>> {
    const data = await this.#client.parse(ProjectSchema.array(), 'GET', 'projects', { signal });
    return NamedList.fromItems(data.map((item) => new Project(this.#client, item)));
  }

  /** GET projects/{id}. */
  async get(id: string, signal?: AbortSignal): Promise<Project> {
    return new Project(
      this.#client,
      await this.#client.parse(ProjectSchema, 'GET', `projects/${segment(id)}`, { signal }),
    );
  }

  /** POST projects `{name, edition}`, then GET it. */
  async create(name: string, edition: ProjectEdition, signal?: AbortSignal): Promise<Project> {
    const created = await this.#client.parse(ProjectIDResponseSchema, 'POST', 'projects', {
      json: { name, edition },
      signal,
    });
    return this.get(created.projectId, signal);
  }
}
