import { z } from 'zod';
import type { ApiClient } from './client/api-client.js';
import { ManagementError } from './management-error.js';
import { segment } from './request-helpers.js';

// The inference endpoints are outside the public spec, so these schemas are written by hand
// from what the Python SDK reads; they are lenient like the generated ones.
const inferenceInfoSchema = z
  .looseObject({
    serviceID: z.string().nullish(),
    projectID: z.string().nullish(),
    modelName: z.string().nullish(),
    name: z.string(),
    connectionURL: z.string().nullish(),
    internalConnectionURL: z.string().nullish(),
    hostingPlatform: z.string().nullish(),
  })
  .transform((value) => ({
    serviceId: value.serviceID ?? undefined,
    projectId: value.projectID ?? undefined,
    modelName: value.modelName ?? undefined,
    name: value.name,
    connectionUrl: value.connectionURL ?? undefined,
    internalConnectionUrl: value.internalConnectionURL ?? undefined,
    hostingPlatform: value.hostingPlatform ?? undefined,
  }));

const modelStatusSchema = z
  .looseObject({
    name: z.string().nullish(),
    modelName: z.string().nullish(),
    status: z.string().nullish(),
    hostingPlatform: z.string().nullish(),
  })
  .transform((value) => ({
    name: value.name ?? value.modelName ?? '',
    status: value.status ?? undefined,
    hostingPlatform: value.hostingPlatform ?? undefined,
  }));

/** The state of a deployed model after start, stop or drop, or as listed. */
export interface ModelStatus {
  name: string;
  status: string;
  hostingPlatform: string | undefined;
  /** `Model is <status>`, as the Python SDK reports it. */
  message: string;
}

function withStatus(value: z.output<typeof modelStatusSchema>, fallback: string): ModelStatus {
  const status = value.status ?? fallback;
  return {
    name: value.name,
    status,
    hostingPlatform: value.hostingPlatform,
    message: `Model is ${status}`,
  };
}

/** Connection details of a SingleStore-hosted inference API (a deployed model). */
export class InferenceApi {
  readonly #manager: InferenceApiManager;
  readonly serviceId: string | undefined;
  readonly projectId: string | undefined;
  readonly modelName: string | undefined;
  /** The deployment name, which the models/… endpoints are keyed by. */
  readonly name: string;
  readonly connectionUrl: string | undefined;
  readonly internalConnectionUrl: string | undefined;
  readonly hostingPlatform: string | undefined;

  constructor(manager: InferenceApiManager, data: z.output<typeof inferenceInfoSchema>) {
    this.#manager = manager;
    this.serviceId = data.serviceId;
    this.projectId = data.projectId;
    this.modelName = data.modelName;
    this.name = data.name;
    this.connectionUrl = data.connectionUrl;
    this.internalConnectionUrl = data.internalConnectionUrl;
    this.hostingPlatform = data.hostingPlatform;
  }

  /** Starts the deployment (by its `name`, as the models endpoints expect). */
  start(signal?: AbortSignal): Promise<ModelStatus> {
    return this.#manager.start(this.name, signal);
  }

  /** Stops the deployment. */
  stop(signal?: AbortSignal): Promise<ModelStatus> {
    return this.#manager.stop(this.name, signal);
  }

  /** Drops the deployment. */
  drop(signal?: AbortSignal): Promise<ModelStatus> {
    return this.#manager.drop(this.name, signal);
  }
}

/**
 * SingleStore-hosted inference APIs of a project (not in the public spec: `inferenceapis/…` and
 * `models/…`, as the Python SDK calls them). The project is the option or `SINGLESTOREDB_PROJECT`.
 */
export class InferenceApiManager {
  readonly #client: ApiClient;
  readonly #projectId: string | undefined;

  constructor(client: ApiClient, projectId?: string) {
    this.#client = client;
    this.#projectId = projectId;
  }

  #project(): string {
    const project = this.#projectId ?? process.env.SINGLESTOREDB_PROJECT;
    if (!project) {
      throw new ManagementError(
        'No project for inference APIs: pass projectId or set SINGLESTOREDB_PROJECT',
        {
          code: 'INVALID_ARGUMENT',
        },
      );
    }
    return project;
  }

  /** GET inferenceapis/{projectID}/{model}. */
  async get(model: string, signal?: AbortSignal): Promise<InferenceApi> {
    const data = await this.#client.parse(
      inferenceInfoSchema,
      'GET',
      `inferenceapis/${segment(this.#project())}/${segment(model)}`,
      { signal },
    );
    return new InferenceApi(this, data);
  }

  /** GET models: every deployed model with its status. */
  async show(signal?: AbortSignal): Promise<ModelStatus[]> {
    const data = await this.#client.parse(modelStatusSchema.array(), 'GET', 'models', { signal });
    return data.map((item) => withStatus(item, 'Unknown'));
  }

  /** POST models/{model}/start. */
  async start(model: string, signal?: AbortSignal): Promise<ModelStatus> {
    const data = await this.#client.parse(
      modelStatusSchema,
      'POST',
      `models/${segment(model)}/start`,
      { signal },
    );
    return withStatus({ ...data, name: data.name || model }, 'Initializing');
  }

  /** POST models/{model}/stop. */
  async stop(model: string, signal?: AbortSignal): Promise<ModelStatus> {
    const data = await this.#client.parse(
      modelStatusSchema,
      'POST',
      `models/${segment(model)}/stop`,
      { signal },
    );
    return withStatus({ ...data, name: data.name || model }, 'Suspended');
  }

  /** DELETE models/{model}. */
  async drop(model: string, signal?: AbortSignal): Promise<ModelStatus> {
    const data = await this.#client.parse(modelStatusSchema, 'DELETE', `models/${segment(model)}`, {
      signal,
    });
    return withStatus({ ...data, name: data.name || model }, 'Deleted');
  }
}
