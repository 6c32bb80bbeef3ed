import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type OperationName, operations } from '@s2/management/internal';
import type { z } from 'zod';
import { accessControlHandlers } from './access-control-handlers.js';
import { extraRoutes } from './extra-routes.js';
import { fileHandlers, storageTickets } from './file-handlers.js';
import { FileStore } from './file-store.js';
import { startGreetingServer } from './greeting-server.js';
import type { HandlerContext, HandlerResult, HandlerTable } from './handler-types.js';
import { HttpProblem } from './http-problem.js';
import { managementHandlers } from './management-handlers.js';
import { organizationHandlers } from './organization-handlers.js';
import { platformHandlers } from './platform-handlers.js';
import { matchRoutes } from './route-table.js';
import { storageHandlers } from './storage-handlers.js';
import { Tenant, type TenantSettings } from './tenant.js';
import { workspaceHandlers } from './workspace-handlers.js';

/** Options of startFakeCloud. */
export interface FakeCloudOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  host?: string;
  /** Where Stage and file contents live; a fresh temporary directory by default. */
  dataDirectory?: string;
  /** Default transition delay for new tenants, in milliseconds (default 2000). */
  transitionDelayMs?: number;
  /** Check every JSON answer against the spec's response schema (default true). */
  validateResponses?: boolean;
}

/** A running fake cloud. */
export interface FakeCloud {
  /** Base URL without version, e.g. `http://127.0.0.1:43123`. */
  url: string;
  port: number;
  /** The tenant of a token (created on first use). */
  tenant(token: string): Tenant;
  /** The spec operations served successfully so far, across tenants (for coverage reports). */
  operationsServed: ReadonlySet<OperationName>;
  close(): Promise<void>;
}

/** Every handler of the fake cloud, by spec operation name. */
export const handlers: HandlerTable = {
  ...workspaceHandlers,
  ...fileHandlers,
  ...organizationHandlers,
  ...managementHandlers,
  ...platformHandlers,
  ...accessControlHandlers,
  ...storageHandlers,
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxJsonBody = 1 << 20;

async function readJson(request: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxJsonBody) throw new HttpProblem(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'request body is not valid JSON');
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(body)'}: ${issue.message}`)
    .join('; ');
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  response.end(body);
}

function sendJson(
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(value));
}

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Starts a stateful local implementation of the Management API. Every bearer token is its own
 * organization (tenant); `/_fake/*` endpoints, called with the same token, inject faults, change
 * settings and list the requests seen.
 */
