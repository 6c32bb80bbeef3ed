import type { ApiClient } from './client/api-client.js';
import { probeEndpoint } from './endpoint-probe.js';
import {
  type AutoScaleSensitivity,
  type WorkspaceCreateAutoSuspendSuspendType,
  WorkspaceSchema,
} from './generated/schemas.generated.js';
import { ManagementError } from './management-error.js';
import { compact } from './request-helpers.js';
import { type WaitOptions, waitFor } from './wait-for.js';
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
  /**
   * With waitOnActive, also wait until the endpoint greets like a database server (default
   * true), within the same timeout. Turn off when the endpoint is not reachable from here.
   */
  probeEndpoint?: boolean;
}

/**
 * POST workspaces, then GET the new workspace; with waitOnActive, poll until ACTIVE and then
 * until the endpoint greets, all within one timeout.
 */
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
  if (!options.waitOnActive) return workspace;
  const deadline = Date.now() + (options.waitTimeout ?? 600_000);
  await workspace.waitForState('ACTIVE', options);
  if (options.probeEndpoint === false) return workspace;
  await waitFor(
    {
      load: async () => {
        const endpoint = workspace.endpoint;
        if (!endpoint) return false;
        return probeEndpoint(endpoint, { signal: options.signal });
      },
      done: (up) => up,
      description: `the endpoint of workspace ${workspace.workspaceId} to accept connections`,
    },
    { ...options, waitTimeout: Math.max(0, deadline - Date.now()) },
  );
  return workspace;
}
