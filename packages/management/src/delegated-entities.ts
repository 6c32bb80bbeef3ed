import type { ApiClient } from './client/api-client.js';
import { DelegatedEntitySchema } from './generated/schemas.generated.js';

/** Entities allowed to act on a workspace or workspace group on the caller's behalf. */
export interface DelegatedEntities {
  /** GET …/delegatedEntities. */
  list(signal?: AbortSignal): Promise<{ entity: string; createdAt: Date | undefined }[]>;
  /** POST …/delegatedEntities with `{entities}`; returns the full list. */
  add(
    entities: string[],
    signal?: AbortSignal,
  ): Promise<{ entity: string; createdAt: Date | undefined }[]>;
  /** DELETE …/delegatedEntities with `{entities}`; a 207 answer reports what failed. */
  remove(
    entities: string[],
    signal?: AbortSignal,
  ): Promise<{ deleted: string[]; failed: string[] }>;
}

/** Delegated entities of the resource at `resourcePath` (`workspaces/{id}` or `workspaceGroups/{id}`). */
export function delegatedEntitiesOf(client: ApiClient, resourcePath: string): DelegatedEntities {
  const path = `${resourcePath}/delegatedEntities`;
  return {
    list: (signal) => client.parse(DelegatedEntitySchema.array(), 'GET', path, { signal }),
    add: (entities, signal) =>
      client.parse(DelegatedEntitySchema.array(), 'POST', path, { json: { entities }, signal }),
    remove: async (entities, signal) => {
      const result = (await client.call('DELETE', path, { json: { entities }, signal })) as
        | { deleted?: string[]; failed?: string[] }
        | undefined;
      return { deleted: result?.deleted ?? entities, failed: result?.failed ?? [] };
    },
  };
}
