import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { expandSecret, signWithExpandedKey } from './ed25519-signature.js';

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

describe('signWithExpandedKey', () => {
  it('matches node:crypto Ed25519 signatures for random seeds and messages', () => {
    for (let round = 0; round < 8; round += 1) {
      const seed = randomBytes(32);
      const message = randomBytes(round * 7);
      const key = createPrivateKey({
        key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
        format: 'der',
        type: 'pkcs8',
      });
      const expected = sign(null, message, key);
      expect(Buffer.from(signWithExpandedKey(expandSecret(seed), message))).toEqual(expected);
    }
  });

  it('expands with SHA-512', () => {
    const bytes = randomBytes(13);
    expect(Buffer.from(expandSecret(bytes))).toEqual(createHash('sha512').update(bytes).digest());
  });
});
