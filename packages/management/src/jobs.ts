import type { ApiClient } from './client/api-client.js';
import {
  ExecutionsResultSchema,
  type JobData,
  JobParameterSchema,
  type JobParameterType,
  type JobScheduleMode,
  JobScheduleModeValues,
  JobSchema,
  type JobTargetConfigTargetType,
  RuntimesResultSchema,
} from './generated/schemas.generated.js';
import { ManagementError } from './management-error.js';
import { modelOf } from './model-base.js';
import { compact, isoText, segment } from './request-helpers.js';
import { sleep, type WaitOptions } from './wait-for.js';

/** Where a job runs. */
export interface JobTarget {
  targetId: string;
  targetType: JobTargetConfigTargetType;
  databaseName?: string;
  resumeTarget?: boolean;
}

/** Options of JobsManager.schedule. */
export interface ScheduleJobOptions {
  notebookPath: string;
  mode: JobScheduleMode;
  createSnapshot: boolean;
  name?: string;
  description?: string;
  executionIntervalInMinutes?: number;
  startAt?: Date | string;
  runtimeName?: string;
  /** Notebook parameters; the API type is chosen from the JS type. */
  parameters?: Record<string, string | number | boolean>;
  /** The target; default from SINGLESTOREDB_DEFAULT_DATABASE and the workspace env vars. */
  target?: JobTarget;
  signal?: AbortSignal;
}

function parameterType(value: string | number | boolean): JobParameterType {
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'float';
  return 'string';
}

function targetFromEnvironment(
  resumeTarget: boolean | undefined,
): Record<string, unknown> | undefined {
  const databaseName = process.env.SINGLESTOREDB_DEFAULT_DATABASE;
  if (!databaseName) return undefined;
  const candidates: [string, JobTargetConfigTargetType][] = [
    ['SINGLESTOREDB_VIRTUAL_WORKSPACE', 'VirtualWorkspace'],
    ['SINGLESTOREDB_WORKSPACE', 'Workspace'],
    ['SINGLESTOREDB_CLUSTER', 'Cluster'],
  ];
  for (const [variable, targetType] of candidates) {
    const targetID = process.env[variable];
    if (targetID)
      return { databaseName, targetID, targetType, resumeTarget: resumeTarget ?? false };
  }
  return undefined;
}

/** A scheduled notebook job. */
export class Job extends modelOf<JobData>() {
  /** The job ID. */
  get id(): string {
    return this.jobId;
  }

  /** Reloads the fields. */
  async refresh(signal?: AbortSignal): Promise<this> {
    this.assign(
      await this.client.parse(JobSchema, 'GET', `jobs/${segment(this.jobId)}`, { signal }),
    );
    return this;
  }

  /** Waits for this job (see JobsManager.wait). */
  async wait(options: WaitOptions = {}): Promise<boolean> {
    return new JobsManager(this.client).wait([this], options);
  }

  /** GET jobs/{id}/executions between execution numbers. */
  async getExecutions(start: number, end: number, signal?: AbortSignal) {
    return new JobsManager(this.client).getExecutions(this.jobId, start, end, signal);
  }

  /** GET jobs/{id}/parameters. */
  async getParameters(signal?: AbortSignal) {
    return new JobsManager(this.client).getParameters(this.jobId, signal);
  }

  /** DELETE jobs/{id}; true when deleted. */
  async delete(signal?: AbortSignal): Promise<boolean> {
    return new JobsManager(this.client).delete(this.jobId, signal);
  }
}

/** Notebook jobs of the organization. */
export class JobsManager {
  readonly #client: ApiClient;

  constructor(client: ApiClient) {
    this.#client = client;
  }

  /** POST jobs. */
  async schedule(options: ScheduleJobOptions): Promise<Job> {
    const target = options.target
      ? compact({
          targetID: options.target.targetId,
          targetType: options.target.targetType,
          databaseName: options.target.databaseName,
          resumeTarget: options.target.resumeTarget ?? false,
        })
      : targetFromEnvironment(undefined);
    const json = compact({
      name: options.name,
      description: options.description,
      executionConfig: compact({
        createSnapshot: options.createSnapshot,
        notebookPath: options.notebookPath,
        runtimeName: options.runtimeName,
      }),
      schedule: compact({
        mode: options.mode,
        startAt: isoText(options.startAt),
        executionIntervalInMinutes: options.executionIntervalInMinutes,
      }),
      parameters:
        options.parameters &&
        Object.entries(options.parameters).map(([name, value]) => ({
          name,
          value: String(value),
          type: parameterType(value),
        })),
      targetConfig: target,
    });
    return new Job(
      this.#client,
      await this.#client.parse(JobSchema, 'POST', 'jobs', { json, signal: options.signal }),
    );
  }

  /** Runs a notebook once, now (startAt is the current instant in real UTC). */
  async run(
    notebookPath: string,
    options: {
      runtimeName?: string;
      parameters?: Record<string, string | number | boolean>;
      signal?: AbortSignal;
    } = {},
  ): Promise<Job> {
    return this.schedule({
      ...options,
      notebookPath,
      mode: 'Once',
      createSnapshot: false,
      startAt: new Date(),
    });
  }

  /**
   * Polls the jobs (every 5 s by default) until each has a completed execution: true then, false
   * when the timeout passes first. Recurring jobs never finish, so they are refused.
   */
  async wait(jobs: (Job | string)[], options: WaitOptions = {}): Promise<boolean> {
    const interval = options.waitInterval ?? 5_000;
    const deadline =
      options.waitTimeout === undefined
        ? Number.POSITIVE_INFINITY
        : Date.now() + options.waitTimeout;
    for (const entry of jobs) {
      const id = typeof entry === 'string' ? entry : entry.jobId;
      for (;;) {
        const job = await this.get(id, options.signal);
        if (job.schedule.mode === 'Recurring') {
          throw new ManagementError(`Cannot wait for recurring job ${id}: it never completes`, {
            code: 'INVALID_ARGUMENT',
          });
        }
        if (job.completedExecutionsCount > 0) break;
        const remaining = deadline - Date.now();
        if (remaining <= 0) return false;
        await sleep(Math.min(interval, remaining), options.signal);
      }
    }
    return true;
  }

  /** GET jobs/{id}. */
  async get(id: string, signal?: AbortSignal): Promise<Job> {
    return new Job(
      this.#client,
      await this.#client.parse(JobSchema, 'GET', `jobs/${segment(id)}`, { signal }),
    );
  }

  /** GET jobs/{id}/executions?start=&end= (execution numbers). */
  async getExecutions(id: string, start: number, end: number, signal?: AbortSignal) {
    return this.#client.parse(ExecutionsResultSchema, 'GET', `jobs/${segment(id)}/executions`, {
      query: { start, end },
      signal,
    });
  }

  /** GET jobs/{id}/parameters. */
  async getParameters(id: string, signal?: AbortSignal) {
    return this.#client.parse(JobParameterSchema.array(), 'GET', `jobs/${segment(id)}/parameters`, {
      signal,
    });
  }

  /** DELETE jobs/{id}; the API answers a JSON boolean. */
  async delete(id: string, signal?: AbortSignal): Promise<boolean> {
    return (await this.#client.call('DELETE', `jobs/${segment(id)}`, { signal })) === true;
  }

  /** The schedule modes (`Once`, `Recurring`). */
  modes(): readonly JobScheduleMode[] {
    return JobScheduleModeValues;
  }

  /** GET jobs/runtimes. */
  async runtimes(signal?: AbortSignal) {
    return this.#client.parse(RuntimesResultSchema.array(), 'GET', 'jobs/runtimes', { signal });
  }
}
