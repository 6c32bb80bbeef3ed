import type { AuthPlugin } from './auth-plugin.js';
import { passwordBytes, sha1, xorBytes } from './scramble.js';

/** `SHA1(pw) XOR SHA1(nonce + SHA1(SHA1(pw)))`; empty for an empty password (§8.2). */
export function nativePasswordScramble(password: string, nonce: Uint8Array): Uint8Array {
  if (password === '') return new Uint8Array(0);
  const stage1 = sha1(passwordBytes(password));
  const stage2 = sha1(stage1);
  return xorBytes(stage1, sha1(nonce.subarray(0, 20), stage2));
}

/** mysql_native_password (wire-protocol.md §8.2). */
export const mysqlNativePassword: AuthPlugin = (context) => ({
  initialResponse: () => nativePasswordScramble(context.password, context.scramble),
  moreData: () => undefined,
});
