import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperationName } from '@s2/management/internal';
import type { FileStore } from './file-store.js';
import type { Tenant } from './tenant.js';

/** What a handler gets: the tenant, decoded path parameters, query, validated JSON body. */
export interface HandlerContext {
  tenant: Tenant;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  request: IncomingMessage;
  response: ServerResponse;
  origin: string;
  files: FileStore;
}

/** A JSON (or text) answer, or `handled` when the handler wrote the response itself. */
export type HandlerResult =
  | {
      status?: number;
      json?: unknown;
      text?: string;
      headers?: Record<string, string>;
      /** Set when the answer deliberately deviates from the spec (e.g. the live secrets wrapper). */
      offSpec?: boolean;
    }
  | 'handled';

/** Serves one operation. */
export type Handler = (context: HandlerContext) => HandlerResult | Promise<HandlerResult>;

/** Handlers keyed by the spec's operation names. */
export type HandlerTable = Partial<Record<OperationName, Handler>>;
