import type { ManagementOptions } from './client/client-settings.js';
import { manageWorkspaces } from './factories.js';
import type { Stage } from './files/stage.js';
import { ManagementError } from './management-error.js';
import type { Organization } from './organization.js';
import type { Workspace } from './workspace.js';
import type { WorkspaceGroup } from './workspace-group.js';

function fromEnvironment(value: string | undefined, variable: string, what: string): string {
  const resolved = value ?? process.env[variable];
  if (!resolved) {
    throw new ManagementError(`No ${what} given: pass one or set ${variable}`, {
      code: 'INVALID_ARGUMENT',
    });
  }
  return resolved;
}

/** The current organization (the Python SDK's `get_organization()`). */
export function getOrganization(options: ManagementOptions = {}): Promise<Organization> {
  return manageWorkspaces(options).organization();
}

/** The value of the organization secret with this exact name (`get_secret(name)`). */
export async function getSecret(
  name: string,
  options: ManagementOptions = {},
): Promise<string | undefined> {
  const secrets = manageWorkspaces(options).secrets;
  const secret = await secrets.get(name);
  // Listings may leave values out; the secret itself carries it.
  return secret.value ?? (await secrets.getById(secret.id)).value;
}

/**
 * A workspace group by name or ID, else the one named by `SINGLESTOREDB_WORKSPACE_GROUP`
 * (`get_workspace_group()`).
 */
export async function getWorkspaceGroup(
  nameOrId?: string,
  options: ManagementOptions = {},
): Promise<WorkspaceGroup> {
  const key = fromEnvironment(nameOrId, 'SINGLESTOREDB_WORKSPACE_GROUP', 'workspace group');
  const group = (await manageWorkspaces(options).listWorkspaceGroups()).get(key);
  if (!group)
    throw new ManagementError(`No workspace group named or with ID ${JSON.stringify(key)}`, {
      code: 'ENOENT',
    });
  return group;
}

/**
 * A workspace by name or ID in a group (an object, a name or ID, or `SINGLESTOREDB_WORKSPACE_GROUP`),
 * else the one named by `SINGLESTOREDB_WORKSPACE` (`get_workspace()`).
 */
export async function getWorkspace(
  group?: WorkspaceGroup | string,
  nameOrId?: string,
  options: ManagementOptions = {},
): Promise<Workspace> {
  const owner = typeof group === 'object' ? group : await getWorkspaceGroup(group, options);
  const key = fromEnvironment(nameOrId, 'SINGLESTOREDB_WORKSPACE', 'workspace');
  const workspace = (await owner.listWorkspaces()).get(key);
  if (!workspace) {
    throw new ManagementError(
      `No workspace named or with ID ${JSON.stringify(key)} in ${owner.name}`,
      { code: 'ENOENT' },
    );
  }
  return workspace;
}

/** The Stage of a workspace group (an object, a name or ID, or the environment's) (`get_stage()`). */
export async function getStage(
  group?: WorkspaceGroup | string,
  options: ManagementOptions = {},
): Promise<Stage> {
  const owner = typeof group === 'object' ? group : await getWorkspaceGroup(group, options);
  return owner.stage;
}
