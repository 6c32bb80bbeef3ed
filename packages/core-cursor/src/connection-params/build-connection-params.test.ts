import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InterfaceError } from '../errors/index.js';
import { resetOption, setOption } from '../options/option-registry.js';
import { withOptions } from '../options/with-options.js';
import { buildConnectionParams } from './build-connection-params.js';

beforeEach(() => {
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('SINGLESTOREDB')) vi.stubEnv(name, undefined);
  }
});

afterEach(() => {
  vi.unstubAllEnvs();
  resetOption();
});

function summary(params: ReturnType<typeof buildConnectionParams>) {
  return {
    driver: params.driver,
    host: params.host,
    port: params.port,
    user: params.user,
    password: params.password,
    database: params.database,
  };
}

describe('the spec example table (no env vars)', () => {
  it.each([
    [undefined, {}, ['mysql', '127.0.0.1', 3306, undefined, undefined, undefined]],
    ['s2host.com', {}, ['mysql', 's2host.com', 3306, undefined, undefined, undefined]],
    ['10.0.0.1:3307', {}, ['mysql', '10.0.0.1', 3307, undefined, undefined, undefined]],
    ['mysql://u:p@h:3308/db', {}, ['mysql', 'h', 3308, 'u', 'p', 'db']],
    ['singlestoredb://u:p@h/db', {}, ['mysql', 'h', 3306, 'u', 'p', 'db']],
    ['singlestoredb+https://u:p@h/db', {}, ['https', 'h', 443, 'u', 'p', 'db']],
    ['http://u:p@h/db', { port: 9000 }, ['http', 'h', 9000, 'u', 'p', 'db']],
    ['us%40er:p%2Fw%3Ad@h/my%20db', {}, ['mysql', 'h', 3306, 'us@er', 'p/w:d', 'my db']],
  ] as const)('%s %j', (url, extra, [driver, host, port, user, password, database]) => {
    const params = buildConnectionParams(url === undefined ? extra : { url, ...extra });
    expect(summary(params)).toEqual({ driver, host, port, user, password, database });
    if (url !== undefined && Object.keys(extra).length === 0) {
      expect(summary(buildConnectionParams(url))).toEqual(summary(params));
    }
  });

  it('h/db?foo=1 is an error that lists the valid parameters', () => {
    expect(() => buildConnectionParams('h/db?foo=1')).toThrow(InterfaceError);
    expect(() => buildConnectionParams('h/db?foo=1')).toThrow(
      /Unknown connection parameter "foo" in the connection URL query string; valid .*sslCa.*resultsType/,
    );
  });
});

describe('query-string options', () => {
  it('accepts snake_case and camelCase and casts the values', () => {
    const params = buildConnectionParams(
      'h/db?local_infile=1&charset=utf8&resultsType=dicts&results_type=Pandas&connect_timeout=5&sslMode=required',
    );
    expect(params.localInfile).toBe(true);
    expect(params.charset).toBe('utf8');
    expect(params.resultsType).toBe('polars');
    expect(params.connectTimeout).toBe(5);
    expect(params.sslMode).toBe('required');
  });

  it('reports a bad value with the parameter and the source', () => {
    expect(() => buildConnectionParams('h?local_infile=maybe')).toThrow(
      /Invalid value "maybe" for option local_infile from the connection URL query string/,
    );
  });

  it('ssl_ca in the query turns on verification', () => {
    expect(buildConnectionParams('h?ssl_ca=/x.pem').sslMode).toBe('verify_ca');
  });
});

