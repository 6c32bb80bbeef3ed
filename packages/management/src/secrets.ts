import { type AccessControls, accessControlsOf } from './access-controls.js';
import type { ApiClient } from './client/api-client.js';
import { listOrWrapped } from './client/parse-response.js';
import { type SecretData, SecretSchema } from './generated/schemas.generated.js';
import { ManagementError } from './management-error.js';
import { modelOf } from './model-base.js';
import { NamedList } from './named-list.js';
import { segment } from './request-helpers.js';

/** An organization secret. `value` is only present where the API returns it. */
export class Secret extends modelOf<SecretData>() {
  /** The secret ID. */
  get id(): string {
    return this.secretId;
  }

  get #path(): string {
    return `secrets/${segment(this.secretId)}`;
  }

  /** Access controls of the secret. */
  get accessControls(): AccessControls {
    return accessControlsOf(this.client, this.#path);
  }

  /** PATCH secrets/{id} with a new value (the spec's SecretUpdate has only `value`). */
  async update(value: string, signal?: AbortSignal): Promise<this> {
    this.assign(
      await this.client.parse(SecretSchema, 'PATCH', this.#path, { json: { value }, signal }),
    );
    return this;
  }

  /** DELETE secrets/{id}. */
  async delete(signal?: AbortSignal): Promise<void> {
    await this.client.call('DELETE', this.#path, { signal });
  }
}

const secretList = listOrWrapped(SecretSchema, 'secrets');

/** Secret operations of an organization. */
export class Secrets {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** GET secrets (optionally `?name=`); accepts the spec's bare array and the live `{secrets}` wrapper. */
  async list(options: { name?: string; signal?: AbortSignal } = {}): Promise<NamedList<Secret>> {
    const data = await this.#client.parse(secretList, 'GET', 'secrets', {
      query: { name: options.name },
      signal: options.signal,
    });
    return NamedList.fromItems(data.map((item) => new Secret(this.#client, item)));
  }

  /** The secret with this exact name; throws unless exactly one matches. */
  async get(name: string, signal?: AbortSignal): Promise<Secret> {
    const matches = (await this.list({ name, signal })).filter((secret) => secret.name === name);
    if (matches.length !== 1) {
      throw new ManagementError(
        matches.length === 0
          ? `No secret named ${JSON.stringify(name)}`
          : `${matches.length} secrets are named ${JSON.stringify(name)}`,
        { code: matches.length === 0 ? 'ENOENT' : 'INVALID_RESPONSE' },
      );
    }
    return matches[0] as Secret;
  }

  /** GET secrets/{id}. */
  async getById(id: string, signal?: AbortSignal): Promise<Secret> {
    return new Secret(
      this.#client,
      await this.#client.parse(SecretSchema, 'GET', `secrets/${segment(id)}`, { signal }),
    );
  }

  /** POST secrets. */
  async create(name: string, value: string, signal?: AbortSignal): Promise<Secret> {
    return new Secret(
      this.#client,
      await this.#client.parse(SecretSchema, 'POST', 'secrets', { json: { name, value }, signal }),
    );
  }
}
