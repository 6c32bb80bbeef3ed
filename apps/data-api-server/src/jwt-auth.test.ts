import {
  createHmac,
  constants as cryptoConstants,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
  sign,
} from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useTestDatabase } from '@s2/test-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Credentials } from './credentials.js';
import { type DataApiServer, startDataApiServer } from './data-api-server.js';

const database = useTestDatabase();
const ISSUER = 'https://issuer.test';
const AUDIENCE = 's2-data-api';
const ADMIN_TOKEN = 'admin-secret-for-tests-0123456789';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const ed = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });

function publicJwk(key: KeyObject, kid: string): JsonWebKey {
  return { ...key.export({ format: 'jwk' }), kid, use: 'sig' };
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function signJwt(
  alg: 'RS256' | 'PS256' | 'ES256' | 'EdDSA',
  privateKey: KeyObject,
  payload: Record<string, unknown>,
  header: Record<string, unknown> = {},
): string {
  const data = `${encode({ alg, typ: 'JWT', ...header })}.${encode(payload)}`;
  const signature =
    alg === 'EdDSA'
      ? sign(null, Buffer.from(data), privateKey)
      : alg === 'ES256'
        ? sign('sha256', Buffer.from(data), { key: privateKey, dsaEncoding: 'ieee-p1363' })
        : alg === 'PS256'
          ? sign('sha256', Buffer.from(data), {
              key: privateKey,
              padding: cryptoConstants.RSA_PKCS1_PSS_PADDING,
              saltLength: 32,
            })
          : sign('sha256', Buffer.from(data), privateKey);
  return `${data}.${signature.toString('base64url')}`;
}

const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: Record<string, unknown> = {}) => ({
  sub: 'alice',
  iss: ISSUER,
  aud: AUDIENCE,
  exp: now() + 300,
  ...extra,
});

let server: DataApiServer;
let rootLogin: Credentials;
const logLines: string[] = [];

async function query(url: string, authorization: string) {
  const response = await fetch(`${url}/api/v2/query/tuples`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify({ sql: 'SELECT 40 + 2' }),
  });
  return { status: response.status, text: await response.text() };
}

async function setUpJwks(url: string, body: unknown, authorization = `Bearer ${ADMIN_TOKEN}`) {
  const response = await fetch(`${url}/api/v2/jwks_setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

beforeAll(async () => {
  const target = new URL(database.url);
  rootLogin = {
    user: decodeURIComponent(target.username),
    password: decodeURIComponent(target.password),
  };
  server = await startDataApiServer({
    target: `mysql://${target.host}`,
    log: (line) => logLines.push(line),
    adminToken: ADMIN_TOKEN,
    jwt: {
      jwks: {
        keys: [
          publicJwk(rsa.publicKey, 'rsa-1'),
          publicJwk(ec.publicKey, 'ec-1'),
          publicJwk(ed.publicKey, 'ed-1'),
        ] as never,
      },
      issuer: ISSUER,
      audience: [AUDIENCE, 'other'],
      users: { alice: rootLogin },
    },
  });
});
afterAll(async () => {
  await server?.stop();
});

