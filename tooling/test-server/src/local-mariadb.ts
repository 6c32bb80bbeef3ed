import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { findFreePort } from './free-port.js';
import {
  createInstanceDir,
  isAlive,
  startWatchdog,
  sweepStaleInstances,
  writeOwner,
} from './instance-registry.js';
import { createTlsCertificates, type GeneratedCertificates } from './tls-certificates.js';

const run = promisify(execFile);

/** Settings for a throwaway local MariaDB. */
export interface LocalMariadbOptions {
  /** Generate a CA and server certificate and require nothing but offer TLS. Default true. */
  tls?: boolean;
  /** Where to look for `mariadbd` and `mariadb-install-db`; defaults to PATH plus /usr/sbin. */
  binDirs?: readonly string[];
  /** How long to wait for the server to accept connections. Default 30 s. */
  startTimeoutMs?: number;
}

/** A running local MariaDB. */
export interface LocalMariadb {
  readonly dir: string;
  readonly port: number;
  readonly socketPath: string;
  readonly pid: number;
  readonly certificates?: GeneratedCertificates;
  stop(): Promise<void>;
}

const defaultBinDirs = [
  ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean),
  '/usr/sbin',
  '/usr/local/sbin',
  '/usr/bin',
];

/** Finds an executable by name in the given directories. */
export function findExecutable(
  name: string,
  dirs: readonly string[] = defaultBinDirs,
): string | undefined {
  for (const dir of dirs) {
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** True when this machine can start a throwaway MariaDB. */
export function canStartLocalMariadb(binDirs?: readonly string[]): boolean {
  return Boolean(
    findExecutable('mariadbd', binDirs) && findExecutable('mariadb-install-db', binDirs),
  );
}

async function waitForSocket(port: number, server: ChildProcess, dir: string, timeoutMs: number) {
  const { createConnection } = await import('node:net');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) break;
    const ready = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('data', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.setTimeout(1000, () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const log = fs.existsSync(path.join(dir, 'error.log'))
    ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8').split('\n').slice(-15).join('\n')
    : '(no error log)';
  throw new Error(`the local MariaDB on port ${port} did not start; its log ends with:\n${log}`);
}

/**
 * Starts MariaDB in a new temporary directory on a free port and a unix socket, with an
 * ed25519 plugin loaded and LOCAL INFILE allowed, and removes everything on `stop()`, on
 * process exit, and (through a watchdog) after a crash of the process that started it.
 */
export async function startLocalMariadb(options: LocalMariadbOptions = {}): Promise<LocalMariadb> {
  const mariadbd = findExecutable('mariadbd', options.binDirs);
  const installDb = findExecutable('mariadb-install-db', options.binDirs);
  if (!mariadbd || !installDb) {
    throw new Error(
      'cannot start a local test database: mariadbd and mariadb-install-db were not found. ' +
        'Install MariaDB (Debian: apt-get install mariadb-server) or set SINGLESTOREDB_URL.',
    );
  }
  sweepStaleInstances();
  const dir = createInstanceDir();
  const dataDir = path.join(dir, 'data');
  const socketPath = path.join(dir, 'mysqld.sock');
  // A temp dir of its own: servers installed side by side collide on names in the shared /tmp.
  const tmpDir = path.join(dir, 'tmp');
  fs.mkdirSync(tmpDir);
  try {
    await run(installDb, [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--tmpdir=${tmpDir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      '--skip-name-resolve',
      ...(process.getuid?.() === 0 ? ['--user=root'] : []),
    ]);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`mariadb-install-db failed in ${dataDir}`, { cause: error });
  }
  const certificates =
    options.tls === false ? undefined : await createTlsCertificates(path.join(dir, 'tls'));
  const port = await findFreePort();
  const server = spawn(
    mariadbd,
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--tmpdir=${tmpDir}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--socket=${socketPath}`,
      `--pid-file=${path.join(dir, 'mysqld.pid')}`,
      `--log-error=${path.join(dir, 'error.log')}`,
      '--skip-name-resolve',
      '--plugin-load-add=auth_ed25519',
      '--local-infile=1',
      '--max-allowed-packet=1G',
      '--innodb-buffer-pool-size=128M',
      '--innodb-flush-log-at-trx-commit=0',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_general_ci',
      ...(certificates
        ? [
            `--ssl-ca=${certificates.caPath}`,
            `--ssl-cert=${certificates.serverCertPath}`,
            `--ssl-key=${certificates.serverKeyPath}`,
          ]
        : []),
      ...(process.getuid?.() === 0 ? ['--user=root'] : []),
    ],
    { stdio: 'ignore' },
  );
  const pid = server.pid;
  if (pid === undefined) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not spawn ${mariadbd}`);
  }
  writeOwner(dir, { ownerPid: process.pid, serverPid: pid });
  const stopWatchdog = startWatchdog(dir, pid);
  const onExit = () => {
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopped ??= (async () => {
      process.removeListener('exit', onExit);
      stopWatchdog();
      if (server.exitCode === null && server.signalCode === null) {
        const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
        server.kill('SIGTERM');
        const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    })();
    return stopped;
  };
  try {
    await waitForSocket(port, server, dir, options.startTimeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { dir, port, socketPath, pid, certificates, stop };
}
