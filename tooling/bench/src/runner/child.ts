import { NotAvailableError } from '../clients/client-adapter.js';
import { adapterById } from './client-registry.js';
import { JOB_VARIABLE, type Job, type JobOutcome, OUTCOME_MARKER } from './job.js';
import { measureBulk } from './measure-bulk.js';
import { measureReads, measureSelectOne } from './measure-reads.js';

/**
 * Measurements in a process of their own: a fresh heap for every client, its own peak RSS, and
 * its own S2_ACCEL, so wasm and TS decoding are both measured in one run.
 */
async function measure(job: Job): Promise<JobOutcome> {
  const adapter = adapterById(job.adapter);
  const connections = job.kind === 'select-one' ? job.connections : 1;
  const session = await adapter.open(job.target, connections);
  try {
    switch (job.kind) {
      case 'fetch':
      case 'stream':
        return {
          status: 'ok',
          ...(await measureReads(session, job.kind, job.sql, job.expectedRows, job.runs)),
        };
      case 'select-one':
        return {
          status: 'ok',
          ...(await measureSelectOne(session, job.connections, job.runMs, job.runs)),
        };
      case 'bulk':
        return {
          status: 'ok',
          ...(await measureBulk(
            session,
            job.method,
            job.target,
            job.table,
            job.rows,
            job.batchRows,
            job.runs,
          )),
        };
    }
  } finally {
    await session.close();
  }
}

/** One job's outcome; a failure stays with its job and the next one still runs. */
async function outcomeOf(job: Job): Promise<JobOutcome> {
  try {
    return await measure(job);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { status: error instanceof NotAvailableError ? 'not available' : 'failed', reason };
  }
}

async function main(): Promise<void> {
  const jobs = JSON.parse(process.env[JOB_VARIABLE] ?? 'null') as Job[] | null;
  if (!jobs)
    throw new Error(`${JOB_VARIABLE} is not set: this file is started by the bench runner`);
  for (const job of jobs) {
    const outcome = await outcomeOf(job);
    process.stdout.write(`\n${OUTCOME_MARKER}${JSON.stringify(outcome)}\n`);
  }
  // Some pools keep timers or sockets alive after end(); the outcomes are out, so leave now.
  process.stdout.write('', () => process.exit(0));
}

await main();
