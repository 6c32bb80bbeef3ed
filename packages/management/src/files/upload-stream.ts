import { stat } from 'node:fs/promises';
import type { ApiClient } from '../client/api-client.js';
import { ManagementError } from '../management-error.js';
import {
  countBytes,
  type ProgressCallback,
  toByteStream,
  type UploadSource,
} from './byte-streams.js';
import type { FileInfo } from './file-info.js';
import { multipartBody } from './multipart-body.js';
import { baseName } from './remote-paths.js';

/** What the transfer helpers need from a Stage or file space. */
export interface TransferEndpoints {
  readonly label: string;
  readonly apiClient: ApiClient;
  apiPath(path: string, directory?: boolean): string;
  info(path: string, options?: { signal?: AbortSignal }): Promise<FileInfo>;
  exists(path: string, options?: { signal?: AbortSignal }): Promise<boolean>;
  isDir(path: string, options?: { signal?: AbortSignal }): Promise<boolean>;
  list(path?: string, options?: { recursive?: boolean; signal?: AbortSignal }): Promise<FileInfo[]>;
  mkdir(path: string, options?: { overwrite?: boolean; signal?: AbortSignal }): Promise<FileInfo>;
}

async function sourceSize(
  source: UploadSource,
  given: number | undefined,
): Promise<number | undefined> {
  if (given !== undefined) return given;
  if (source instanceof Uint8Array) return source.byteLength;
  if (typeof source !== 'string') return undefined;
  const stats = await stat(source);
  if (stats.isDirectory()) {
    throw new ManagementError(`${source} is a local directory: use uploadFolder`, {
      code: 'EISDIR',
    });
  }
  return stats.size;
}

/**
 * PUTs a source as the multipart `file` part, streamed chunk by chunk. Streamed bodies cannot be
 * replayed, so this request is never retried, and it has no timeout (large files take long).
 */
export async function uploadStream(
  location: TransferEndpoints,
  source: UploadSource,
  path: string,
  options: { onProgress?: ProgressCallback; size?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const total = await sourceSize(source, options.size);
  const content = countBytes(toByteStream(source), total, options.onProgress);
  const { body, contentType } = multipartBody(content, baseName(path));
  await location.apiClient.call('PUT', location.apiPath(path), {
    body,
    headers: { 'content-type': contentType },
    timeout: false,
    signal: options.signal,
  });
}
