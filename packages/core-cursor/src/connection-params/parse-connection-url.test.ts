import { describe, expect, it } from 'vitest';
import { InterfaceError } from '../errors/index.js';
import { isConnectionUrl, parseConnectionUrl } from './parse-connection-url.js';

describe('isConnectionUrl', () => {
  it.each([
    ['s2host.com', false],
    ['10.0.0.1', false],
    ['::1', false],
    ['2001:db8::7', false],
    ['10.0.0.1:3307', true],
    ['h/db', true],
    ['u@h', true],
    ['h?x=1', true],
    ['[::1]:3306', true],
    ['mysql://h', true],
  ])('%s → %s', (host, expected) => {
    expect(isConnectionUrl(host)).toBe(expected);
  });
});

describe('parseConnectionUrl', () => {
  it('reads every part', () => {
    expect(parseConnectionUrl('mysql://u:p@h:3308/db?local_infile=1')).toEqual({
      driver: 'mysql',
      user: 'u',
      password: 'p',
      host: 'h',
      port: 3308,
      database: 'db',
      query: [['local_infile', '1']],
    });
  });

  it.each([
    ['singlestoredb+http://h', 'http'],
    ['SingleStoreDB+HTTPS://h', 'https'],
    ['singlestoredb+mysql://h', 'mysql'],
    ['HTTP://h', 'http'],
  ])('maps the scheme of %s to %s', (url, driver) => {
    expect(parseConnectionUrl(url).driver).toBe(driver);
  });

  it.each(['singlestoredb://h', 'h', '//h', 'u:p@h/db'])('%s sets no driver', (url) => {
    expect(parseConnectionUrl(url).driver).toBeUndefined();
  });

  it('rejects other schemes, naming the valid ones', () => {
    expect(() => parseConnectionUrl('postgres://h')).toThrow(InterfaceError);
    expect(() => parseConnectionUrl('postgres://h')).toThrow(/"postgres".*mysql, http, https/);
  });

  it('percent-decodes user, password and database; + stays +', () => {
    const parsed = parseConnectionUrl('us%40er:p%2Fw%3Ad+x@h/my%20db');
    expect(parsed.user).toBe('us@er');
    expect(parsed.password).toBe('p/w:d+x');
    expect(parsed.database).toBe('my db');
  });

  it('form-decodes query values (+ is a space) and keeps the last of a repeated key', () => {
    expect(parseConnectionUrl('h?init_command=SET+x%3D1&a=1&a=2').query).toEqual([
      ['init_command', 'SET x=1'],
      ['a', '1'],
      ['a', '2'],
    ]);
  });

  it('keeps an empty password only with a user', () => {
    expect(parseConnectionUrl('me:@h/db')).toMatchObject({ user: 'me', password: '' });
    expect(parseConnectionUrl('me@h').password).toBeUndefined();
  });

  it('uses the last @ to end the user info', () => {
    expect(parseConnectionUrl('u:p@ss@h')).toMatchObject({
      user: 'u',
      password: 'p@ss',
      host: 'h',
    });
  });

  it('parses bracketed IPv6 hosts and rejects bare ones with a port', () => {
    expect(parseConnectionUrl('mysql://[::1]:3307/db')).toMatchObject({ host: '::1', port: 3307 });
    expect(parseConnectionUrl('[fe80::1]')).toMatchObject({ host: 'fe80::1' });
    expect(() => parseConnectionUrl('mysql://::1:3306')).toThrow(/must be in brackets/);
    expect(() => parseConnectionUrl('[::1')).toThrow(/Unclosed/);
  });

  it('allows one path segment and a trailing slash, nothing more', () => {
    expect(parseConnectionUrl('h/db/').database).toBe('db');
    expect(parseConnectionUrl('h/').database).toBeUndefined();
    expect(() => parseConnectionUrl('h/db/extra')).toThrow(InterfaceError);
  });

  it.each(['h:foo', 'h:70000', 'h:-1'])('rejects the port of %s', (url) => {
    expect(() => parseConnectionUrl(url)).toThrow(/Invalid port/);
  });

  it('reports bad percent-encoding without quoting the password', () => {
    expect(() => parseConnectionUrl('u:secr%ZZet@h')).toThrow(
      'Invalid percent-encoding in the password of the connection URL',
    );
    expect(() => parseConnectionUrl('u:secr%ZZet@h')).not.toThrow(/secr/);
  });

  it('drops a fragment', () => {
    expect(parseConnectionUrl('h/db#x')).toMatchObject({ host: 'h', database: 'db' });
  });
});
