import { spawn } from 'node:child_process';
import path from 'node:path';
import { adapterById } from './client-registry.js';
import { JOB_VARIABLE, type Job, type JobOutcome, OUTCOME_MARKER } from './job.js';

const CHILD_ENTRY = path.join(import.meta.dirname, 'child.ts');

/** Starts a child process for one job and returns what it reported. */
export function runChild(job: Job, timeoutMs: number): Promise<JobOutcome> {
  const adapter = adapterById(job.adapter);
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', CHILD_ENTRY], {
    env: { ...process.env, ...adapter.environment, [JOB_VARIABLE]: JSON.stringify(job) },
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
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(OUTCOME_MARKER));
      if (line) {
        resolve(JSON.parse(line.slice(OUTCOME_MARKER.length)) as JobOutcome);
        return;
      }
      const why = signal === 'SIGKILL' ? `timed out after ${timeoutMs / 1000} s` : `exit ${code}`;
      resolve({ status: 'failed', reason: `child ${why}: ${stderr.trim().slice(-300)}` });
    });
  });
}
