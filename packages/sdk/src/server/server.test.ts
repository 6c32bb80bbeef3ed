import fs from 'node:fs';
import { canStartLocalMariadb } from '@s2/test-server/local-mariadb';
import { dockerEngineAnswers } from '@s2/test-server/singlestore-container';
import { describe, expect, it } from 'vitest';
import { server } from './index.js';

describe.runIf(canStartLocalMariadb())('server.local', () => {
  it('starts a throwaway server that connect() reaches, and removes it on stop', async () => {
    const local = await server.local.start();
    try {
      expect(local.connectionUrl).toBe(`mysql://root:@127.0.0.1:${local.port}`);
      expect(local.caPath && fs.existsSync(local.caPath)).toBe(true);
      await using conn = await local.connect();
      expect(await conn.query('SELECT 40 + 2')).toEqual([[42]]);
      await conn.exec('CREATE DATABASE demo_db');
      await using inDatabase = await local.connect('demo_db');
      expect(await inDatabase.query('SELECT DATABASE()')).toEqual([['demo_db']]);
    } finally {
      await local.stop();
    }
    expect(fs.existsSync(local.socketPath)).toBe(false);
    await local.stop();
  });
});

describe('server.docker', () => {
  it('builds the dev container the Python launcher would, without Docker', () => {
    const definition = server.docker.definition({ password: 'p', license: 'k', enableKai: true });
    expect(definition.image).toBe('ghcr.io/singlestore-labs/singlestoredb-dev:latest');
    expect(definition.environment).toMatchObject({
      ROOT_PASSWORD: 'p',
      SINGLESTORE_LICENSE: 'k',
      ENABLE_KAI: '1',
    });
    expect(definition.ports.map((port) => port.container)).toEqual([3306, 8080, 9000, 27017]);
  });

  it('fails at once with a clear error when no Docker engine answers', async () => {
    if (await dockerEngineAnswers()) return;
    await expect(server.docker.start()).rejects.toThrow(/no Docker engine answers/);
  });
});
