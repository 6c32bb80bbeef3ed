import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { adminConnection } from './admin-connection.js';
import { formatServerUrl } from './server-url.js';
import type { TestServerInfo } from './types.js';

declare module 'vitest' {
  export interface ProvidedContext {
    s2TestServer: TestServerInfo;
  }
}

/** A database of its own for one test file, on the run's shared server. */
export interface TestDatabase {
  /** The run's server. */
  readonly server: TestServerInfo;
  /** The database's name. */
  readonly name: string;
  /** `mysql://user:password@host:port/name`. */
  readonly url: string;
}

/** The run's shared server, as provided by the global setup. */
export function testServer(): TestServerInfo {
  return inject('s2TestServer');
}

function databaseName(): string {
  const file = expect.getState().testPath ?? 'test';
  const stem = path
    .basename(file)
    .replace(/\.test\.[cm]?[jt]s$/, '')
    .replace(/[^a-z0-9]+/gi, '_')
    .slice(0, 32);
  return `s2t_${stem}_${randomBytes(4).toString('hex')}`.toLowerCase();
}

/**
 * Creates a database for the calling test file before its tests and drops it after them.
 * Read the returned object's fields inside tests or hooks, not at module load.
 */
export function useTestDatabase(): TestDatabase {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    const server = testServer();
    const name = databaseName();
    const connection = await adminConnection(server);
    try {
      await connection.query(`CREATE DATABASE \`${name}\``);
    } finally {
      await connection.end();
    }
    current = { server, name, url: formatServerUrl(server, name) };
  });
  afterAll(async () => {
    if (!current) return;
    const connection = await adminConnection(current.server);
    try {
      await connection.query(`DROP DATABASE IF EXISTS \`${current.name}\``);
    } finally {
      await connection.end();
    }
  });
  const read = (): TestDatabase => {
    if (!current) throw new Error('the test database exists only inside tests and hooks');
    return current;
  };
  return {
    get server() {
      return read().server;
    },
    get name() {
      return read().name;
    },
    get url() {
      return read().url;
    },
  };
}
