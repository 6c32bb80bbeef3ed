import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../index.js';
import { PacketReader } from '../protocol/packet-reader.js';
import { Capability } from '../protocol/protocol-constants.js';
import {
  acceptLogin,
  errPacket,
  handshakePacket,
  okPacket,
  querySql,
  type ScriptedServer,
  startScriptedServer,
} from '../test-support/scripted-server.js';
import { resolveOptions } from './resolve-options.js';
import { sessionSetupStatements } from './session-setup.js';

interface Login {
  capabilities: number;
  user: string;
  database: string | undefined;
  plugin: string;
  attributes: Record<string, string>;
}

function parseLogin(payload: Uint8Array): Login {
  const reader = new PacketReader(payload);
  const capabilities = reader.u32();
  reader.skip(4 + 1 + 23);
  const user = reader.nulTerminatedString();
  reader.lengthEncodedBytes();
  const database =
    capabilities & Capability.CONNECT_WITH_DB ? reader.nulTerminatedString() : undefined;
  const plugin = reader.nulTerminatedString();
  const attributes: Record<string, string> = {};
  const block = new PacketReader(reader.lengthEncodedBytes());
  while (block.remaining > 0) attributes[block.lengthEncodedString()] = block.lengthEncodedString();
  return { capabilities, user, database, plugin, attributes };
}

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Records the login and every statement of the session setup; OKs carry `status`. */
async function recordingServer(
  status: number,
): Promise<{ logins: Login[]; statements: string[][] }> {
  const record = { logins: [] as Login[], statements: [] as string[][] };
  server = await startScriptedServer(async (session) => {
    session.send(handshakePacket());
    record.logins.push(parseLogin((await session.read())!));
    session.send(okPacket(status));
    const statements: string[] = [];
    record.statements.push(statements);
    for (;;) {
      const payload = await session.read();
      if (payload === undefined || payload[0] === 0x01) return;
      statements.push(querySql(payload));
      session.send(okPacket(status));
    }
  });
  return record;
}

describe('handshake response and session setup (scripted server)', () => {
  it('masks capabilities, sends attributes that connAttrs cannot override, and runs the setup in order', async () => {
    const record = await recordingServer(0x0002);
    await using _connection = await openConnection({
      port: server!.port,
      user: 'alice',
      sslMode: 'disabled',
      programName: 'billing',
      connAttrs: { _client_name: 'spoofed', team: 'data' },
      initSql: 'SET @x = 1',
    });
    const [login] = record.logins;
    expect(login?.user).toBe('alice');
    expect(login?.database).toBeUndefined();
    expect(login!.capabilities & Capability.CONNECT_WITH_DB).toBe(0);
    expect(login!.capabilities & Capability.LOCAL_FILES).toBe(0);
    expect(login!.capabilities & Capability.SSL).toBe(0);
    expect(login!.capabilities & Capability.PLUGIN_AUTH).not.toBe(0);
    expect(login?.plugin).toBe('mysql_native_password');
    expect(login?.attributes).toMatchObject({
      _client_name: '@s2/wire',
      _os: process.platform,
      _pid: String(process.pid),
      program_name: 'billing',
      team: 'data',
    });
    expect(record.statements[0]).toEqual([
      'SET NAMES utf8mb4',
      'SET @@SESSION.enable_extended_types_metadata=on',
      'SET @@SESSION.vector_type_project_format=BINARY',
      'SET @x = 1',
    ]);
  });

  it('sets autocommit only when it differs from the server, and skips the vector variables when extended types are off', async () => {
    const record = await recordingServer(0x0002);
    for (const autocommit of [true, false]) {
      await using _connection = await openConnection({
        port: server!.port,
        user: 'u',
        database: 'db1',
        sslMode: 'disabled',
        autocommit,
        enableExtendedDataTypes: false,
        vectorDataFormat: 'json',
      });
    }
    expect(record.logins.map((login) => login.database)).toEqual(['db1', 'db1']);
    expect(record.statements).toEqual([
      ['SET NAMES utf8mb4'],
      ['SET NAMES utf8mb4', 'SET AUTOCOMMIT = 0'],
    ]);
  });
});

describe('pipelined session setup (scripted server)', () => {
  it('sends every setup statement before reading a reply: one round trip', async () => {
    const received: string[] = [];
    server = await startScriptedServer(async (session) => {
      await acceptLogin(session);
      // Answers nothing until all three have arrived: one at a time, the connect would time out.
      for (let index = 0; index < 3; index += 1) received.push(querySql(await session.read()));
      for (let index = 0; index < 3; index += 1) {
        session.sequence = 1;
        session.send(okPacket());
      }
      await session.read();
    });
    await using connection = await openConnection({
      port: server.port,
      user: 'u',
      sslMode: 'disabled',
      connectTimeout: 3000,
    });
    expect(received).toEqual([
      'SET NAMES utf8mb4',
      'SET @@SESSION.enable_extended_types_metadata=on',
      'SET @@SESSION.vector_type_project_format=BINARY',
    ]);
    expect(connection.serverStatus & 0x0002).not.toBe(0);
  });

  it('fails the connect with the ERR of a required statement, after reading every reply', async () => {
    server = await startScriptedServer(async (session) => {
      await acceptLogin(session);
      for (let index = 0; index < 3; index += 1) await session.read();
      session.sequence = 1;
      session.send(errPacket(1115, '42000', "Unknown character set: 'utf8mb4'"));
      session.sequence = 1;
      session.send(errPacket(1193, 'HY000', 'Unknown system variable'));
      session.sequence = 1;
      session.send(okPacket());
      await session.read();
    });
    await expect(
      openConnection({ port: server.port, user: 'u', sslMode: 'disabled', connectTimeout: 3000 }),
    ).rejects.toMatchObject({ errno: 1115, sqlState: '42000' });
  });
});

describe('sessionSetupStatements', () => {
  const state = { noBackslashEscapes: false, autocommit: true, extendedTypesAccepted: true };

  it('orders the statements as the spec does and marks only SingleStore variables optional', () => {
    const options = resolveOptions({ host: 'h', sqlMode: "ANSI'", autocommit: false });
    expect(sessionSetupStatements(options, state, ['SET NAMES utf8mb4'])).toEqual([
      { sql: 'SET NAMES utf8mb4', optional: false },
      { sql: "SET SESSION sql_mode = 'ANSI\\''", optional: false },
      { sql: 'SET @@SESSION.enable_extended_types_metadata=on', optional: true },
      { sql: 'SET @@SESSION.vector_type_project_format=BINARY', optional: true },
      { sql: 'SET AUTOCOMMIT = 0', optional: false },
    ]);
  });

  it('quotes sql_mode as the session reads literals, and skips what is already so', () => {
    const options = resolveOptions({ host: 'h', sqlMode: "ANSI'", autocommit: true });
    const statements = sessionSetupStatements(options, {
      noBackslashEscapes: true,
      autocommit: true,
      extendedTypesAccepted: false,
    });
    expect(statements).toEqual([{ sql: "SET SESSION sql_mode = 'ANSI'''", optional: false }]);
  });
});
