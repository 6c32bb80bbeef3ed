import type { HandlerContext, HandlerResult } from './handler-types.js';
import { HttpProblem, notFound } from './http-problem.js';
import { newId } from './ids.js';

/** A route outside the public spec (inference APIs, egress), matched by method and pattern. */
export interface ExtraRoute {
  method: string;
  pattern: RegExp;
  readsJson: boolean;
  handle: (
    context: HandlerContext,
    match: RegExpMatchArray | string[],
  ) => HandlerResult | Promise<HandlerResult>;
}

const hostingPlatform = 'Nova';

function model(context: HandlerContext, name: string | undefined) {
  const found = context.tenant.models.get(decodeURIComponent(name ?? ''));
  if (!found) throw notFound('model', name ?? '');
  return found;
}

function egressBody(context: HandlerContext): { egressID?: string; scope?: string } {
  const body = context.body;
  if (typeof body !== 'object' || body === null)
    throw new HttpProblem(400, 'a JSON body is required');
  return body as { egressID?: string; scope?: string };
}

function exportOf(context: HandlerContext, group: string | undefined) {
  const id = egressBody(context).egressID;
  if (!id) throw new HttpProblem(400, 'egressID is required');
  const found = context.tenant.exports.get(id);
  if (!found || found.workspaceGroupID !== group) throw notFound('export', id);
  return found;
}

function group(context: HandlerContext, id: string | undefined): string {
  if (!context.tenant.workspaceGroups.has(id ?? '')) throw notFound('workspace group', id ?? '');
  return id ?? '';
}

const egress = (action: string) => new RegExp(`^/v1/workspaceGroups/([^/]+)/egress/${action}$`);

/** Routes the SDK calls that the public spec does not describe. */
export const extraRoutes: ExtraRoute[] = [
  {
    method: 'GET',
    pattern: /^\/v1\/inferenceapis\/([^/]+)\/([^/]+)$/,
    readsJson: false,
    handle: (context, match) => {
      const wanted = decodeURIComponent(match[2] ?? '');
      const found = [...context.tenant.models.values()].find(
        (candidate) => candidate.modelName === wanted || candidate.name === wanted,
      );
      if (!found) throw notFound('inference API', wanted);
      return {
        json: {
          serviceID: newId(),
          projectID: decodeURIComponent(match[1] ?? ''),
          modelName: found.modelName,
          name: found.name,
          connectionURL: `https://inference.fake-cloud.test/${found.name}`,
          internalConnectionURL: `http://inference.internal/${found.name}`,
          hostingPlatform,
        },
      };
    },
  },
  {
    method: 'GET',
    pattern: /^\/v1\/models$/,
    readsJson: false,
    handle: (context) => ({
      json: [...context.tenant.models.values()].map(({ name, status }) => ({
        name,
        status,
        hostingPlatform,
      })),
    }),
  },
  {
    method: 'POST',
    pattern: /^\/v1\/models\/([^/]+)\/start$/,
    readsJson: false,
    handle: (context, match) => {
      const found = model(context, match[1]);
      found.status = 'Initializing';
      return { json: { modelName: found.name, hostingPlatform } };
    },
  },
  {
    method: 'POST',
    pattern: /^\/v1\/models\/([^/]+)\/stop$/,
    readsJson: false,
    handle: (context, match) => {
      const found = model(context, match[1]);
      found.status = 'Suspended';
      return { json: { name: found.name, status: found.status, hostingPlatform } };
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/v1\/models\/([^/]+)$/,
    readsJson: false,
    handle: (context, match) => {
      const found = model(context, match[1]);
      context.tenant.models.delete(found.name);
      return { json: { name: found.name, hostingPlatform } };
    },
  },
  {
    method: 'POST',
    pattern: egress('createEgressClusterIdentity'),
    readsJson: true,
    handle: (context, match) => {
      const id = group(context, match[1]);
      const body = egressBody(context) as { catalogInfo?: unknown; storageInfo?: unknown };
      if (!body.catalogInfo || !body.storageInfo)
        throw new HttpProblem(400, 'catalogInfo and storageInfo are required');
      return { json: { identity: `arn:fake:iam::egress/${id}` } };
    },
  },
  {
    method: 'POST',
    pattern: egress('startTableEgress'),
    readsJson: true,
    handle: (context, match) => {
      const id = group(context, match[1]);
      const body = egressBody(context) as { databaseName?: string; tableName?: string };
      if (!body.databaseName || !body.tableName)
        throw new HttpProblem(400, 'databaseName and tableName are required');
      const egressID = newId();
      context.tenant.exports.set(egressID, {
        egressID,
        workspaceGroupID: id,
        tableName: body.tableName,
        status: 'Running',
      });
      return { json: { egressID } };
    },
  },
  {
    method: 'POST',
    pattern: egress('suspendTableEgress'),
    readsJson: true,
    handle: (context, match) => {
      exportOf(context, match[1]).status = 'Suspended';
      return { json: {} };
    },
  },
  {
    method: 'POST',
    pattern: egress('resumeTableEgress'),
    readsJson: true,
    handle: (context, match) => {
      exportOf(context, match[1]).status = 'Running';
      return { json: {} };
    },
  },
  {
    method: 'DELETE',
    pattern: egress('dropTableEgress'),
    readsJson: true,
    handle: (context, match) => {
      context.tenant.exports.delete(exportOf(context, match[1]).egressID);
      return { json: {} };
    },
  },
  {
    method: 'GET',
    pattern: egress('tableEgressStatus'),
    readsJson: true,
    handle: (context, match) => {
      const id = group(context, match[1]);
      if (egressBody(context).scope !== undefined) {
        return {
          json: [...context.tenant.exports.values()]
            .filter((entry) => entry.workspaceGroupID === id)
            .map((entry) => ({
              egressID: entry.egressID,
              status: entry.status,
              tableName: entry.tableName,
            })),
        };
      }
      const found = exportOf(context, id);
      return {
        json: {
          status: found.status,
          statusMsg: `export of ${found.tableName} is ${found.status.toLowerCase()}`,
        },
      };
    },
  },
];