describe('Bearer JWT authentication', () => {
  it('accepts RS256, PS256, ES256 and EdDSA tokens and logs in as the mapped database user', async () => {
    for (const token of [
      signJwt('RS256', rsa.privateKey, claims(), { kid: 'rsa-1' }),
      signJwt('PS256', rsa.privateKey, claims(), { kid: 'rsa-1' }),
      signJwt('ES256', ec.privateKey, claims(), { kid: 'ec-1' }),
      signJwt('EdDSA', ed.privateKey, claims({ aud: ['x', 'other'] }), { kid: 'ed-1' }),
      // No kid: the only key that fits the algorithm is used.
      signJwt('EdDSA', ed.privateKey, claims({ username: 'alice', sub: 'someone-else' })),
    ]) {
      const answer = await query(server.url, `Bearer ${token}`);
      expect(answer).toMatchObject({ status: 200 });
      expect(answer.text).toContain('"rows":[[42]]');
    }
  });

  it('rejects expired, early, foreign and unsigned tokens with 401 and never echoes them', async () => {
    const header = { kid: 'ec-1' };
    const cases: [string, string, RegExp][] = [
      ['expired', signJwt('ES256', ec.privateKey, claims({ exp: now() - 120 }), header), /expired/],
      [
        'not yet valid',
        signJwt('ES256', ec.privateKey, claims({ nbf: now() + 120 }), header),
        /not valid yet/,
      ],
      ['no exp', signJwt('ES256', ec.privateKey, claims({ exp: undefined }), header), /"exp"/],
      ['wrong key', signJwt('ES256', stranger.privateKey, claims(), header), /signature/],
      ['wrong kid', signJwt('ES256', ec.privateKey, claims(), { kid: 'nope' }), /"kid"/],
      [
        'kid of another type',
        signJwt('ES256', ec.privateKey, claims(), { kid: 'rsa-1' }),
        /not a ES256 key/,
      ],
      [
        'wrong issuer',
        signJwt('ES256', ec.privateKey, claims({ iss: 'https://evil.test' }), header),
        /issuer/,
      ],
      [
        'wrong audience',
        signJwt('ES256', ec.privateKey, claims({ aud: 'elsewhere' }), header),
        /audience/,
      ],
      [
        'unmapped user',
        signJwt('ES256', ec.privateKey, claims({ sub: 'mallory' }), header),
        /no database login/,
      ],
      [
        'prototype key as user',
        signJwt('ES256', ec.privateKey, claims({ sub: 'constructor' }), header),
        /no database login/,
      ],
      [
        'alg none',
        `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims())}.`,
        /algorithm is not accepted/,
      ],
      [
        'HS256 keyed with the public key',
        (() => {
          const data = `${encode({ alg: 'HS256', kid: 'ec-1' })}.${encode(claims())}`;
          const pem = ec.publicKey.export({ type: 'spki', format: 'pem' });
          return `${data}.${createHmac('sha256', pem).update(data).digest('base64url')}`;
        })(),
        /algorithm is not accepted/,
      ],
      [
        'tampered payload',
        (() => {
          const [head, , signature] = signJwt('ES256', ec.privateKey, claims(), header).split('.');
          return `${head}.${encode(claims({ sub: 'alice', exp: now() + 999_999 }))}.${signature}`;
        })(),
        /signature/,
      ],
      ['garbage', 'not-a-jwt', /three parts/],
    ];
    const before = logLines.length;
    for (const [name, token, reason] of cases) {
      const answer = await query(server.url, `Bearer ${token}`);
      expect({ name, status: answer.status }).toEqual({ name, status: 401 });
      expect(answer.text).toMatch(/^Error 1045: Access denied: /);
      expect({ name, text: answer.text }).toEqual({ name, text: expect.stringMatching(reason) });
      for (const part of token.split('.').filter((item) => item.length > 8)) {
        expect(answer.text).not.toContain(part);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
    const logged = logLines.slice(before).join('\n');
    expect(logged).toMatch(/ 401 /);
    expect(logged).not.toContain('eyJ');
  });

  it('tolerates a little clock skew', async () => {
    const token = signJwt('ES256', ec.privateKey, claims({ exp: now() - 5, nbf: now() + 5 }), {
      kid: 'ec-1',
    });
    expect((await query(server.url, `Bearer ${token}`)).status).toBe(200);
  });
});

describe('/api/v2/jwks_setup', () => {
  it('replaces the key set only for the admin token and refuses private keys', async () => {
    const rotated = generateKeyPairSync('ed25519');
    const newSet = { keys: [publicJwk(rotated.publicKey, 'ed-2')] };
    expect((await setUpJwks(server.url, newSet, 'Bearer wrong')).status).toBe(401);
    expect((await setUpJwks(server.url, newSet, `Basic ${btoa('root:')}`)).status).toBe(401);
    const leaked = { keys: [{ ...rotated.privateKey.export({ format: 'jwk' }), kid: 'x' }] };
    const refused = await setUpJwks(server.url, leaked);
    expect([refused.status, refused.text]).toEqual([
      400,
      'Invalid JWKS: JWKS key 0 holds private key material; publish only public keys',
    ]);
    expect(await setUpJwks(server.url, newSet)).toEqual({ status: 200, text: '{"keys":1}' });
    const fresh = signJwt('EdDSA', rotated.privateKey, claims(), { kid: 'ed-2' });
    expect((await query(server.url, `Bearer ${fresh}`)).status).toBe(200);
    const old = signJwt('EdDSA', ed.privateKey, claims(), { kid: 'ed-1' });
    expect((await query(server.url, `Bearer ${old}`)).status).toBe(401);
  });

  it('is closed (403) on a server started without an admin token', async () => {
    const target = new URL(database.url);
    const closed = await startDataApiServer({
      target: `mysql://${target.host}`,
      log: false,
      jwt: { users: { alice: rootLogin } },
    });
    try {
      const answer = await setUpJwks(closed.url, { keys: [] });
      expect(answer.status).toBe(403);
      const token = signJwt('EdDSA', ed.privateKey, claims());
      const refused = await query(closed.url, `Bearer ${token}`);
      expect([refused.status, refused.text]).toEqual([
        401,
        'Error 1045: Access denied: no JWT key set is configured on this server',
      ]);
    } finally {
      await closed.stop();
    }
  });
});

describe('key set sources', () => {
  it('reads the key set from a file and from a URL', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 's2-jwks-'));
    const jwksJson = JSON.stringify({ keys: [publicJwk(ec.publicKey, 'ec-1')] });
    const file = path.join(dir, 'jwks.json');
    await writeFile(file, jwksJson);
    let fetches = 0;
    const jwksServer: Server = createServer((_request, response) => {
      fetches++;
      response.writeHead(200, { 'content-type': 'application/json' }).end(jwksJson);
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
    const target = new URL(database.url);
    const servers = await Promise.all(
      [{ file }, { url: jwksUrl }].map((jwks) =>
        startDataApiServer({
          target: `mysql://${target.host}`,
          log: false,
          jwt: { jwks, users: { alice: rootLogin } },
        }),
      ),
    );
    try {
      const token = signJwt('ES256', ec.privateKey, claims(), { kid: 'ec-1' });
      for (const each of servers) {
        expect((await query(each.url, `Bearer ${token}`)).status).toBe(200);
        expect((await query(each.url, `Bearer ${token}`)).status).toBe(200);
      }
      expect(fetches).toBe(1);
    } finally {
      await Promise.all(servers.map((each) => each.stop()));
      await new Promise((resolve) => jwksServer.close(resolve));
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start with a key set holding a private key', async () => {
    const target = new URL(database.url);
    await expect(
      startDataApiServer({
        target: `mysql://${target.host}`,
        log: false,
        jwt: { jwks: { keys: [ec.privateKey.export({ format: 'jwk' }) as never] }, users: {} },
      }),
    ).rejects.toThrow(/private key material/);
  });

  it('lets a verifyBearer hook decide alone when one is given', async () => {
    const target = new URL(database.url);
    const hooked = await startDataApiServer({
      target: `mysql://${target.host}`,
      log: false,
      verifyBearer: (token) => (token === 'opaque-token' ? rootLogin : null),
      jwt: {
        jwks: { keys: [publicJwk(ec.publicKey, 'ec-1')] as never },
        users: { alice: rootLogin },
      },
    });
    try {
      expect((await query(hooked.url, 'Bearer opaque-token')).status).toBe(200);
      const jwt = signJwt('ES256', ec.privateKey, claims(), { kid: 'ec-1' });
      expect((await query(hooked.url, `Bearer ${jwt}`)).status).toBe(401);
    } finally {
      await hooked.stop();
    }
  });
});
