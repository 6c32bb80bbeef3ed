/**
 * Serves one generated mixed answer at `/api/v2/query/tuples` for any request, from a process
 * of its own so that serving does not run on the measured client's event loop. Prints the port.
 */
import { createServer } from 'node:http';
import { mixedAnswer, type VectorForm } from './mixed-answer.js';

const body = Buffer.from(
  mixedAnswer(process.argv[2] === 'wide', (process.argv[3] ?? 'varbinary') as VectorForm),
);
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address !== null ? address.port : 0);
});