describe('precedence', () => {
  it('explicit parameters beat the URL (mysql2 rule, not the Python one)', () => {
    const params = buildConnectionParams({ url: 'u1:p1@h/db1', user: 'u2' });
    expect(params.user).toBe('u2');
    expect(params.password).toBe('p1');
    expect(params.database).toBe('db1');
  });

  it('a URL in host works like url', () => {
    expect(summary(buildConnectionParams({ host: 'u:p@h:1234/d' }))).toMatchObject({
      host: 'h',
      port: 1234,
      user: 'u',
    });
    expect(() => buildConnectionParams({ host: 'u@h', url: 'u@h' })).toThrow(/not both/);
  });

  it('a scheme-less URL leaves the driver alone', () => {
    expect(buildConnectionParams({ url: 'u:p@h/db', driver: 'https' }).driver).toBe('https');
    setOption('driver', 'http');
    expect(buildConnectionParams('u:p@h/db').driver).toBe('http');
  });

  it('the URL beats per-field env vars, env beats defaults', () => {
    vi.stubEnv('SINGLESTOREDB_USER', 'envuser');
    vi.stubEnv('SINGLESTOREDB_DATABASE', 'envdb');
    const params = buildConnectionParams('urluser@h');
    expect(params.user).toBe('urluser');
    expect(params.database).toBe('envdb');
  });

  it('SINGLESTOREDB_URL is used when no host is given', () => {
    vi.stubEnv('SINGLESTOREDB_URL', 'https://eu:ep@envhost:9443/envdb');
    expect(summary(buildConnectionParams())).toEqual({
      driver: 'https',
      host: 'envhost',
      port: 9443,
      user: 'eu',
      password: 'ep',
      database: 'envdb',
    });
    expect(buildConnectionParams({ database: 'other' }).database).toBe('other');
  });

  it('an explicit host discards the env URL, credentials included', () => {
    vi.stubEnv('SINGLESTOREDB_URL', 'mysql://eu:ep@envhost/envdb');
    const params = buildConnectionParams({ host: 'elsewhere' });
    expect(summary(params)).toEqual({
      driver: 'mysql',
      host: 'elsewhere',
      port: 3306,
      user: undefined,
      password: undefined,
      database: undefined,
    });
  });

  it('SINGLESTOREDB_HOST wins over SINGLESTOREDB_URL', () => {
    vi.stubEnv('SINGLESTOREDB_URL', 'mysql://eu:ep@envhost/envdb');
    vi.stubEnv('SINGLESTOREDB_HOST', 'plainhost');
    expect(buildConnectionParams().host).toBe('plainhost');
    expect(buildConnectionParams().user).toBeUndefined();
  });

  it('a URL without a host falls back to the default host, not the URL itself', () => {
    vi.stubEnv('SINGLESTOREDB_URL', 'mysql://u:p@/db');
    expect(buildConnectionParams().host).toBe('127.0.0.1');
  });

  it('set options and scopes feed parameters; explicit still wins', () => {
    setOption('results.type', 'dicts');
    expect(buildConnectionParams().resultsType).toBe('dicts');
    withOptions({ resultsType: 'arrow' }, () => {
      expect(buildConnectionParams().resultsType).toBe('arrow');
      expect(buildConnectionParams({ resultsType: 'columns' }).resultsType).toBe('columns');
    });
  });

  it('rejects unknown explicit parameters', () => {
    const input = { hots: 'h' } as Record<string, unknown>;
    expect(() => buildConnectionParams(input)).toThrow(/Unknown connection parameter "hots"/);
  });

  it('ignores null and undefined parameters', () => {
    expect(buildConnectionParams({ user: null, database: undefined }).user).toBeUndefined();
  });
});

describe('default ports', () => {
  it.each([
    ['mysql://h', 3306],
    ['mysql://h:0', 3306],
    ['http://h', 80],
    ['https://h', 443],
    ['https://h:9000', 9000],
  ])('%s → %i', (url, port) => {
    expect(buildConnectionParams(url).port).toBe(port);
  });

  it('mysql uses the port option; http(s) use http_port and ignore the MySQL port option', () => {
    vi.stubEnv('SINGLESTOREDB_PORT', '3307');
    vi.stubEnv('SINGLESTOREDB_HTTP_PORT', '9081');
    expect(buildConnectionParams('mysql://h').port).toBe(3307);
    expect(buildConnectionParams('http://h').port).toBe(9081);
    expect(buildConnectionParams({ url: 'http://h', port: 9000 }).port).toBe(9000);
  });
});

