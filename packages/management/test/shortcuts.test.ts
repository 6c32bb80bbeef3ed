import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManagementError } from '../src/management-error.js';
import {
  getOrganization,
  getSecret,
  getStage,
  getWorkspace,
  getWorkspaceGroup,
} from '../src/shortcuts.js';
import { fakeCloudSession, someRegionId } from './fake-cloud-session.js';

describe('module-level shortcuts', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('find groups, workspaces and stages by name, id or environment', async () => {
    const session = fakeCloudSession();
    const group = await session.manager.createWorkspaceGroup({
      name: 'main',
      regionId: await someRegionId(session),
    });
    const workspace = await group.createWorkspace({ name: 'primary' });
    const options = session.settings;
    expect((await getWorkspaceGroup('main', options)).id).toBe(group.id);
    expect((await getWorkspaceGroup(group.id, options)).name).toBe('main');
    vi.stubEnv('SINGLESTOREDB_WORKSPACE_GROUP', group.id);
    vi.stubEnv('SINGLESTOREDB_WORKSPACE', 'primary');
    expect((await getWorkspace(undefined, undefined, options)).id).toBe(workspace.id);
    expect((await getWorkspace(group, workspace.id, options)).name).toBe('primary');
    expect((await getStage(undefined, options)).deploymentId).toBe(group.id);
    const missing = await getWorkspace(group, 'nope', options).catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(missing) && missing.code).toBe('ENOENT');
  });

  it('refuses when neither an argument nor the environment names a group', async () => {
    const session = fakeCloudSession();
    const error = await getWorkspaceGroup(undefined, session.settings).catch(
      (caught: unknown) => caught,
    );
    expect(ManagementError.isInstance(error) && error.code).toBe('INVALID_ARGUMENT');
  });

  it('reads a secret value and the organization', async () => {
    const session = fakeCloudSession();
    await session.manager.secrets.create('api-key', 'k-123');
    expect(await getSecret('api-key', session.settings)).toBe('k-123');
    expect((await getOrganization(session.settings)).name).toBe('Fake Organization');
  });
});
