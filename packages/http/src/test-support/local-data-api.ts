import { type DataApiServer, startDataApiServer } from '@s2/data-api-server';

/** Starts the local Data API server in front of the test database's server, quietly. */
export async function startLocalDataApi(
  databaseUrl: string,
  maxConnectionsPerPool?: number,
): Promise<DataApiServer> {
  const target = new URL(databaseUrl);
  return startDataApiServer({
    target: `mysql://${target.host}`,
    log: false,
    ...(maxConnectionsPerPool === undefined ? {} : { maxConnectionsPerPool }),
  });
}

/** An http:// connection URL for the Data API server, with the database URL's credentials. */
export function dataApiUrl(server: DataApiServer, databaseUrl: string): string {
  const target = new URL(databaseUrl);
  const base = new URL(server.url);
  base.username = target.username;
  base.password = target.password;
  base.pathname = target.pathname;
  return base.toString();
}
