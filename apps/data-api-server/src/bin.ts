#!/usr/bin/env -S tsx --conditions=source
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Credentials } from './credentials.js';
import { startDataApiServer } from './data-api-server.js';
import type { JwtOptions } from './jwt-auth.js';

const USAGE = `Usage: s2-data-api --target mysql://host:3306[/database] [--port 9000] [--host 127.0.0.1]
       [--cors-origin '*'] [--max-connections 10] [--quiet]
       [--jwks https://issuer/jwks.json | --jwks ./jwks.json] [--jwt-users ./users.json]
       [--jwt-issuer ISS] [--jwt-audience AUD] [--tls-cert cert.pem --tls-key key.pem]

Serves SingleStore's Data API (POST /api/v2/query/tuples, /api/v2/query/rows, /api/v2/exec,
GET /ping, GET /api/v2/spec, POST /api/v2/jwks_setup) in front of a MySQL-compatible server.
Clients authenticate with Basic auth, which is passed through as the database user and password,
or with a Bearer JWT when --jwt-users is given: a JSON file mapping each token user (claim
"username", else "sub") to {"user", "password"} of the database login to use.

--tls-cert and --tls-key (PEM files) serve HTTPS instead of HTTP.

Environment: S2_DATA_API_ADMIN_TOKEN enables POST /api/v2/jwks_setup for requests with
"Authorization: Bearer <that token>" (an environment variable, not a flag, so the secret does
not show in the process list).`;

async function jwtOptionsOf(values: {
  jwks?: string | undefined;
  'jwt-users'?: string | undefined;
  'jwt-issuer'?: string | undefined;
  'jwt-audience'?: string | undefined;
}): Promise<JwtOptions | undefined> {
  const usersFile = values['jwt-users'];
  if (usersFile === undefined) {
    if (values.jwks !== undefined) throw new Error('--jwks needs --jwt-users');
    return undefined;
  }
  const users = JSON.parse(await readFile(usersFile, 'utf8')) as Record<string, Credentials>;
  const jwks = values.jwks;
  return {
    users,
    ...(jwks === undefined
      ? {}
      : { jwks: /^https?:\/\//i.test(jwks) ? { url: jwks } : { file: jwks } }),
    ...(values['jwt-issuer'] === undefined ? {} : { issuer: values['jwt-issuer'] }),
    ...(values['jwt-audience'] === undefined ? {} : { audience: values['jwt-audience'] }),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      target: { type: 'string' },
      port: { type: 'string', default: '9000' },
      host: { type: 'string', default: '127.0.0.1' },
      'cors-origin': { type: 'string' },
      'max-connections': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      jwks: { type: 'string' },
      'jwt-users': { type: 'string' },
      'jwt-issuer': { type: 'string' },
      'jwt-audience': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || values.target === undefined) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const jwt = await jwtOptionsOf(values);
  const certFile = values['tls-cert'];
  const keyFile = values['tls-key'];
  if ((certFile === undefined) !== (keyFile === undefined)) {
    throw new Error('--tls-cert and --tls-key go together');
  }
  const tls =
    certFile === undefined || keyFile === undefined
      ? undefined
      : { cert: await readFile(certFile), key: await readFile(keyFile) };
  const adminToken = process.env.S2_DATA_API_ADMIN_TOKEN;
  const server = await startDataApiServer({
    target: values.target,
    port: Number(values.port),
    host: values.host,
    ...(values['cors-origin'] === undefined ? {} : { corsOrigin: values['cors-origin'] }),
    ...(values['max-connections'] === undefined
      ? {}
      : { maxConnectionsPerPool: Number(values['max-connections']) }),
    ...(values.quiet ? { log: false as const } : {}),
    ...(jwt === undefined ? {} : { jwt }),
    ...(tls === undefined ? {} : { tls }),
    ...(adminToken === undefined || adminToken === '' ? {} : { adminToken }),
  });
  process.stdout.write(`Data API listening on ${server.url}\n`);
  const shutdown = (signal: string) => {
    process.stdout.write(`${signal}: finishing running requests\n`);
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`s2-data-api: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
