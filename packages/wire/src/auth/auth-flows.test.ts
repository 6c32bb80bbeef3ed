import { constants, generateKeyPairSync, privateDecrypt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { OperationalError } from '@s2/core-cursor';
import { testServer } from '@s2/test-server';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../index.js';
import { PacketReader } from '../protocol/packet-reader.js';
import { Capability } from '../protocol/protocol-constants.js';
import {
  acceptSetup,
  handshakePacket,
  okPacket,
  SCRAMBLE,
  type ScriptedServer,
  type ScriptedSession,
  SERVER_CAPABILITIES,
  startScriptedServer,
} from '../test-support/scripted-server.js';
import { cachingSha2Scramble } from './caching-sha2-password.js';
import { expandSecret, signWithExpandedKey } from './ed25519-signature.js';
import { nativePasswordScramble } from './mysql-native-password.js';
import { xorBytes } from './scramble.js';

const PASSWORD = 'pässword-✓-42';
const utf8 = new TextEncoder();

/** Reads a HandshakeResponse41 far enough to return its auth response and plugin name. */
function parseResponse(payload: Uint8Array): { authResponse: Uint8Array; plugin: string } {
  const reader = new PacketReader(payload);
  const capabilities = reader.u32();
  reader.skip(4 + 1 + 23);
  reader.nulTerminatedString();
  const authResponse = reader.lengthEncodedBytes().slice();
  if (capabilities & Capability.CONNECT_WITH_DB) reader.nulTerminatedString();
  return { authResponse, plugin: reader.nulTerminatedString() };
}

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function decryptPassword(privateKey: string, encrypted: Uint8Array): string {
  const masked = privateDecrypt(
    { key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    encrypted,
  );
  const clear = xorBytes(masked, SCRAMBLE);
  return new TextDecoder().decode(clear.subarray(0, clear.length - 1));
}

describe('auth flows (scripted server)', () => {
  it('caching_sha2_password: fast path, then full auth with RSA and a requested key', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const seen: { scramble?: Uint8Array; keyRequest?: number; password?: string } = {};
    server = await startScriptedServer(async (session) => {
      session.send(handshakePacket('caching_sha2_password'));
      const response = parseResponse((await session.read())!);
      seen.scramble = response.authResponse;
      session.send(Uint8Array.of(0x01, 0x04));
      seen.keyRequest = (await session.read())![0];
      session.send(Uint8Array.of(0x01, ...utf8.encode(publicKey)));
      seen.password = decryptPassword(privateKey, (await session.read())!);
      session.send(okPacket());
      await acceptSetup(session);
    });
    await using connection = await openConnection({
      port: server.port,
      user: 'u',
      password: PASSWORD,
      sslMode: 'disabled',
    });
    expect(seen.scramble).toEqual(cachingSha2Scramble(PASSWORD, SCRAMBLE));
    expect(seen.keyRequest).toBe(0x02);
    expect(seen.password).toBe(PASSWORD);
    expect(connection.isConnected()).toBe(true);
  });

  it('caching_sha2_password: a configured server key is used without asking', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    let password = '';
    server = await startScriptedServer(async (session) => {
      session.send(handshakePacket('caching_sha2_password'));
      await session.read();
      session.send(Uint8Array.of(0x01, 0x04));
      password = decryptPassword(privateKey, (await session.read())!);
      session.send(okPacket());
      await acceptSetup(session);
    });
    await using _connection = await openConnection({
      port: server.port,
      user: 'u',
      password: PASSWORD,
      sslMode: 'disabled',
      serverPublicKey: publicKey,
    });
    expect(password).toBe(PASSWORD);
  });

  it('sha256_password: asks for the key without TLS and sends the password RSA-encrypted', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    const seen: { first?: number[]; password?: string } = {};
    server = await startScriptedServer(async (session) => {
      session.send(handshakePacket('sha256_password'));
      seen.first = Array.from(parseResponse((await session.read())!).authResponse);
      session.send(Uint8Array.of(0x01, ...utf8.encode(publicKey)));
      seen.password = decryptPassword(privateKey, (await session.read())!);
      session.send(okPacket());
      await acceptSetup(session);
    });
    await using _connection = await openConnection({
      port: server.port,
      user: 'u',
      password: PASSWORD,
      sslMode: 'disabled',
    });
    expect(seen).toEqual({ first: [1], password: PASSWORD });
  });

  it('caching_sha2_password full auth sends the clear password over TLS, and dialog answers its prompt', async () => {
    const tls = testServer().tls;
    if (tls === undefined) return;
    const cert = readFileSync(tls.clientCertPath, 'utf8');
    const key = readFileSync(tls.clientKeyPath, 'utf8');
    const received: string[] = [];
    server = await startScriptedServer(async (session) => {
      session.send(handshakePacket('caching_sha2_password', SERVER_CAPABILITIES | Capability.SSL));
      await session.read();
      await session.upgradeToTls(cert, key);
      await session.read();
      session.send(Uint8Array.of(0x01, 0x04));
      received.push(new TextDecoder().decode((await session.read())!.subarray(0, -1)));
      session.send(
        Uint8Array.of(0xfe, ...utf8.encode('dialog'), 0, 4, ...utf8.encode('Password: ')),
      );
      received.push(new TextDecoder().decode((await session.read())!.subarray(0, -1)));
      session.send(okPacket());
      await acceptSetup(session);
    });
    await using _connection = await openConnection({
      port: server.port,
      user: 'u',
      password: PASSWORD,
      sslMode: 'required',
    });
    expect(received).toEqual([PASSWORD, PASSWORD]);
  });

  it('AuthSwitch to mysql_clear_password is refused without TLS, never echoing the password', async () => {
    server = await startScriptedServer(async (session: ScriptedSession) => {
      session.send(handshakePacket());
      await session.read();
      session.send(Uint8Array.of(0xfe, ...utf8.encode('mysql_clear_password'), 0));
      await session.read();
    });
    const error = await openConnection({
      port: server.port,
      user: 'u',
      password: PASSWORD,
      sslMode: 'disabled',
    }).catch((caught: unknown) => caught);
    expect(OperationalError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ errno: 2059 });
    expect(String(error)).not.toContain(PASSWORD);
  });

  it('mysql_clear_password (the JWT route) sends the password over TLS', async () => {
    const tls = testServer().tls;
    if (tls === undefined) return;
    const cert = readFileSync(tls.clientCertPath, 'utf8');
    const key = readFileSync(tls.clientKeyPath, 'utf8');
    let received = '';
    server = await startScriptedServer(async (session) => {
      session.send(handshakePacket('mysql_clear_password', SERVER_CAPABILITIES | Capability.SSL));
      await session.read();
      await session.upgradeToTls(cert, key);
      const response = parseResponse((await session.read())!);
      received = new TextDecoder().decode(response.authResponse.subarray(0, -1));
      session.send(okPacket());
      await acceptSetup(session);
    });
    await using connection = await openConnection({
      port: server.port,
      user: '*',
      password: PASSWORD,
      sslMode: 'required',
    });
    expect(connection.secure).toBe(true);
    expect(received).toBe(PASSWORD);
  });

  it('answers an unknown default plugin natively and follows the server switch', async () => {
    const seen: string[] = [];
    server = await startScriptedServer(async (session) => {
      session.send(handshakePacket('auth_gssapi_client'));
      seen.push(parseResponse((await session.read())!).plugin);
      session.send(Uint8Array.of(0xfe, ...utf8.encode('mysql_native_password'), 0, ...SCRAMBLE, 0));
      seen.push(Buffer.from((await session.read())!).toString('hex'));
      session.send(okPacket());
      await acceptSetup(session);
    });
    await using _connection = await openConnection({
      port: server.port,
      user: 'u',
      password: PASSWORD,
      sslMode: 'disabled',
    });
    expect(seen).toEqual([
      'mysql_native_password',
      Buffer.from(nativePasswordScramble(PASSWORD, SCRAMBLE)).toString('hex'),
    ]);
  });

  it('client_ed25519 signs the whole 32-byte switch nonce, even one ending in 0x00', async () => {
    const nonce = Uint8Array.from({ length: 32 }, (_unused, index) =>
      index === 31 ? 0 : index + 7,
    );
    let signature = '';
    server = await startScriptedServer(async (session) => {
      session.send(handshakePacket());
      await session.read();
      session.send(Uint8Array.of(0xfe, ...utf8.encode('client_ed25519'), 0, ...nonce));
      signature = Buffer.from((await session.read())!).toString('hex');
      session.send(okPacket());
      await acceptSetup(session);
    });
    await using _connection = await openConnection({
      port: server.port,
      user: 'u',
      password: PASSWORD,
      sslMode: 'disabled',
    });
    const expected = signWithExpandedKey(expandSecret(utf8.encode(PASSWORD)), nonce);
    expect(signature).toBe(Buffer.from(expected).toString('hex'));
  });

  it('sslMode required fails with 2026 when the server offers no TLS', async () => {
    server = await startScriptedServer(async (session) => {
      session.send(handshakePacket());
      await session.read();
    });
    await expect(
      openConnection({ port: server.port, user: 'u', sslMode: 'required' }),
    ).rejects.toMatchObject({
      errno: 2026,
    });
  });

  it('an unknown plugin in an AuthSwitch is OperationalError 2059; a custom plugin can answer it', async () => {
    let answer = '';
    server = await startScriptedServer(async (session) => {
      session.send(handshakePacket());
      await session.read();
      session.send(Uint8Array.of(0xfe, ...utf8.encode('my_plugin'), 0, 1, 2, 3));
      const reply = await session.read();
      answer = new TextDecoder().decode(reply);
      session.send(okPacket());
      await acceptSetup(session);
    });
    await expect(
      openConnection({ port: server.port, user: 'u', sslMode: 'disabled' }),
    ).rejects.toMatchObject({
      errno: 2059,
    });
    await using _connection = await openConnection({
      port: server.port,
      user: 'u',
      sslMode: 'disabled',
      authPlugins: {
        my_plugin: (context) => ({
          initialResponse: () =>
            utf8.encode(`${context.user}:${Array.from(context.scramble).join('.')}`),
          moreData: () => undefined,
        }),
      },
    });
    expect(answer).toBe('u:1.2.3');
  });
});
