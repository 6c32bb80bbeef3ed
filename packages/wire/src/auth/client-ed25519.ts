import type { AuthPlugin } from './auth-plugin.js';
import { expandSecret, signWithExpandedKey } from './ed25519-signature.js';
import { passwordBytes } from './scramble.js';

/**
 * MariaDB's client_ed25519 (wire-protocol.md §8.6): an Ed25519 signature of the 32-byte
 * scramble with the key expanded from SHA-512 of the password.
 */
export const clientEd25519: AuthPlugin = (context) => ({
  initialResponse: () =>
    signWithExpandedKey(expandSecret(passwordBytes(context.password)), context.scramble),
  moreData: () => undefined,
});
