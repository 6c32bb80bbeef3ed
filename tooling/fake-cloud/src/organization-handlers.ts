import type { JobCreateBody, SecretCreateBody, SecretUpdateBody } from '@s2/management/internal';
import type { HandlerContext, HandlerTable } from './handler-types.js';
import { notFound } from './http-problem.js';
import { newId, nowText } from './ids.js';
import type { JobRecord, Tenant } from './tenant.js';

function secret(context: HandlerContext) {
  const id = context.params.secretID ?? '';
  const found = context.tenant.secrets.get(id);
  if (!found) throw notFound('secret', id);
  return found;
}

/** Marks a Once job completed when its time has come (lazily, like workspace transitions). */
function settleJob(tenant: Tenant, record: JobRecord): JobRecord['wire'] {
  const wire = record.wire;
  if (
    wire.schedule.mode === 'Once' &&
    wire.completedExecutionsCount === 0 &&
    Date.now() >= record.completesAt
  ) {
    wire.completedExecutionsCount = 1;
    wire.jobMetadata = [
      { status: 'Completed', count: 1, avgDurationInSeconds: 1, maxDurationInSeconds: 1 },
    ];
    void tenant;
  }
  return wire;
}

function job(context: HandlerContext) {
  const id = context.params.jobID ?? '';
  const record = context.tenant.jobs.get(id);
  if (!record) throw notFound('job', id);
  settleJob(context.tenant, record);
  return record;
}

/** Secrets and notebook jobs. */
export const organizationHandlers: HandlerTable = {
  GetV1Secrets: (context) => {
    const name = context.query.get('name');
    const list = [...context.tenant.secrets.values()]
      .filter((candidate) => name === null || candidate.name === name)
      .map(({ value: _value, ...rest }) => rest);
    return context.tenant.settings.wrapSecretLists
      ? { json: { secrets: list }, offSpec: true }
      : { json: list };
  },
  PostV1Secrets: (context) => {
    const body = context.body as SecretCreateBody;
    const now = nowText();
    const created = {
      secretID: newId(),
      name: body.name,
      value: body.value,
      createdAt: now,
      createdBy: context.tenant.currentUser.userID,
      lastUpdatedAt: now,
      lastUpdatedBy: context.tenant.currentUser.userID,
    };
    context.tenant.secrets.set(created.secretID, created);
    return { json: created };
  },
  GetV1SecretsSecretID: (context) => ({ json: secret(context) }),
  PatchV1SecretsSecretID: (context) => {
    const found = secret(context);
    const body = context.body as SecretUpdateBody;
    if (body.value !== undefined) found.value = body.value;
    found.lastUpdatedAt = nowText();
    return { json: found };
  },
  DeleteV1SecretsSecretID: (context) => {
    const found = secret(context);
    context.tenant.secrets.delete(found.secretID);
    return { json: { secretID: found.secretID } };
  },

  PostV1Jobs: (context) => {
    const body = context.body as JobCreateBody;
    const id = newId();
    const now = nowText();
    const record: JobRecord = {
      completesAt: Date.now() + context.tenant.settings.transitionDelayMs,
      executionStarted: now,
      wire: {
        jobID: id,
        name: body.name ?? null,
        description: body.description ?? null,
        createdAt: now,
        enqueuedBy: context.tenant.currentUser.userID,
        completedExecutionsCount: 0,
        executionConfig: {
          createSnapshot: body.executionConfig.createSnapshot,
          notebookPath: body.executionConfig.notebookPath,
          maxAllowedExecutionDurationInMinutes: 60,
        },
        jobMetadata: [],
        schedule: {
          mode: body.schedule.mode,
          startAt: body.schedule.startAt ?? now,
          executionIntervalInMinutes: body.schedule.executionIntervalInMinutes ?? null,
        },
        targetConfig: body.targetConfig ?? null,
        terminatedAt: null,
      },
    };
    context.tenant.jobs.set(id, record);
    context.tenant.jobParameters.set(id, body.parameters ?? []);
    return { json: record.wire };
  },
  GetV1JobsRuntimes: () => ({
    json: [
      { name: 'notebooks-cpu-small', description: 'Small CPU runtime' },
      { name: 'notebooks-cpu-medium', description: 'Medium CPU runtime' },
    ],
  }),
  GetV1JobsJobID: (context) => ({ json: job(context).wire }),
  DeleteV1JobsJobID: (context) => {
    const record = job(context);
    record.wire.terminatedAt = nowText();
    return { json: true };
  },
  GetV1JobsJobIDExecutions: (context) => {
    const record = job(context);
    const executions =
      record.wire.completedExecutionsCount > 0
        ? [
            {
              executionID: newId(),
              jobID: record.wire.jobID,
              executionNumber: 1,
              status: 'Completed',
              scheduledStartTime: record.executionStarted,
              startedAt: record.executionStarted,
              finishedAt: new Date(record.completesAt).toISOString(),
              snapshotNotebookPath: null,
            },
          ]
        : [];
    const start = Number(context.query.get('start') ?? 1);
    const end = Number(context.query.get('end') ?? 1);
    return {
      json: {
        executions: executions.filter(
          (entry) => entry.executionNumber >= start && entry.executionNumber <= end,
        ),
        executionsMetadata: { startExecutionNumber: start, endExecutionNumber: end },
      },
    };
  },
  GetV1JobsJobIDParameters: (context) => ({
    json: context.tenant.jobParameters.get(job(context).wire.jobID) ?? [],
  }),
};
