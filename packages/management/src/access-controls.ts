import type { ApiClient } from './client/api-client.js';
import { type ResourceRoleData, ResourceRoleSchema } from './generated/schemas.generated.js';

/** One grant or revoke of an access-control change: a role for users and/or teams (by id). */
export interface RoleAssignment {
  role: string;
  users?: string[];
  teams?: string[];
}

/** The access controls of a resource (organization, workspace group, secret, team). */
export interface AccessControls {
  /** GET …/accessControls: each role with its grants. */
  list(signal?: AbortSignal): Promise<ResourceRoleData[]>;
  /** PATCH …/accessControls with grants and revokes. */
  update(
    change: { grants?: RoleAssignment[]; revokes?: RoleAssignment[] },
    signal?: AbortSignal,
  ): Promise<void>;
}

const wire = (assignment: RoleAssignment) => ({
  role: assignment.role,
  users: assignment.users ?? [],
  teams: assignment.teams ?? [],
});

/** Access controls of the resource at `resourcePath` (e.g. `teams/{id}`). */
export function accessControlsOf(client: ApiClient, resourcePath: string): AccessControls {
  const path = `${resourcePath}/accessControls`;
  return {
    list: (signal) => client.parse(ResourceRoleSchema.array(), 'GET', path, { signal }),
    update: async (change, signal) => {
      await client.call('PATCH', path, {
        json: {
          grants: (change.grants ?? []).map(wire),
          revokes: (change.revokes ?? []).map(wire),
        },
        signal,
      });
    },
  };
}
