import type mysql from 'mysql2/promise';
import type { ServerCapabilities, ServerFlavour, ServerSource } from './types.js';

async function scalar(connection: mysql.Connection, sql: string): Promise<string | undefined> {
  try {
    const [rows] = await connection.query({ sql, rowsAsArray: true });
    const first = (rows as unknown[][])[0]?.[0];
    return first === null || first === undefined ? undefined : String(first);
  } catch {
    return undefined;
  }
}

/** Reads which server this is, so tests can gate SingleStore-only behaviour. */
export async function detectCapabilities(
  connection: mysql.Connection,
  source: ServerSource,
): Promise<ServerCapabilities> {
  const version = (await scalar(connection, 'SELECT @@version')) ?? 'unknown';
  const singlestoreVersion = await scalar(connection, 'SELECT @@memsql_version');
  const haveSsl = await scalar(connection, 'SELECT @@have_ssl');
  let flavour: ServerFlavour = 'mysql';
  if (singlestoreVersion) flavour = 'singlestore';
  else if (/mariadb/i.test(version)) flavour = 'mariadb';
  return {
    flavour,
    version,
    source,
    tls: haveSsl === undefined ? flavour === 'singlestore' : haveSsl === 'YES',
    ...(singlestoreVersion ? { singlestoreVersion } : {}),
  };
}
