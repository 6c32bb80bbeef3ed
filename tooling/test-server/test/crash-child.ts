import { startLocalMariadb } from '../src/local-mariadb.js';

const server = await startLocalMariadb({ tls: false });
process.stdout.write(
  `${JSON.stringify({ dir: server.dir, pid: server.pid, port: server.port })}\n`,
);
process.kill(process.pid, 'SIGKILL');
