import { OperationalError } from '@s2/core-cursor';
import { afterEach, describe, expect, it } from 'vitest';
import { openConnection } from '../index.js';
import {
  acceptSetup,
  handshakePacket,
  okPacket,
  type ScriptedServer,
  startScriptedServer,
} from '../test-support/scripted-server.js';
import type { DialogPrompt } from './dialog.js';

const PASSWORD = 'pam-pässword-✓';
const utf8 = new TextEncoder();

/** Question types of the dialog plugin's first byte (bit 0 set: the last question). */
const ORDINARY_LAST = 0x03;
const PASSWORD_QUESTION = 0x04;
const PASSWORD_LAST = 0x05;

let server: ScriptedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/**
 * A server whose user authenticates with dialog: the AuthSwitchRequest carries the prompt
 * (type byte + text), the client's answer is text + NUL, then OK. Records the answers.
 */
async function dialogServer(type: number, prompt: string): Promise<string[]> {
  const answers: string[] = [];
  server = await startScriptedServer(async (session) => {
    session.send(handshakePacket());
    await session.read();
    session.send(Uint8Array.of(0xfe, ...utf8.encode('dialog'), 0, type, ...utf8.encode(prompt)));
    const answer = await session.read();
    if (answer === undefined) return;
    answers.push(new TextDecoder().decode(answer));
    session.send(okPacket());
    await acceptSetup(session);
  });
  return answers;
}

function connectTo(options: { dialogPrompt?: DialogPrompt } = {}) {
  return openConnection({
    port: server?.port,
    user: 'u',
    password: PASSWORD,
    sslMode: 'disabled',
    ...options,
  });
}

describe('the dialog plugin', () => {
  it('answers the Password: prompt with the password, without a callback', async () => {
    const answers = await dialogServer(PASSWORD_QUESTION, 'Password: ');
    await using _connection = await connectTo();
    expect(answers).toEqual([`${PASSWORD}\0`]);
  });

  it('hands any other prompt to dialogPrompt, with echo on for an ordinary question', async () => {
    const answers = await dialogServer(ORDINARY_LAST, 'Verification code: ');
    const asked: [string, boolean][] = [];
    await using _connection = await connectTo({
      dialogPrompt: async (prompt, echo) => {
        asked.push([prompt, echo]);
        return '314159';
      },
    });
    expect(asked).toEqual([['Verification code: ', true]]);
    expect(answers).toEqual(['314159\0']);
  });

  it('asks for a secret other than the password with echo off', async () => {
    const answers = await dialogServer(PASSWORD_LAST, 'PIN: ');
    const asked: [string, boolean][] = [];
    await using _connection = await connectTo({
      dialogPrompt: (prompt, echo) => {
        asked.push([prompt, echo]);
        return '0000';
      },
    });
    expect(asked).toEqual([['PIN: ', false]]);
    expect(answers).toEqual(['0000\0']);
  });

  it('fails with OperationalError 2059 naming the prompt when nothing can answer it', async () => {
    const answers = await dialogServer(ORDINARY_LAST, 'Verification code: ');
    const error = await connectTo().catch((caught: unknown) => caught);
    expect(OperationalError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ errno: 2059 });
    expect(String(error)).toContain("asked 'Verification code: '");
    expect(String(error)).toContain('dialogPrompt');
    expect(String(error)).not.toContain(PASSWORD);
    expect(answers).toEqual([]);
  });

  it('answers a second prompt, sent bare as MariaDB does, with the password', async () => {
    const answers: string[] = [];
    server = await startScriptedServer(async (session) => {
      session.send(handshakePacket());
      await session.read();
      session.send(
        Uint8Array.of(0xfe, ...utf8.encode('dialog'), 0, 0x02, ...utf8.encode('Code: ')),
      );
      const code = await session.read();
      if (code === undefined) return;
      answers.push(new TextDecoder().decode(code));
      session.send(Uint8Array.of(PASSWORD_LAST, ...utf8.encode('Password: ')));
      const password = await session.read();
      if (password === undefined) return;
      answers.push(new TextDecoder().decode(password));
      session.send(okPacket());
      await acceptSetup(session);
    });
    const asked: string[] = [];
    const connection = await connectTo({
      dialogPrompt: (prompt) => {
        asked.push(prompt);
        return '424242';
      },
    });
    await connection.close();
    expect(asked).toEqual(['Code: ']);
    expect(answers).toEqual(['424242\0', `${PASSWORD}\0`]);
  });

  it('a failing dialogPrompt fails the login with its error', async () => {
    await dialogServer(ORDINARY_LAST, 'Verification code: ');
    const error = await connectTo({
      dialogPrompt: () => {
        throw new Error('no code at hand');
      },
    }).catch((caught: unknown) => caught);
    expect(String(error)).toContain('no code at hand');
    expect(String(error)).not.toContain(PASSWORD);
  });
});