export async function startFakeCloud(options: FakeCloudOptions = {}): Promise<FakeCloud> {
  const ownsDirectory = options.dataDirectory === undefined;
  const dataDirectory =
    options.dataDirectory ?? (await mkdtemp(path.join(tmpdir(), 'fake-cloud-')));
  const files = new FileStore(dataDirectory);
  const defaults: TenantSettings = {
    transitionDelayMs: options.transitionDelayMs ?? 2000,
    wrapSecretLists: false,
    redirectDownloads: false,
    legacyStateNames: false,
    endpointsReachable: true,
    endpointAddress: '',
  };
  const host = options.host ?? '127.0.0.1';
  const greeting = await startGreetingServer(host);
  defaults.endpointAddress = `${host}:${greeting.port}`;
  const validateResponses = options.validateResponses ?? true;
  const tenants = new Map<string, Tenant>();
  const tenantOf = (token: string) => {
    let found = tenants.get(token);
    if (!found) {
      found = new Tenant(defaults);
      tenants.set(token, found);
    }
    return found;
  };
  let origin = '';
  const operationsServed = new Set<OperationName>();

  const control = async (
    tenant: Tenant,
    request: IncomingMessage,
    response: ServerResponse,
    pathname: string,
  ) => {
    const route = `${request.method} ${pathname}`;
    if (route === 'POST /_fake/faults') {
      tenant.faults.add((await readJson(request)) as Parameters<Tenant['faults']['add']>[0]);
      return sendJson(response, 200, { ok: true });
    }
    if (route === 'DELETE /_fake/faults') {
      tenant.faults.clear();
      return sendJson(response, 200, { ok: true });
    }
    if (route === 'PATCH /_fake/settings') {
      Object.assign(tenant.settings, (await readJson(request)) as Partial<TenantSettings>);
      return sendJson(response, 200, tenant.settings);
    }
    if (route === 'GET /_fake/requests') return sendJson(response, 200, tenant.requests);
    if (route === 'DELETE /_fake/requests') {
      tenant.requests.length = 0;
      return sendJson(response, 200, { ok: true });
    }
    throw new HttpProblem(404, `no control endpoint ${route}`);
  };

  const serveStorage = async (
    request: IncomingMessage,
    response: ServerResponse,
    ticket: string,
  ) => {
    if (request.headers.authorization) {
      throw new HttpProblem(400, 'storage URLs are pre-signed and refuse Authorization headers');
    }
    const entry = storageTickets.get(ticket);
    if (!entry) throw new HttpProblem(404, 'unknown storage ticket');
    storageTickets.delete(ticket);
    const { stream, size } = await entry.files.read(entry.area, entry.segments);
    response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(size),
    });
    await pipeline(stream, response);
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', origin);
    const method = request.method ?? 'GET';
    const pathname = url.pathname;
    if (pathname.startsWith('/_storage/'))
      return serveStorage(request, response, pathname.slice(10));
    const authorization = request.headers.authorization ?? '';
    const token = /^Bearer (.+)$/.exec(authorization)?.[1];
    if (!token) throw new HttpProblem(401, 'missing or malformed bearer token');
    const tenant = tenantOf(token);
    if (pathname.startsWith('/_fake/')) return control(tenant, request, response, pathname);

    const entry: Tenant['requests'][number] = {
      method,
      path: pathname,
      query: url.search,
      at: Date.now(),
    };
    tenant.requests.push(entry);
    response.on('finish', () => {
      entry.status = response.statusCode;
    });
    const fault = tenant.faults.take(method, pathname);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.status) {
      request.resume();
      return send(response, fault.status, fault.body ?? `injected fault ${fault.status}`, {
        ...(fault.retryAfter === undefined ? {} : { 'retry-after': String(fault.retryAfter) }),
      });
    }

    const extra = extraRoutes.find(
      (candidate) => candidate.method === method && candidate.pattern.test(pathname),
    );
    const matches = matchRoutes(pathname);
    const match = matches.find((candidate) => candidate.route.method === method);
    if (!match && !extra) {
      if (matches.length > 0) throw new HttpProblem(405, `${method} is not allowed on ${pathname}`);
      throw new HttpProblem(404, `no such endpoint ${pathname}`);
    }
    const context: HandlerContext = {
      tenant,
      params: {},
      query: url.searchParams,
      body: undefined,
      request,
      response,
      origin,
      files,
    };
    let result: HandlerResult;
    let responseSchema: z.ZodType | undefined;
    if (match) {
      const operation = operations[match.route.name];
      for (const [name, value] of Object.entries(match.params)) {
        const decoded = name === 'path' ? value : decodeURIComponent(value);
        const type = (operation.pathParams as Record<string, string>)[name];
        if (type?.includes('uuid') && !uuidPattern.test(decoded)) {
          throw new HttpProblem(400, `${name} is not a valid UUID: ${JSON.stringify(decoded)}`);
        }
        context.params[name] = decoded;
      }
      const query = operation.query.safeParse(Object.fromEntries(url.searchParams));
      if (!query.success)
        throw new HttpProblem(400, `Invalid query: ${describeIssues(query.error)}`);
      if (operation.bodyContentType === 'application/json') {
        const raw = await readJson(request);
        const schema = operation.body as z.ZodType | undefined;
        if (schema) {
          const parsed = schema.safeParse(raw ?? {});
          if (!parsed.success)
            throw new HttpProblem(400, `Invalid request body: ${describeIssues(parsed.error)}`);
          context.body = parsed.data;
        } else {
          context.body = raw;
        }
      }
      const handler = handlers[match.route.name];
      if (!handler)
        throw new HttpProblem(501, `${match.route.name} is not implemented by the fake cloud`);
      responseSchema = operation.response as z.ZodType | undefined;
      result = await handler(context);
      operationsServed.add(match.route.name);
    } else {
      context.body = extra?.readsJson ? await readJson(request) : undefined;
      result = await (extra as NonNullable<typeof extra>).handle(
        context,
        pathname.match(extra?.pattern as RegExp) ?? [],
      );
    }
    if (result === 'handled') return;
    const status = result.status ?? 200;
    if (result.text !== undefined) return send(response, status, result.text, result.headers);
    if (result.json === undefined) {
      response.writeHead(status, result.headers);
      response.end();
      return;
    }
    if (validateResponses && responseSchema && status === 200 && !result.offSpec) {
      const checked = responseSchema.safeParse(result.json);
      if (!checked.success) {
        throw new HttpProblem(
          500,
          `fake cloud produced an invalid response: ${describeIssues(checked.error)}`,
        );
      }
    }
    sendJson(response, status, result.json, result.headers);
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      request.resume();
      if (error instanceof HttpProblem) send(response, error.status, error.message, error.headers);
      else
        send(
          response,
          500,
          `internal error: ${error instanceof Error ? error.message : String(error)}`,
        );
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  origin = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    url: origin,
    port,
    tenant: tenantOf,
    operationsServed,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await greeting.close();
      if (ownsDirectory) await rm(dataDirectory, { recursive: true, force: true });
    },
  };
}