describe('normalisation', () => {
  it('drops an empty password without a user, keeps it with one', () => {
    expect(buildConnectionParams({ password: '' }).password).toBeUndefined();
    expect(buildConnectionParams('me:@h/db').password).toBe('');
  });

  it.each([
    [{}, 'preferred'],
    [{ sslDisabled: true }, 'disabled'],
    [{ sslVerifyCert: true }, 'verify_ca'],
    [{ sslVerifyIdentity: true }, 'verify_identity'],
    [{ sslCa: '/ca.pem' }, 'verify_ca'],
    [{ sslCa: '/ca.pem', sslVerifyCert: false }, 'verify_ca'],
    [{ sslCa: '/ca.pem', sslMode: 'verify_identity' }, 'verify_identity'],
    [{ sslMode: 'required' }, 'required'],
  ] as const)('TLS %j → %s', (input, mode) => {
    expect(buildConnectionParams(input).sslMode).toBe(mode);
  });

  it('a CA with an explicitly weaker mode is a configuration error', () => {
    expect(() => buildConnectionParams({ sslCa: '/ca.pem', sslMode: 'required' })).toThrow(
      /sslCa needs sslMode verify_ca or verify_identity/,
    );
    expect(() => buildConnectionParams({ sslCa: '/ca.pem', sslDisabled: true })).toThrow(
      InterfaceError,
    );
  });

  it('has the secure defaults', () => {
    const params = buildConnectionParams();
    expect(params.localInfile).toBe(false);
    expect(params.allowCleartextPassword).toBe(false);
    expect(params.sslMode).toBe('preferred');
    expect(params.autocommit).toBe(true);
  });

  it('is frozen and carries no folded inputs', () => {
    const params = buildConnectionParams({ sslDisabled: true, httpPort: 1 });
    expect(Object.isFrozen(params)).toBe(true);
    expect(Object.keys(params)).not.toContain('sslDisabled');
    expect(Object.keys(params)).not.toContain('httpPort');
    expect(() => {
      (params as unknown as Record<string, unknown>).host = 'x';
    }).toThrow(TypeError);
  });
});

describe('the password never shows', () => {
  const params = buildConnectionParams('mysql://admin:Sup3rS3cret@db.example:3306/app');

  it('is readable on purpose', () => {
    expect(params.password).toBe('Sup3rS3cret');
  });

  it.each([
    ['toString', () => String(params)],
    ['template', () => `${params}`],
    ['JSON', () => JSON.stringify(params)],
    ['inspect', () => inspect(params)],
    ['spread', () => JSON.stringify({ ...params })],
    ['keys', () => Object.keys(params).join(',')],
  ])('%s', (_label, render) => {
    const text = render();
    expect(text).not.toContain('Sup3rS3cret');
  });

  it('toString is a URL with the password masked', () => {
    expect(String(params)).toBe('mysql://admin:***@db.example:3306/app');
    expect(JSON.parse(JSON.stringify(params)).password).toBe('***');
    expect(String(buildConnectionParams('https://[::1]/d'))).toBe('https://[::1]:443/d');
  });

  it('errors about the URL never contain it', () => {
    for (const url of [
      'postgres://admin:Sup3rS3cret@h',
      'mysql://admin:Sup3rS3cret@h:bad',
      'mysql://admin:Sup3rS3cret@h/a/b',
      'mysql://admin:Sup3rS3cret@h?nope=1',
      'mysql://admin:Sup3rS3cret@h?local_infile=x',
    ]) {
      let message = '';
      try {
        buildConnectionParams(url);
      } catch (error) {
        message = String(error);
      }
      expect(message).not.toBe('');
      expect(message).not.toContain('Sup3rS3cret');
    }
  });
});
