import ky, { HTTPError, type KyInstance, TimeoutError } from 'ky';
import type { z } from 'zod';
import { ManagementError } from '../management-error.js';
import { type ClientSettings, organizationFor } from './client-settings.js';
import { maskSecrets } from './mask-secrets.js';
import { parseResponse } from './parse-response.js';
import { streamRequest } from './stream-request.js';

/** Query values; undefined entries are left out. */
export type QueryValues = Record<string, string | number | boolean | undefined>;

/** Options of one API request. */
export interface RequestOptions {
  query?: QueryValues;
  /** A JSON body. */
  json?: unknown;
  /** A raw body (multipart streams); such requests are never retried. */
  body?: BodyInit;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** Overrides the client timeout; `false` waits as long as it takes for the response headers. */
  timeout?: number | false;
  /** Sends the request under another API version than the client's, e.g. `v2`. */
  apiVersion?: string;
  /** `manual` returns a 3xx response instead of following it (storage redirects). */
  redirect?: 'follow' | 'manual';
}

const userAgent = 'SingleStoreDB-TypeScript/management';
const idempotentMethods = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const excerptLength = 500;

async function readExcerpt(response: Response): Promise<string> {
  try {
    const text = await response.text();
    return text.length > excerptLength ? `${text.slice(0, excerptLength)}…` : text;
  } catch {
    return '';
  }
}

function redactToken(text: string, token: string): string {
  return token === '' ? text : text.split(token).join('[redacted]');
}

/**
 * The HTTP layer of the Management API client: one ky instance with the bearer token, the
 * organization parameter, timeouts and retries, turning every failure into a ManagementError
 * whose message never contains the token.
 */
export class ApiClient {
  readonly #settings: ClientSettings;
  readonly #ky: KyInstance;

  constructor(settings: ClientSettings) {
    this.#settings = settings;
    this.#ky = ky.create({
      throwHttpErrors: true,
      ...(settings.fetch ? { fetch: settings.fetch } : {}),
      headers: { accept: 'application/json', 'user-agent': userAgent },
    });
  }

  /** The resolved settings (base URL, version, organization…). */
  get settings(): ClientSettings {
    return this.#settings;
  }

  /** Sends a request and returns the successful response, unread. */
  async send(method: string, path: string, options: RequestOptions = {}): Promise<Response> {
    const settings = this.#settings;
    const token = await settings.token();
    const searchParams: Record<string, string> = {};
    for (const [key, value] of Object.entries(options.query ?? {})) {
      if (value !== undefined) searchParams[key] = String(value);
    }
    const organization = organizationFor(settings);
    if (organization !== undefined && searchParams.organizationID === undefined) {
      searchParams.organizationID = organization;
    }
    const prefixUrl = `${settings.baseUrl}/${options.apiVersion ?? settings.version}/`;
    if (
      options.body instanceof ReadableStream ||
      (method === 'GET' && options.json !== undefined)
    ) {
      return this.#sendStream(method, path, prefixUrl, searchParams, token, options);
    }
    const retry = settings.retry;
    const idempotent = idempotentMethods.has(method);
    try {
      return await this.#ky(path, {
        method,
        prefixUrl,
        searchParams,
        headers: { ...options.headers, authorization: `Bearer ${token}` },
        json: options.json,
        body: options.body,
        signal: options.signal,
        redirect: options.redirect ?? 'follow',
        timeout: options.timeout ?? settings.timeout,
        retry:
          retry === false
            ? { limit: 0 }
            : {
                limit: retry.limit,
                methods: ['get', 'head', 'put', 'delete', 'options', 'post', 'patch'],
                statusCodes: [408, 429, 500, 502, 503, 504],
                afterStatusCodes: [429, 503],
                maxRetryAfter: retry.maxRetryAfter,
                backoffLimit: retry.backoffLimit,
                // A 429 means the call was refused before it ran, so even POST is safe to repeat.
                shouldRetry: ({ error }) =>
                  idempotent || (error instanceof HTTPError && error.response.status === 429)
                    ? undefined
                    : false,
              },
      });
    } catch (error) {
      if (
        options.redirect === 'manual' &&
        error instanceof HTTPError &&
        error.response.status >= 300 &&
        error.response.status < 400
      ) {
        return error.response;
      }
      throw await this.#translate(error, method, path, token, options.signal);
    }
  }

  /** Sends a request and returns its JSON body (undefined when empty), unvalidated. */
  async call(method: string, path: string, options: RequestOptions = {}): Promise<unknown> {
    const response = await this.send(method, path, options);
    const text = await response.text();
    if (text.trim() === '') return undefined;
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ManagementError(`${method} ${path} returned a body that is not JSON`, {
        code: 'INVALID_RESPONSE',
        status: response.status,
        method,
        path,
        bodyExcerpt: maskSecrets(text.slice(0, excerptLength)),
        cause: error,
      });
    }
  }

  /** Sends a request and validates its JSON body with a schema (camelCase keys, Dates). */
  async parse<Schema extends z.ZodType>(
    schema: Schema,
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<z.output<Schema>> {
    return parseResponse(schema, await this.call(method, path, options), `${method} ${path}`);
  }

  /**
   * Sends outside ky: a streamed body (ky clones every request to be able to retry it, and the
   * unread branch of that clone would buffer a whole upload), or a GET with a JSON body (the
   * egress calls), which fetch refuses. Neither is retried.
   */
  async #sendStream(
    method: string,
    path: string,
    prefixUrl: string,
    searchParams: Record<string, string>,
    token: string,
    options: RequestOptions,
  ): Promise<Response> {
    const query = new URLSearchParams(searchParams).toString();
    const url = `${prefixUrl}${path}${query === '' ? '' : `?${query}`}`;
    let response: Response;
    try {
      const json = options.json !== undefined;
      response = await streamRequest(url, {
        method,
        body: json ? JSON.stringify(options.json) : (options.body as ReadableStream<Uint8Array>),
        headers: {
          accept: 'application/json',
          'user-agent': userAgent,
          ...(json ? { 'content-type': 'application/json' } : {}),
          ...options.headers,
          authorization: `Bearer ${token}`,
        },
        signal: options.signal,
      });
    } catch (error) {
      throw await this.#translate(error, method, path, token, options.signal);
    }
    if (!response.ok) throw await this.#httpFailure(response, method, path, token);
    return response;
  }

  async #httpFailure(response: Response, method: string, path: string, token: string) {
    const { status, statusText } = response;
    const excerpt = redactToken(maskSecrets(await readExcerpt(response)), token);
    const summary = excerpt === '' ? statusText : excerpt;
    return new ManagementError(`${method} ${path} failed with ${status}: ${summary}`, {
      status,
      method,
      path,
      bodyExcerpt: excerpt,
    });
  }

  async #translate(
    error: unknown,
    method: string,
    path: string,
    token: string,
    signal: AbortSignal | undefined,
  ): Promise<unknown> {
    if (signal?.aborted) return signal.reason ?? error;
    if (error instanceof HTTPError) return this.#httpFailure(error.response, method, path, token);
    if (error instanceof TimeoutError) {
      return new ManagementError(`${method} ${path} timed out waiting for a response`, {
        code: 'TIMEOUT',
        method,
        path,
      });
    }
    const reason = error instanceof Error ? redactToken(error.message, token) : 'unknown error';
    return new ManagementError(`${method} ${path} failed: ${reason}`, {
      code: 'NETWORK',
      method,
      path,
      cause: error,
    });
  }
}
