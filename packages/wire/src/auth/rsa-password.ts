import { constants, publicEncrypt } from 'node:crypto';
import { nulTerminatedPassword, xorBytes } from './scramble.js';

/** RSA-OAEP (SHA-1, MGF1-SHA-1) of `(pw + NUL) XOR nonce`, for the sha256 plugins (§8.3, §8.4). */
export function rsaEncryptPassword(
  password: string,
  nonce: Uint8Array,
  publicKeyPem: string,
): Uint8Array {
  const masked = xorBytes(nulTerminatedPassword(password), nonce.subarray(0, 20));
  return publicEncrypt(
    { key: publicKeyPem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha1' },
    masked,
  );
}
