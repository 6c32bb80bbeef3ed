#!/usr/bin/env -S tsx --conditions=source
import { parseArgs } from 'node:util';
import { startDataApiServer } from './data-api-server.js';

const USAGE = `Usage: s2-data-api --target mysql://host:3306[/database] [--port 9000] [--host 127.0.0.1]
       [--cors-origin '*'] [--max-connections 10] [--quiet]

Serves SingleStore's Data API (POST /api/v2/query/tuples, /api/v2/query/rows, /api/v2/exec,
GET /ping, GET /api/v2/spec) in front of a MySQL-compatible server. Clients authenticate with
Basic auth, which is passed through as the database user and password.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      target: { type: 'string' },
      port: { type: 'string', default: '9000' },
      host: { type: 'string', default: '127.0.0.1' },
      'cors-origin': { type: 'string' },
      'max-connections': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help || values.target === undefined) {
    process.stderr.write(`${USAGE}\n`);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const server = await startDataApiServer({
    target: values.target,
    port: Number(values.port),
    host: values.host,
    ...(values['cors-origin'] === undefined ? {} : { corsOrigin: values['cors-origin'] }),
    ...(values['max-connections'] === undefined
      ? {}
      : { maxConnectionsPerPool: Number(values['max-connections']) }),
    ...(values.quiet ? { log: false as const } : {}),
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
