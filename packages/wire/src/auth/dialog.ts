import type { AuthPlugin } from './auth-plugin.js';
import { nulTerminatedPassword } from './scramble.js';

/**
 * MariaDB's `dialog` plugin: each server message is a question; this answers every one with
 * the password, which is what PAM setups with a single password prompt ask.
 */
export const dialog: AuthPlugin = (context) => ({
  initialResponse: () => nulTerminatedPassword(context.password),
  moreData: () => nulTerminatedPassword(context.password),
});
