import type { AuthPlugin } from './auth-plugin.js';
import { rsaEncryptPassword } from './rsa-password.js';
import { nulTerminatedPassword } from './scramble.js';

const pemText = new TextDecoder();
const REQUEST_PUBLIC_KEY = 0x01;

/** sha256_password (wire-protocol.md §8.4). */
export const sha256Password: AuthPlugin = (context) => ({
  initialResponse() {
    if (context.tls) return nulTerminatedPassword(context.password);
    if (context.password === '') return Uint8Array.of(0);
    if (context.serverPublicKey !== undefined) {
      return rsaEncryptPassword(context.password, context.scramble, context.serverPublicKey);
    }
    return Uint8Array.of(REQUEST_PUBLIC_KEY);
  },
  moreData: (data) => rsaEncryptPassword(context.password, context.scramble, pemText.decode(data)),
});
