/** Host, port and credentials of a MySQL-protocol URL. */
export interface ServerAddress {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
}

/**
 * Reads the parts of `SINGLESTOREDB_URL` the harness needs. The SDK's full URL grammar lives in
 * @s2/core-cursor; the harness only needs a MySQL-protocol address and says so for anything else.
 */
export function parseServerUrl(text: string): ServerAddress {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `mysql://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme.replace(/^singlestoredb\+/i, ''));
  } catch {
    throw new Error(
      'SINGLESTOREDB_URL is not a valid URL (expected mysql://user:password@host:port)',
    );
  }
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  if (scheme !== 'mysql' && scheme !== 'singlestoredb') {
    throw new Error(
      `the test harness needs a MySQL-protocol SINGLESTOREDB_URL, not ${scheme}://; the Data API tests start their own server in front of it`,
    );
  }
  return {
    host: url.hostname || '127.0.0.1',
    port: url.port ? Number(url.port) : 3306,
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  };
}

/** `mysql://user:password@host:port`, with user and password percent-encoded. */
export function formatServerUrl(address: ServerAddress, database?: string): string {
  const credentials = `${encodeURIComponent(address.user)}:${encodeURIComponent(address.password)}`;
  return `mysql://${credentials}@${address.host}:${address.port}${database ? `/${encodeURIComponent(database)}` : ''}`;
}
