import { describe, expect, it } from 'vitest';
import { formatServerUrl, parseServerUrl } from './server-url.js';

describe('parseServerUrl', () => {
  it('reads user, password, host and port, percent-decoded', () => {
    expect(parseServerUrl('mysql://ad%40min:p%3Ass@db.example:3307/app')).toEqual({
      host: 'db.example',
      port: 3307,
      user: 'ad@min',
      password: 'p:ss',
    });
  });

  it('accepts the singlestoredb+ prefix and a bare host', () => {
    expect(parseServerUrl('singlestoredb+mysql://root@h').port).toBe(3306);
    expect(parseServerUrl('root:pw@127.0.0.1:4000')).toMatchObject({
      host: '127.0.0.1',
      port: 4000,
      password: 'pw',
    });
  });

  it('round-trips through formatServerUrl', () => {
    const address = { host: '127.0.0.1', port: 3306, user: 'a b', password: 'x/y@z' };
    expect(parseServerUrl(formatServerUrl(address, 'db'))).toEqual(address);
  });
});
