import { spawn } from 'node:child_process';
import { childEntry } from './child-entry.js';
import { adapterById } from './client-registry.js';
import { JOB_VARIABLE, type Job, type JobOutcome, OUTCOME_MARKER } from './job.js';

/** The line of a crashed child's stderr that names the error, else its tail. */
function errorLine(stderr: string): string {
  const line = stderr.split('\n').find((candidate) => /^\w*Error\b/.test(candidate));
  return (line ?? stderr.trim().slice(-300)).slice(0, 300);
}

/**
 * Starts a child process for jobs of one client (they share its S2_ACCEL) and returns what it
 * reported for each, in order; jobs it never reported on (a crash, a timeout) are failed.
 */
export async function runChild(jobs: readonly Job[], timeoutMs: number): Promise<JobOutcome[]> {
  const first = jobs[0];
  if (!first) return [];
  const adapter = adapterById(first.adapter);
  const child = spawn(process.execPath, [await childEntry()], {
    env: { ...process.env, ...adapter.environment, [JOB_VARIABLE]: JSON.stringify(jobs) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const reported = stdout
        .split('\n')
        .filter((line) => line.startsWith(OUTCOME_MARKER))
        .map((line) => JSON.parse(line.slice(OUTCOME_MARKER.length)) as JobOutcome);
      const why = signal === 'SIGKILL' ? `timed out after ${timeoutMs / 1000} s` : `exit ${code}`;
      const lost: JobOutcome = {
        status: 'failed',
        reason: `child ${why}: ${errorLine(stderr)}`,
      };
      resolve(jobs.map((_, index) => reported[index] ?? lost));
    });
  });
}
