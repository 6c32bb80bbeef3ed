import type { ApiClient } from './client/api-client.js';

/**
 * A base class whose instances carry a parsed API object's fields as their own properties, so
 * `workspace.createdAt` is typed from the generated schema without repeating every field.
 */
export function modelOf<Data extends object>() {
  abstract class Model {
    /** The API client the object's methods call through. */
    declare protected readonly client: ApiClient;

    constructor(client: ApiClient, data: Data) {
      Object.defineProperty(this, 'client', { value: client, enumerable: false });
      Object.assign(this, data);
    }

    /** Copies freshly loaded fields onto this object. */
    protected assign(data: Data): void {
      Object.assign(this, data);
    }
  }
  return Model as unknown as abstract new (
    client: ApiClient,
    data: Data,
  ) => Model & Readonly<Data>;
}
