import type { ApiClient } from './client/api-client.js';
import {
  type AutoScaleSensitivity,
  type WorkspaceCreateAutoSuspendSuspendType,
  WorkspaceSchema,
} from './generated/schemas.generated.js';
import { ManagementError } from './management-error.js';
import { compact } from './request-helpers.js';
import type { WaitOptions } from './wait-for.js';
import { Workspace } from './workspace.js';

/** Options of createWorkspace; only `name` and `workspaceGroup` are required. */
export interface CreateWorkspaceOptions extends WaitOptions {
  name: string;
  /** The group, as an ID or an object with an `id`. */
  workspaceGroup: string | { id: string };
  /** Size such as `S-00`; the API's default when omitted. */
  size?: string;
  autoSuspend?: {
    suspendAfterSeconds?: number;
    suspendType?: WorkspaceCreateAutoSuspendSuspendType;
  };
  cacheConfig?: number;
  enableKai?: boolean;
  autoScale?: { maxScaleFactor?: number; sensitivity?: AutoScaleSensitivity };
  scaleFactor?: number;
  /** Wait until the new workspace is ACTIVE (default false). */
  waitOnActive?: boolean;
}

/** POST workspaces, then GET the new workspace, optionally waiting for ACTIVE. */
export async function createWorkspaceIn(
  client: ApiClient,
  options: CreateWorkspaceOptions,
): Promise<Workspace> {
  const groupId =
    typeof options.workspaceGroup === 'string' ? options.workspaceGroup : options.workspaceGroup.id;
  const created = (await client.call('POST', 'workspaces', {
    json: compact({
      name: options.name,
      workspaceGroupID: groupId,
      size: options.size,
      autoSuspend: options.autoSuspend && compact({ ...options.autoSuspend }),
      cacheConfig: options.cacheConfig,
      enableKai: options.enableKai,
      autoScale: options.autoScale && compact({ ...options.autoScale }),
      scaleFactor: options.scaleFactor,
    }),
    signal: options.signal,
  })) as { workspaceID?: unknown } | undefined;
  const id = created?.workspaceID;
  if (typeof id !== 'string') {
    throw new ManagementError(
      'Invalid response from POST workspaces: missing required field "workspaceID"',
      {
        code: 'INVALID_RESPONSE',
      },
    );
  }
  const data = await client.parse(WorkspaceSchema, 'GET', `workspaces/${encodeURIComponent(id)}`, {
    signal: options.signal,
  });
  const workspace = new Workspace(client, data);
  return options.waitOnActive ? workspace.waitForState('ACTIVE', options) : workspace;
}
