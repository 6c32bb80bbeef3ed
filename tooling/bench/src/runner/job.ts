import type { ServerTarget } from '../clients/client-adapter.js';

/** What one child process measures; sent as JSON in the environment. */
export type Job =
  | {
      readonly kind: 'fetch' | 'stream';
      readonly adapter: string;
      readonly target: ServerTarget;
      readonly sql: string;
      readonly expectedRows: number;
      readonly runs: number;
    }
  | {
      readonly kind: 'select-one';
      readonly adapter: string;
      readonly target: ServerTarget;
      readonly connections: number;
      /** Milliseconds each run keeps queries going. */
      readonly runMs: number;
      readonly runs: number;
    }
  | {
      readonly kind: 'bulk';
      readonly adapter: string;
      readonly method: 'insert' | 'load-data';
      readonly target: ServerTarget;
      readonly table: string;
      readonly rows: number;
      readonly batchRows: number;
      readonly runs: number;
    };

/** What the child reports back: samples of the job's measure, and secondary measures per run. */
export type JobOutcome =
  | {
      readonly status: 'ok';
      readonly samples: number[];
      readonly extras: Record<string, number[]>;
    }
  | { readonly status: 'not available' | 'failed'; readonly reason: string };

export const JOB_VARIABLE = 'S2_BENCH_JOB';
/** Marks the child's result line, so whatever a client library prints cannot be mistaken for it. */
export const OUTCOME_MARKER = 'S2_BENCH_OUTCOME ';
