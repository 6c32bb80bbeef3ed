import type { ApiClient } from './client/api-client.js';

/**
 * The base of API objects: it carries the API client (non-enumerable, so it stays out of JSON and
 * inspection) and copies a parsed API object's fields onto the instance.
 */
export abstract class ApiModel {
  /** The API client the object's methods call through. */
  declare protected readonly client: ApiClient;

  constructor(client: ApiClient, data: object) {
    Object.defineProperty(this, 'client', { value: client, enumerable: false });
    Object.assign(this, data);
  }

  /** Copies freshly loaded fields onto this object. */
  protected assign(data: object): void {
    Object.assign(this, data);
  }
}

/** A constructor of API objects whose instances also carry the fields of `Data`. */
export type ModelConstructor<Data extends object> = abstract new (
  client: ApiClient,
  data: Data,
) => ApiModel & Readonly<Data>;

/**
 * A base class typed with a generated schema's output, so `workspace.createdAt` is typed without
 * repeating every field.
 */
export function modelOf<Data extends object>(): ModelConstructor<Data> {
  return ApiModel as unknown as ModelConstructor<Data>;
}
