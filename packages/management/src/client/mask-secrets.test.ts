import { describe, expect, it } from 'vitest';
import { maskSecrets } from './mask-secrets.js';

describe('maskSecrets', () => {
  it('masks values of secret-looking keys and keeps the rest', () => {
    const text = '{"adminPassword":"p\\"w","accessToken":"t","secretValue":"s","name":"n"}';
    expect(maskSecrets(text)).toBe(
      '{"adminPassword":"***","accessToken":"***","secretValue":"***","name":"n"}',
    );
  });
});
