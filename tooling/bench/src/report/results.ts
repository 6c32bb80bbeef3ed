import type { Direction, Summary } from './stats.js';
import type { TargetCheck } from './targets.js';

/** One client's outcome in one workload. */
export interface ClientResult {
  /** Adapter id, with the bulk method appended for bulk loads (`mysql2-rows-as-array:insert`). */
  readonly client: string;
  readonly label: string;
  readonly status: 'ok' | 'not available' | 'failed';
  /** Why the client is not available or failed. */
  readonly reason?: string;
  /** The workload's measure over the runs. */
  readonly value?: Summary;
  /** Times better than the workload's baseline on the median (above 1 is better). */
  readonly ratio?: number;
  /** Secondary measures: rows per second, peak RSS, latency. */
  readonly extras?: Readonly<Record<string, Summary>>;
}

/** One workload across all clients. */
export interface WorkloadResult {
  readonly id: string;
  readonly title: string;
  /** What the workload runs and against which server (replay or real). */
  readonly description: string;
  readonly unit: string;
  readonly direction: Direction;
  /** The client id every ratio is taken against. */
  readonly baseline: string;
  readonly results: readonly ClientResult[];
}

/** What the machine was, so figures are read with their context. */
export interface MachineDescription {
  readonly cpuModel: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  readonly loadAverageAtStart: readonly number[];
}

/** The whole JSON file. */
export interface BenchReport {
  readonly generatedAt: string;
  readonly command: string;
  readonly quick: boolean;
  readonly runsPerMeasurement: number;
  readonly machine: MachineDescription;
  readonly server: {
    readonly flavour: string;
    readonly version: string;
    readonly source: string;
    /** How the vector column is stored on this server. */
    readonly vectorColumn: string;
  };
  readonly durationSeconds: number;
  readonly workloads: readonly WorkloadResult[];
  /** The targets read off the workloads (derived; `pnpm report` re-derives them). */
  readonly targets?: readonly TargetCheck[];
}
