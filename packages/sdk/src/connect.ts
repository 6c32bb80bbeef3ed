import {
  buildConnectionParams,
  type Connection,
  type ConnectionInput,
  type ResultsType,
} from '@s2/core-cursor';
import { HttpConnection } from '@s2/http';
import { connectWithParams } from '@s2/wire';

/**
 * Connects to SingleStoreDB the way the Python SDK's `singlestoredb.connect()` does: from a URL,
 * from parameters, or from nothing (`SINGLESTOREDB_URL` and the other `SINGLESTOREDB_*`
 * variables, then option defaults). `mysql://` and `singlestoredb://` URLs go over the MySQL
 * protocol (@s2/wire); `http://` and `https://` over the Data API (@s2/http).
 *
 * @example
 * ```ts
 * await using conn = await connect('root:pw@127.0.0.1:3306/app');
 * const rows = await conn.query('SELECT id, name FROM users WHERE id = ?', [42]);
 * ```
 */
export async function connect(
  input: string | ConnectionInput = {},
): Promise<Connection<ResultsType>> {
  const params = buildConnectionParams(input);
  if (params.driver === 'mysql') return connectWithParams(params);
  return new HttpConnection(params);
}
