import { NotAvailableError } from '../clients/client-adapter.js';
import { adapterById } from './client-registry.js';
import { JOB_VARIABLE, type Job, type JobOutcome, OUTCOME_MARKER } from './job.js';
import { measureBulk } from './measure-bulk.js';
import { measureReads, measureSelectOne } from './measure-reads.js';

/**
 * One measurement in a process of its own: a fresh heap for every client, its own peak RSS, and
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
          ...(await measureSelectOne(session, job.connections, job.queries, job.runs)),
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

async function main(): Promise<void> {
  const job = JSON.parse(process.env[JOB_VARIABLE] ?? 'null') as Job | null;
  if (!job) throw new Error(`${JOB_VARIABLE} is not set: this file is started by the bench runner`);
  let outcome: JobOutcome;
  try {
    outcome = await measure(job);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    outcome = { status: error instanceof NotAvailableError ? 'not available' : 'failed', reason };
  }
  process.stdout.write(`\n${OUTCOME_MARKER}${JSON.stringify(outcome)}\n`);
}

await main();
