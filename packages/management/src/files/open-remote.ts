import { ManagementError } from '../management-error.js';
import type { ProgressCallback } from './byte-streams.js';
import { countBytes } from './byte-streams.js';
import { type TransferEndpoints, uploadStream } from './upload-stream.js';

/** Modes of `open()`: read, write or exclusive-create, as text (`t`, default) or bytes (`b`). */
export type OpenMode = 'r' | 'rt' | 'rb' | 'w' | 'wt' | 'wb' | 'x' | 'xt' | 'xb';

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * GETs a remote file's bytes. A redirect to storage is followed by hand without the
 * Authorization header, and only to https (or to http when the API itself is plain http, as
 * with a local fake).
 */
export async function fetchFileBody(
  location: TransferEndpoints,
  path: string,
  options: { signal?: AbortSignal | undefined; onProgress?: ProgressCallback } = {},
): Promise<ReadableStream<Uint8Array>> {
  const client = location.apiClient;
  const apiPath = location.apiPath(path);
  let response = await client.send('GET', apiPath, {
    signal: options.signal,
    redirect: 'manual',
    headers: { accept: '*/*' },
  });
  if (redirectStatuses.has(response.status)) {
    const target = new URL(response.headers.get('location') ?? '', response.url);
    const plainAllowed = client.settings.baseUrl.startsWith('http://');
    if (target.protocol !== 'https:' && !(plainAllowed && target.protocol === 'http:')) {
      throw new ManagementError(
        `GET ${apiPath} redirected to a non-https URL; refusing to follow`,
        {
          code: 'NETWORK',
          method: 'GET',
          path: apiPath,
        },
      );
    }
    await response.body?.cancel();
    response = await (client.settings.fetch ?? fetch)(target, { signal: options.signal ?? null });
    if (!response.ok) {
      throw new ManagementError(`GET ${apiPath} failed at storage with ${response.status}`, {
        status: response.status,
        method: 'GET',
        path: apiPath,
      });
    }
  }
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  const body =
    response.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
  return countBytes(body, Number.isFinite(length) ? length : undefined, options.onProgress);
}

function writableUpload(
  location: TransferEndpoints,
  path: string,
  signal: AbortSignal | undefined,
): WritableStream<Uint8Array> {
  const pipe = new TransformStream<Uint8Array, Uint8Array>();
  const controller = new AbortController();
  const combined = signal ? AbortSignal.any([signal, controller.signal]) : controller.signal;
  const upload = uploadStream(location, pipe.readable, path, { signal: combined });
  // The outcome is reported by close(); without this an early failure would be unhandled.
  upload.catch(() => undefined);
  const writer = pipe.writable.getWriter();
  return new WritableStream<Uint8Array>({
    async write(chunk) {
      await Promise.race([writer.write(chunk), upload.then(() => undefined)]);
    },
    async close() {
      await writer.close();
      await upload;
    },
    async abort(reason) {
      controller.abort(reason);
      await writer.abort(reason).catch(() => undefined);
    },
  });
}

/** Implements `open()` for Stage and file spaces. */
export async function openRemote(
  location: TransferEndpoints,
  path: string,
  mode: OpenMode,
  options: { signal?: AbortSignal | undefined },
): Promise<
  | ReadableStream<Uint8Array>
  | ReadableStream<string>
  | WritableStream<Uint8Array>
  | WritableStream<string>
> {
  if (!/^[rwx][tb]?$/.test(mode)) {
    throw new TypeError(
      `Unsupported open mode ${JSON.stringify(mode)}: use r, w or x with an optional t or b`,
    );
  }
  const binary = mode.endsWith('b');
  if (mode.startsWith('r')) {
    if (await location.isDir(path, options)) {
      throw new ManagementError(`${path} is a directory in ${location.label}`, { code: 'EISDIR' });
    }
    const body = await fetchFileBody(location, path, options);
    return binary
      ? body
      : body.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>);
  }
  if (mode.startsWith('x') && (await location.exists(path, options))) {
    throw new ManagementError(`${path} already exists in ${location.label}`, { code: 'EEXIST' });
  }
  if (await location.isDir(path, options)) {
    throw new ManagementError(`${path} is a directory in ${location.label}`, { code: 'EISDIR' });
  }
  const bytes = writableUpload(location, path, options.signal);
  if (binary) return bytes;
  const encoder = new TextEncoderStream();
  const piped = encoder.readable.pipeTo(bytes);
  piped.catch(() => undefined);
  const writer = encoder.writable.getWriter();
  return new WritableStream<string>({
    write: (chunk) => writer.write(chunk),
    async close() {
      await writer.close();
      await piped;
    },
    async abort(reason) {
      await writer.abort(reason).catch(() => undefined);
    },
  });
}
