import { CachingSha2Status } from '../protocol/protocol-constants.js';
import { malformedPacket } from '../protocol/wire-errors.js';
import type { AuthPlugin } from './auth-plugin.js';
import { rsaEncryptPassword } from './rsa-password.js';
import { nulTerminatedPassword, passwordBytes, sha256, xorBytes } from './scramble.js';

const pemText = new TextDecoder();

/** `SHA256(pw) XOR SHA256(SHA256(SHA256(pw)) + nonce)`; empty for an empty password (§8.3). */
export function cachingSha2Scramble(password: string, nonce: Uint8Array): Uint8Array {
  if (password === '') return new Uint8Array(0);
  const stage1 = sha256(passwordBytes(password));
  const stage2 = sha256(stage1);
  return xorBytes(stage1, sha256(stage2, nonce.subarray(0, 20)));
}

/**
 * caching_sha2_password (wire-protocol.md §8.3): the fast path, then on "full auth needed" the
 * clear password over TLS or a Unix socket, else RSA with the configured key or one requested
 * from the server.
 */
export const cachingSha2Password: AuthPlugin = (context) => {
  let state: 'scrambled' | 'awaiting-key' | 'sent-full' = 'scrambled';
  const encrypt = (pem: string): Uint8Array => {
    state = 'sent-full';
    return rsaEncryptPassword(context.password, context.scramble, pem);
  };
  return {
    initialResponse: () => cachingSha2Scramble(context.password, context.scramble),
    moreData(data) {
      if (state === 'awaiting-key') return encrypt(pemText.decode(data));
      if (state === 'sent-full')
        throw malformedPacket('caching_sha2_password: unexpected AuthMoreData');
      const status = data[0];
      if (status === CachingSha2Status.FAST_AUTH_SUCCESS) return undefined;
      if (status !== CachingSha2Status.PERFORM_FULL_AUTHENTICATION) {
        throw malformedPacket(`caching_sha2_password: unknown status ${status}`);
      }
      if (context.tls || context.unixSocket) {
        state = 'sent-full';
        return nulTerminatedPassword(context.password);
      }
      if (context.serverPublicKey !== undefined) return encrypt(context.serverPublicKey);
      state = 'awaiting-key';
      return Uint8Array.of(CachingSha2Status.REQUEST_PUBLIC_KEY);
    },
  };
};
