import { describe, expect, it } from 'vitest';
import {
  dockerEngineAnswers,
  singlestoreContainerDefinition,
  singlestoreDevImage,
  startSinglestoreContainer,
} from './singlestore-container.js';
import { waitUntilReady } from './wait-until-ready.js';

describe('the SingleStore dev container definition', () => {
  it('sets the root password, license, Kai and global variables as the dev image expects', () => {
    const definition = singlestoreContainerDefinition({
      password: 'pw',
      license: 'LICENSE-KEY',
      enableKai: true,
      globalVariables: { default_partitions_per_leaf: 1, enable_query_forwarding: true },
    });
    expect(definition.image).toBe(singlestoreDevImage);
    expect(definition.environment).toEqual({
      ROOT_PASSWORD: 'pw',
      SINGLESTORE_LICENSE: 'LICENSE-KEY',
      ENABLE_KAI: '1',
      SINGLESTORE_SET_GLOBAL_DEFAULT_PARTITIONS_PER_LEAF: '1',
      SINGLESTORE_SET_GLOBAL_ENABLE_QUERY_FORWARDING: 'true',
    });
    expect(definition.ports.map((port) => port.container)).toEqual([3306, 8080, 9000, 27017]);
  });

  it('publishes Kai only when asked, and picks a random password', () => {
    const first = singlestoreContainerDefinition({ license: '' });
    const second = singlestoreContainerDefinition({ license: '' });
    expect(first.ports.map((port) => port.container)).toEqual([3306, 8080, 9000]);
    expect(first.password).toMatch(/^[A-Za-z0-9_-]{12,}$/);
    expect(first.password).not.toBe(second.password);
    expect(first.environment.SINGLESTORE_LICENSE).toBeUndefined();
  });

  it('mounts data read-write and logs, server and init SQL read-only, on fixed host ports when given', () => {
    const definition = singlestoreContainerDefinition({
      dataDir: '/d',
      logsDir: '/l',
      serverDir: '/s',
      initSql: '/i.sql',
      serverPort: 3307,
      dataApiPort: 9001,
    });
    expect(definition.mounts).toEqual([
      { source: '/d', target: '/data', mode: 'rw' },
      { source: '/l', target: '/logs', mode: 'ro' },
      { source: '/s', target: '/server', mode: 'ro' },
      { source: '/i.sql', target: '/init.sql', mode: 'ro' },
    ]);
    expect(definition.ports).toContainEqual({ container: 3306, host: 3307 });
    expect(definition.ports).toContainEqual({ container: 9000, host: 9001 });
  });

  it('rejects a global variable name that could smuggle other settings', () => {
    expect(() => singlestoreContainerDefinition({ globalVariables: { 'a=b c': 1 } })).toThrow(
      /not a global variable name/,
    );
  });

  it.runIf(!process.env.DOCKER_HOST)(
    'fails at once with a clear error when no Docker engine answers',
    async () => {
      if (await dockerEngineAnswers()) return;
      await expect(startSinglestoreContainer({}, async () => {})).rejects.toThrow(
        /no Docker engine answers/,
      );
    },
  );
});

describe('waitUntilReady', () => {
  it('retries the probe until it succeeds', async () => {
    let calls = 0;
    await waitUntilReady(
      async () => {
        calls += 1;
        if (calls < 3) throw new Error('not yet');
      },
      { timeoutMs: 10_000, what: 'the probe' },
    );
    expect(calls).toBe(3);
  });

  it('gives up with the last error once the time is up', async () => {
    await expect(
      waitUntilReady(
        async () => {
          throw new Error('connection refused');
        },
        { timeoutMs: 250, what: 'the server on 127.0.0.1:1' },
      ),
    ).rejects.toThrow(
      /the server on 127.0.0.1:1 did not answer a query within 0 s: connection refused/,
    );
  });
});
