import { OperationalError } from '@s2/core-cursor';
import { ClientErrno } from '../protocol/protocol-constants.js';
import type { AuthPlugin } from './auth-plugin.js';
import { nulTerminatedPassword } from './scramble.js';

/**
 * Answers one prompt of the `dialog` plugin that is not the password prompt (a one-time
 * code, a second factor). `echo` is true for an ordinary question and false for a secret
 * one, so an interactive program knows whether to hide what is typed.
 */
export type DialogPrompt = (prompt: string, echo: boolean) => string | Promise<string>;

/** The prompt the password answers (wire-protocol.md §8.6), as PyMySQL and libmariadb do. */
const PASSWORD_PROMPT = 'Password: ';
/** Bits 1–2 of the first byte: 1 = ordinary question, 2 = password question. */
const ORDINARY_QUESTION = 1;
const PASSWORD_QUESTION = 2;

const utf8 = new TextEncoder();

function isQuestion(message: Uint8Array): boolean {
  const question = (message[0] ?? 0) >> 1;
  return question === ORDINARY_QUESTION || question === PASSWORD_QUESTION;
}
const text = new TextDecoder();

function answer(reply: string): Uint8Array {
  const encoded = utf8.encode(reply);
  const packet = new Uint8Array(encoded.length + 1);
  packet.set(encoded);
  return packet;
}

/**
 * MariaDB's `dialog` plugin (PAM): each server message is a type byte and a prompt; the
 * reply is the answer and a NUL. The password answers `Password: ` and a password question
 * with an empty prompt (what libmariadb does); any other prompt goes to `prompt`, and without
 * one the login fails with OperationalError 2059 naming the prompt (never the password).
 */
export function dialogPlugin(prompt?: DialogPrompt): AuthPlugin {
  return (context) => {
    const reply = async (message: Uint8Array): Promise<Uint8Array> => {
      const question = (message[0] ?? 0) >> 1;
      const promptText = text.decode(message.subarray(1)).replace(/\0+$/, '');
      const asksPassword =
        promptText === PASSWORD_PROMPT || (question === PASSWORD_QUESTION && promptText === '');
      if (asksPassword) return nulTerminatedPassword(context.password);
      if (prompt === undefined) {
        throw new OperationalError(
          `Authentication plugin 'dialog' asked '${promptText}'; answer it with the dialogPrompt option`,
          { errno: ClientErrno.AUTH_PLUGIN_CANNOT_LOAD },
        );
      }
      return answer(await prompt(promptText, question !== PASSWORD_QUESTION));
    };
    return {
      // A login that starts with dialog (no AuthSwitch) has the handshake's scramble here,
      // printable bytes that never look like a question; libmariadb sends the password then.
      initialResponse: () =>
        isQuestion(context.scramble)
          ? reply(context.scramble)
          : nulTerminatedPassword(context.password),
      moreData: reply,
    };
  };
}

/** The built-in `dialog` plugin, without a prompt callback. */
export const dialog: AuthPlugin = dialogPlugin();
