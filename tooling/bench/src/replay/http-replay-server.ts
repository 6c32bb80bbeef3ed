import { createServer, type IncomingMessage } from 'node:http';

/** Recorded Data API answers: the response body of each statement, by exact SQL text. */
export type DataApiRecording = ReadonlyMap<string, Buffer>;

/** A running HTTP replay server. */
export interface HttpReplayServer {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

const QUERY_PATH = '/api/v2/query/tuples';

/**
 * Asks the real Data API server once for each statement and keeps the response bytes, so the
 * measured runs time the HTTP clients' own parsing and not the server's work.
 */
export async function recordDataApi(
  baseUrl: string,
  authorization: string,
  database: string,
  statements: readonly string[],
): Promise<DataApiRecording> {
  const recording = new Map<string, Buffer>();
  for (const sql of statements) {
    const response = await fetch(new URL(QUERY_PATH, baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ sql, database }),
    });
    const body = Buffer.from(await response.arrayBuffer());
    if (!response.ok) {
      throw new Error(
        `the Data API server answered ${response.status}: ${body.toString('utf8', 0, 300)}`,
      );
    }
    recording.set(sql, body);
  }
  return recording;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves recorded `/api/v2/query/tuples` answers from memory for any credentials and database,
 * and answers `/ping`; any other request, or an unrecorded statement, gets a 404 that says so.
 */
export async function startHttpReplayServer(
  recording: DataApiRecording,
): Promise<HttpReplayServer> {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/ping') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('pong');
      return;
    }
    readBody(request)
      .then((text) => {
        const sql =
          request.url === QUERY_PATH ? (JSON.parse(text) as { sql?: string }).sql : undefined;
        const body = sql === undefined ? undefined : recording.get(sql);
        if (!body) {
          response
            .writeHead(404, { 'content-type': 'text/plain' })
            .end(`not recorded: ${request.url}`);
          return;
        }
        response.writeHead(200, {
          'content-type': 'application/json',
          'content-length': body.length,
        });
        response.end(body);
      })
      .catch((error: unknown) => {
        response.writeHead(400, { 'content-type': 'text/plain' }).end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the HTTP replay has no address');
  return {
    host: '127.0.0.1',
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
