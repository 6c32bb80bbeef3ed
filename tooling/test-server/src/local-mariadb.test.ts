import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { describe, expect, it } from 'vitest';
import { isAlive } from './instance-registry.js';
import { canStartLocalMariadb, startLocalMariadb } from './local-mariadb.js';
import { startTestServer } from './start-test-server.js';

const local = canStartLocalMariadb();

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe.runIf(local)('a throwaway local MariaDB', () => {
  it('starts, answers queries over TCP and the unix socket, and leaves nothing behind', async () => {
    const server = await startLocalMariadb({ tls: false });
    const overTcp = await mysql.createConnection({
      host: '127.0.0.1',
      port: server.port,
      user: 'root',
    });
    const [rows] = await overTcp.query({ sql: 'SELECT 6 * 7', rowsAsArray: true });
    expect(rows).toEqual([[42]]);
    await overTcp.end();
    const overSocket = await mysql.createConnection({
      socketPath: server.socketPath,
      user: 'root',
    });
    const [socketRows] = await overSocket.query({ sql: 'SELECT 1', rowsAsArray: true });
    expect(socketRows).toEqual([[1]]);
    await overSocket.end();
    await server.stop();
    expect(fs.existsSync(server.dir)).toBe(false);
    expect(isAlive(server.pid)).toBe(false);
    expect(await refusesConnections(server.port)).toBe(true);
    await server.stop();
  });

  it('runs two servers side by side on different ports and data directories', async () => {
    const [first, second] = await Promise.all([
      startLocalMariadb({ tls: false }),
      startLocalMariadb({ tls: false }),
    ]);
    try {
      expect(first.port).not.toBe(second.port);
      expect(first.dir).not.toBe(second.dir);
      const a = await mysql.createConnection({ host: '127.0.0.1', port: first.port, user: 'root' });
      const b = await mysql.createConnection({
        host: '127.0.0.1',
        port: second.port,
        user: 'root',
      });
      await a.query('CREATE DATABASE only_on_first');
      const [seen] = await b.query({
        sql: "SHOW DATABASES LIKE 'only_on_first'",
        rowsAsArray: true,
      });
      expect(seen).toEqual([]);
      await a.end();
      await b.end();
    } finally {
      await Promise.all([first.stop(), second.stop()]);
    }
  });

  it('offers TLS with a certificate chain the generated CA verifies', async () => {
    const server = await startLocalMariadb({ tls: true });
    try {
      const certificates = server.certificates!;
      const connection = await mysql.createConnection({
        host: 'localhost',
        port: server.port,
        user: 'root',
        ssl: { ca: certificates.ca, rejectUnauthorized: true },
      });
      const [rows] = await connection.query({
        sql: "SHOW STATUS LIKE 'Ssl_version'",
        rowsAsArray: true,
      });
      expect(String((rows as unknown[][])[0]?.[1])).toMatch(/^TLSv1\.[23]$/);
      await connection.end();
      const otherCa = fs.readFileSync(path.join(certificates.clientCertPath), 'utf8');
      await expect(
        mysql.createConnection({
          host: 'localhost',
          port: server.port,
          user: 'root',
          ssl: { ca: otherCa, rejectUnauthorized: true },
        }),
      ).rejects.toThrow();
    } finally {
      await server.stop();
    }
  });

  it('cleans up after the process that started it is killed', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, '../test/crash-child.ts')],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await new Promise((resolve) => child.once('exit', resolve));
    const started = JSON.parse(output.trim()) as { dir: string; pid: number; port: number };
    expect(started.pid).toBeGreaterThan(0);
    const cleaned = await until(() => !isAlive(started.pid) && !fs.existsSync(started.dir), 20_000);
    expect(cleaned).toBe(true);
    expect(await refusesConnections(started.port)).toBe(true);
  });
});

describe('when no server can be had', () => {
  it('says what to install', async () => {
    await expect(
      startTestServer({ url: '', container: false, binDirs: ['/nonexistent'] }),
    ).rejects.toThrow(/apt-get install mariadb-server.*|SINGLESTOREDB_URL/);
  });

  it('refuses a Data API URL with a reason', async () => {
    await expect(startTestServer({ url: 'https://user:pw@example.invalid' })).rejects.toThrow(
      /MySQL-protocol SINGLESTOREDB_URL/,
    );
  });
});
