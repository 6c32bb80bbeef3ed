import { afterEach, describe, expect, it, vi } from 'vitest';
import { ManagementError } from '../src/management-error.js';
import { fakeCloudSession, someRegionId } from './fake-cloud-session.js';

describe('inference APIs (outside the public spec)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('looks up a model and starts, stops and drops it by deployment name', async () => {
    const session = fakeCloudSession();
    vi.stubEnv('SINGLESTOREDB_PROJECT', '44444444-4444-4444-8444-444444444444');
    const apis = (await session.manager.organization()).inferenceApis;
    const info = await apis.get('text-embedding-3-small');
    expect(info).toMatchObject({ name: 'embeddings', modelName: 'text-embedding-3-small' });
    expect(info.connectionUrl).toContain('/embeddings');
    expect(info.projectId).toBe('44444444-4444-4444-8444-444444444444');
    expect((await info.stop()).message).toBe('Model is Suspended');
    expect((await info.start()).status).toBe('Initializing');
    expect((await apis.show()).map((model) => model.name).sort()).toEqual(['chat', 'embeddings']);
    expect((await info.drop()).status).toBe('Deleted');
    const paths = (await session.requests()).map((entry) => `${entry.method} ${entry.path}`);
    expect(paths).toContain('POST /v1/models/embeddings/stop');
    expect(paths).toContain('DELETE /v1/models/embeddings');
  });

  it('needs a project', async () => {
    const session = fakeCloudSession();
    vi.stubEnv('SINGLESTOREDB_PROJECT', '');
    const error = await session.manager
      .inferenceApis()
      .get('x')
      .catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(error) && error.code).toBe('INVALID_ARGUMENT');
  });
});

describe('table export (outside the public spec)', () => {
  it('creates an identity, starts, inspects, suspends, resumes and drops an export', async () => {
    const session = fakeCloudSession();
    const group = await session.manager.createWorkspaceGroup({
      name: 'egress',
      regionId: await someRegionId(session),
    });
    const service = group.exportService({
      databaseName: 'sales',
      tableName: 'orders',
      catalogInfo: '{"catalog":"glue"}',
      storageInfo: { provider: 'S3', bucket: 'b' },
      partitionBy: [{ transform: 'day', name: 'created_at' }],
      orderBy: [{ name: 'id', direction: 'descending' }],
      incremental: true,
      refreshInterval: 300,
    });
    expect(await service.createClusterIdentity()).toContain(group.id);
    const running = await service.start();
    expect((await running.status()).status).toBe('Running');
    await running.suspend();
    expect(await running.status()).toEqual({
      status: 'Suspended',
      message: 'export of orders is suspended',
    });
    await running.resume();
    expect(await group.listExports()).toEqual([
      { egressID: running.id, status: 'Running', tableName: 'orders' },
    ]);
    await running.drop();
    expect(await group.listExports()).toEqual([]);
    const statusCalls = (await session.requests()).filter((entry) =>
      entry.path.endsWith('/tableEgressStatus'),
    );
    expect(statusCalls.every((entry) => entry.method === 'GET')).toBe(true);
  });
});
