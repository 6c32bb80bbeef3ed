import { randomBytes } from 'node:crypto';
import { OperationalError } from '@s2/core-cursor';
import { testServer, useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConnection, type ProtocolConnection } from '../index.js';

const database = useTestDatabase();
const suffix = randomBytes(3).toString('hex');
const NATIVE_USER = `s2_native_${suffix}`;
const ED_USER = `s2_ed_${suffix}`;
const PASSWORD = `pw-${randomBytes(6).toString('hex')}-ü`;
let admin: ProtocolConnection;

function base() {
  const server = testServer();
  return { host: server.host, port: server.port, user: server.user, password: server.password };
}

beforeAll(async () => {
  admin = await openConnection(database.url);
  if (testServer().capabilities.flavour !== 'mariadb') return;
  await admin.query(
    `CREATE USER '${NATIVE_USER}'@'%' IDENTIFIED WITH mysql_native_password USING PASSWORD('${PASSWORD}')`,
  );
  await admin.query(
    `CREATE USER '${ED_USER}'@'%' IDENTIFIED VIA ed25519 USING PASSWORD('${PASSWORD}')`,
  );
});
afterAll(async () => {
  if (testServer().capabilities.flavour === 'mariadb') {
    await admin.query(`DROP USER IF EXISTS '${NATIVE_USER}'@'%', '${ED_USER}'@'%'`);
  }
  await admin.close();
});

async function currentUser(connection: ProtocolConnection): Promise<unknown> {
  return (await connection.query('SELECT CURRENT_USER()'))[0]?.rows()[0]?.[0];
}

describe('authentication against the test server', () => {
  it('logs in native and ed25519 users, over TLS and without', async (context) => {
    if (testServer().capabilities.flavour !== 'mariadb') context.skip();
    for (const user of [NATIVE_USER, ED_USER]) {
      for (const sslMode of ['disabled', 'required'] as const) {
        await using connection = await openConnection({
          ...base(),
          user,
          password: PASSWORD,
          sslMode,
        });
        expect(await currentUser(connection)).toBe(`${user}@%`);
        expect(connection.secure).toBe(sslMode === 'required');
      }
      const error = await openConnection({
        ...base(),
        user,
        password: `${PASSWORD}x`,
        sslMode: 'disabled',
      }).catch((caught: unknown) => caught);
      expect(OperationalError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ errno: 1045 });
      expect(String(error)).not.toContain(PASSWORD);
    }
  });
});

describe('TLS modes against the test server', () => {
  it('preferred (the default) encrypts; disabled does not', async () => {
    await using preferred = await openConnection(base());
    expect(preferred.secure).toBe(true);
    const cipher = (
      await preferred.query("SHOW SESSION STATUS LIKE 'Ssl_cipher'")
    )[0]?.rows()[0]?.[1];
    expect(cipher).not.toBe('');
    await using plain = await openConnection({ ...base(), sslMode: 'disabled' });
    expect(plain.secure).toBe(false);
  });

  it('verify_ca accepts the harness CA and rejects an unknown one', async () => {
    const tls = testServer().tls;
    if (tls === undefined) return;
    await using verified = await openConnection({
      ...base(),
      sslMode: 'verify_ca',
      sslCa: tls.caPath,
    });
    expect(verified.secure).toBe(true);
    await expect(openConnection({ ...base(), sslMode: 'verify_ca' })).rejects.toMatchObject({
      errno: 2026,
    });
  });

  it('verify_identity checks the host name (and SNI override), with mutual TLS', async () => {
    const tls = testServer().tls;
    if (tls === undefined) return;
    for (const host of tls.serverNames) {
      await using connection = await openConnection({
        ...base(),
        host,
        sslMode: 'verify_identity',
        sslCa: tls.ca,
        sslCert: tls.clientCertPath,
        sslKey: tls.clientKeyPath,
      });
      expect(connection.secure).toBe(true);
    }
    const wrongName = await openConnection({
      ...base(),
      sslMode: 'verify_identity',
      sslCa: tls.caPath,
      tlsSniServername: 'wrong.example.com',
    }).catch((caught: unknown) => caught);
    expect(wrongName).toMatchObject({ errno: 2026 });
    expect(String(wrongName)).toMatch(/wrong\.example\.com/);
  });

  it('connects over the Unix socket', async () => {
    const { socketPath } = testServer();
    if (socketPath === undefined) return;
    await using connection = await openConnection({ ...base(), socketPath });
    expect(connection.secure).toBe(false);
    expect((await connection.query('SELECT 1'))[0]?.rows()).toEqual([[1]]);
  });

  it('fails with OperationalError 2003 on a closed port, and times out on a silent one', async () => {
    await expect(openConnection({ ...base(), host: '127.0.0.1', port: 1 })).rejects.toMatchObject({
      errno: 2003,
    });
    const { createServer } = await import('node:net');
    const silent = createServer(() => undefined).listen(0, '127.0.0.1');
    await new Promise((resolve) => silent.once('listening', resolve));
    const address = silent.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await expect(openConnection({ ...base(), port, connectTimeout: 300 })).rejects.toMatchObject({
      errno: 2013,
    });
    silent.close();
  });
});
