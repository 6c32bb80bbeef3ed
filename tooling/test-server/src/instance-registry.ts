import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Every local server lives in its own directory under one root, with an `owner.json` that names
 * the process that started it. A run that crashed leaves both behind; the next start (and a
 * watchdog started with each server) removes them, so a crash never leaks a server for long.
 */
export const instancesRoot = path.join(os.tmpdir(), 's2-test-servers');

interface OwnerRecord {
  readonly ownerPid: number;
  readonly serverPid?: number;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(dir: string): OwnerRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'owner.json'), 'utf8')) as OwnerRecord;
  } catch {
    return undefined;
  }
}

/** Creates a fresh instance directory owned by this process. */
export function createInstanceDir(): string {
  fs.mkdirSync(instancesRoot, { recursive: true });
  const dir = fs.mkdtempSync(path.join(instancesRoot, `${process.pid}-`));
  writeOwner(dir, { ownerPid: process.pid });
  return dir;
}

/** Records the server's pid so a later sweep can stop it. */
export function writeOwner(dir: string, record: OwnerRecord): void {
  fs.writeFileSync(path.join(dir, 'owner.json'), JSON.stringify(record));
}

/** Stops servers and removes directories whose owning process has died. */
export function sweepStaleInstances(): string[] {
  let entries: string[];
  try {
    entries = fs.readdirSync(instancesRoot);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const entry of entries) {
    const dir = path.join(instancesRoot, entry);
    const owner = readOwner(dir);
    if (owner && isAlive(owner.ownerPid)) continue;
    if (!owner) {
      const age = Date.now() - fs.statSync(dir).mtimeMs;
      if (age < 60_000) continue;
    }
    if (owner?.serverPid && isAlive(owner.serverPid)) {
      try {
        process.kill(owner.serverPid, 'SIGKILL');
      } catch {
        // already gone between the check and the kill
      }
    }
    fs.rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

/**
 * Starts a detached shell that waits for the owner to exit, then kills the server and removes
 * its directory. It covers the case no exit handler can: the owner killed with SIGKILL.
 */
export function startWatchdog(dir: string, serverPid: number): () => void {
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null && kill -0 ${serverPid} 2>/dev/null; do sleep 0.5; done`,
    `kill -TERM ${serverPid} 2>/dev/null`,
    'for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 ' +
      serverPid +
      ' 2>/dev/null || break; sleep 0.3; done',
    `kill -KILL ${serverPid} 2>/dev/null`,
    `rm -rf '${dir.replaceAll("'", "'\\''")}'`,
  ].join('\n');
  const watchdog = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  return () => {
    if (watchdog.pid && isAlive(watchdog.pid)) watchdog.kill('SIGKILL');
  };
}

export { isAlive };
