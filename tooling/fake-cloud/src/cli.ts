import { parseArgs } from 'node:util';
import { startFakeCloud } from './fake-cloud.js';

// `pnpm start -- --port 1` passes the `--` through; it separates nothing here.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((argument) => argument !== '--'),
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    data: { type: 'string' },
    delay: { type: 'string', default: '2000' },
  },
});

const cloud = await startFakeCloud({
  port: Number(values.port),
  host: values.host,
  transitionDelayMs: Number(values.delay),
  ...(values.data ? { dataDirectory: values.data } : {}),
});
console.log(`fake cloud listening on ${cloud.url} (any bearer token is its own organization)`);
console.log(
  `try: SINGLESTOREDB_MANAGEMENT_BASE_URL=${cloud.url} SINGLESTOREDB_MANAGEMENT_TOKEN=dev …`,
);
const stop = async () => {
  await cloud.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
