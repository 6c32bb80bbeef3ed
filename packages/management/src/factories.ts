import { ApiClient } from './client/api-client.js';
import { type ManagementOptions, resolveSettings } from './client/client-settings.js';
import { FilesManager } from './files/files-manager.js';
import { RegionManager } from './region.js';
import { WorkspaceManager } from './workspace-manager.js';

/**
 * A WorkspaceManager for the Management API. Without `accessToken` the token comes from
 * `SINGLESTOREDB_MANAGEMENT_TOKEN` or a JWT password in `SINGLESTOREDB_URL` (looked up again
 * before every request); a ManagementError with code NO_TOKEN is thrown when there is none.
 */
export function manageWorkspaces(options: ManagementOptions = {}): WorkspaceManager {
  return new WorkspaceManager(new ApiClient(resolveSettings(options)));
}

/** The organization's file spaces: `personalSpace`, `sharedSpace`, `modelsSpace`. */
export function manageFiles(options: ManagementOptions = {}): FilesManager {
  return new FilesManager(new ApiClient(resolveSettings(options)));
}

/** Region listings (no organization parameter is needed). */
export function manageRegions(
  options: Omit<ManagementOptions, 'organizationId'> = {},
): RegionManager {
  return new RegionManager(new ApiClient(resolveSettings(options)));
}
