import type { ApiClient } from '../client/api-client.js';
import {
  type FileObjectMetadataData,
  FileObjectMetadataSchema,
} from '../generated/schemas.generated.js';
import { ManagementError } from '../management-error.js';
import type { ProgressCallback, UploadSource } from './byte-streams.js';
import { type FileInfo, toFileInfo } from './file-info.js';
import {
  type DownloadOptions,
  downloadFolder,
  downloadToFile,
  type FolderDownloadOptions,
  type FolderUploadOptions,
  uploadFolder,
} from './folder-transfer.js';
import { type OpenMode, openRemote } from './open-remote.js';
import { encodePath, endsWithSlash, normalisePath, pathSegments } from './remote-paths.js';
import { type TransferEndpoints, uploadStream } from './upload-stream.js';

/** Options of uploadFile. */
export interface UploadOptions {
  /** Replace an existing remote file (default false: EEXIST). */
  overwrite?: boolean;
  /** Called as bytes are sent. */
  onProgress?: ProgressCallback;
  /** The total size, for progress of stream sources (local files are measured). */
  size?: number;
  signal?: AbortSignal;
}

const fileError = (
  code: 'EEXIST' | 'ENOENT' | 'EISDIR' | 'ENOTDIR' | 'ENOTEMPTY' | 'NOT_SUPPORTED',
  message: string,
) => new ManagementError(message, { code });

/**
 * The interface Stage and the file spaces share: a file tree under one root of the Management
 * API, listed, read and written over HTTP with streamed transfers.
 */
export abstract class FileLocation implements TransferEndpoints {
  protected readonly client: ApiClient;
  /** The API path of the root, e.g. `stage/{id}/fs` or `files/fs/personal`. */
  protected readonly root: string;
  /** Whether directories can be created (Stage yes, file spaces no). */
  abstract readonly supportsFolders: boolean;
  /** A label for messages, e.g. `stage abc` or `personal space`. */
  abstract readonly label: string;

  protected constructor(client: ApiClient, root: string) {
    this.client = client;
    this.root = root;
  }

  /** The API path of a remote path (the root uses the spec's path-less endpoint). */
  apiPath(path: string, directory = false): string {
    const encoded = encodePath(path, directory);
    return encoded === '' ? this.root : `${this.root}/${encoded}`;
  }

  /** @internal */
  get apiClient(): ApiClient {
    return this.client;
  }

  /** Metadata of a file or directory; ENOENT-style 404 ManagementError when missing. */
  async info(path: string, options: { signal?: AbortSignal } = {}): Promise<FileInfo> {
    const apiPath = this.apiPath(path, endsWithSlash(path));
    const isRoot = apiPath === this.root;
    const data = await this.client.parse(FileObjectMetadataSchema, 'GET', apiPath, {
      query: isRoot ? {} : { metadata: true },
      signal: options.signal,
    });
    return toFileInfo(data);
  }

  async #infoOrUndefined(path: string, signal?: AbortSignal): Promise<FileInfo | undefined> {
    try {
      return await this.info(path, { signal });
    } catch (error) {
      if (ManagementError.isInstance(error) && error.status === 404) return undefined;
      throw error;
    }
  }

  /** Whether a file or directory exists (a 404 means no; other errors propagate). */
  async exists(path: string, options: { signal?: AbortSignal } = {}): Promise<boolean> {
    return (await this.#infoOrUndefined(path, options.signal)) !== undefined;
  }

  /** Whether the path is an existing directory. */
  async isDir(path: string, options: { signal?: AbortSignal } = {}): Promise<boolean> {
    return (await this.#infoOrUndefined(path, options.signal))?.isDir ?? false;
  }

  /** Whether the path is an existing file. */
  async isFile(path: string, options: { signal?: AbortSignal } = {}): Promise<boolean> {
    const info = await this.#infoOrUndefined(path, options.signal);
    return info !== undefined && !info.isDir;
  }

  async #listOnce(directory: string, known: boolean, signal?: AbortSignal): Promise<FileInfo[]> {
    const apiPath = this.apiPath(directory, true);
    if (!known && apiPath !== this.root) {
      const info = await this.#infoOrUndefined(directory, signal);
      if (!info) throw fileError('ENOENT', `${directory} does not exist in ${this.label}`);
      if (!info.isDir)
        throw fileError('ENOTDIR', `${directory} is not a directory in ${this.label}`);
    }
    const data = await this.client.parse(FileObjectMetadataSchema, 'GET', apiPath, { signal });
    if (!Array.isArray(data.content)) {
      throw fileError('ENOTDIR', `${directory} is not a directory in ${this.label}`);
    }
    // The listing schema already parsed each entry (recursively), so entries are parsed data.
    return data.content.map((item) => toFileInfo(item as FileObjectMetadataData));
  }

  /**
   * Entries of a directory (with `recursive`, of its whole subtree) as FileInfo objects whose
   * paths are full paths from the root.
   */
  async list(
    path = '/',
    options: { recursive?: boolean; signal?: AbortSignal } = {},
  ): Promise<FileInfo[]> {
    return this.#listTree(path, false, options);
  }

  async #listTree(
    path: string,
    known: boolean,
    options: { recursive?: boolean; signal?: AbortSignal },
  ): Promise<FileInfo[]> {
    const entries = await this.#listOnce(path, known, options.signal);
    if (!options.recursive) return entries;
    const all: FileInfo[] = [];
    for (const entry of entries) {
      all.push(entry);
      if (entry.isDir) all.push(...(await this.#listTree(entry.path, true, options)));
    }
    return all;
  }

  /**
   * Names in a directory, relative to it (directories end with `/`); with `recursive`, every
   * path below it, e.g. `nest/` and `nest/file.sql`.
   */
  async listdir(
    path = '/',
    options: { recursive?: boolean; signal?: AbortSignal } = {},
  ): Promise<string[]> {
    const prefix = normalisePath(path, true);
    const entries = await this.list(path, options);
    return entries.map((entry) =>
      entry.path.startsWith(prefix) ? entry.path.slice(prefix.length) : entry.path,
    );
  }

  /**
   * Creates a directory (its parent must exist). An existing directory is returned as is, or
   * with `overwrite` removed recursively and recreated empty. File spaces cannot hold
   * directories: NOT_SUPPORTED.
   */
  async mkdir(
    path: string,
    options: { overwrite?: boolean; signal?: AbortSignal } = {},
  ): Promise<FileInfo> {
    if (!this.supportsFolders) {
      throw fileError('NOT_SUPPORTED', `Directories cannot be created in ${this.label}`);
    }
    const existing = await this.#infoOrUndefined(normalisePath(path, true), options.signal);
    if (existing) {
      if (!existing.isDir)
        throw fileError('EEXIST', `${path} exists and is a file in ${this.label}`);
      if (!options.overwrite) return existing;
      await this.removedirs(path, options);
    }
    await this.client.call('PUT', this.apiPath(path, true), {
      query: { isFile: 'false' },
      signal: options.signal,
    });
    return this.info(normalisePath(path, true), options);
  }

  /** Moves a file or directory; an existing target is replaced only with `overwrite`. */
  async rename(
    oldPath: string,
    newPath: string,
    options: { overwrite?: boolean; signal?: AbortSignal } = {},
  ): Promise<FileInfo> {
    const source = await this.#infoOrUndefined(oldPath, options.signal);
    if (!source) throw fileError('ENOENT', `${oldPath} does not exist in ${this.label}`);
    if (!this.supportsFolders && (source.isDir || endsWithSlash(newPath))) {
      throw fileError('NOT_SUPPORTED', `Directories cannot be renamed in ${this.label}`);
    }
    const target = await this.#infoOrUndefined(newPath, options.signal);
    if (target) {
      if (!options.overwrite)
        throw fileError('EEXIST', `${newPath} already exists in ${this.label}`);
      if (target.isDir !== source.isDir) {
        throw fileError(
          target.isDir ? 'EISDIR' : 'ENOTDIR',
          `Cannot replace ${newPath} with ${oldPath}: one is a directory`,
        );
      }
      if (target.isDir) await this.removedirs(newPath, options);
      else await this.remove(newPath, options);
    }
    const newNormalised = normalisePath(newPath, source.isDir);
    await this.client.call('PATCH', this.apiPath(oldPath, source.isDir), {
      json: { newPath: newNormalised },
      signal: options.signal,
    });
    return this.info(newNormalised, options);
  }

  /** Deletes a file; EISDIR for a directory. */
  async remove(path: string, options: { signal?: AbortSignal } = {}): Promise<void> {
    if (await this.isDir(path, options)) {
      throw fileError('EISDIR', `${path} is a directory in ${this.label}: use rmdir or removedirs`);
    }
    await this.client.call('DELETE', this.apiPath(path), { signal: options.signal });
  }

  /** Deletes a directory and everything below it. */
  async removedirs(path: string, options: { signal?: AbortSignal } = {}): Promise<void> {
    if (pathSegments(path).length === 0) {
      throw fileError('NOT_SUPPORTED', `Refusing to delete the root of ${this.label}`);
    }
    await this.client.call('DELETE', this.apiPath(path, true), { signal: options.signal });
  }

  /** Deletes an empty directory; ENOTEMPTY otherwise. */
  async rmdir(path: string, options: { signal?: AbortSignal } = {}): Promise<void> {
    if ((await this.listdir(path, options)).length > 0) {
      throw fileError('ENOTEMPTY', `${path} is not empty in ${this.label}`);
    }
    await this.removedirs(path, options);
  }

  /**
   * Uploads a local file, stream or bytes to a remote file, streamed (never buffered whole).
   * An existing remote file is replaced only with `overwrite`.
   */
  async uploadFile(
    source: UploadSource,
    path: string,
    options: UploadOptions = {},
  ): Promise<FileInfo> {
    const existing = await this.#infoOrUndefined(path, options.signal);
    if (existing?.isDir) throw fileError('EISDIR', `${path} is a directory in ${this.label}`);
    if (existing && !options.overwrite) {
      throw fileError('EEXIST', `${path} already exists in ${this.label}; pass overwrite: true`);
    }
    await uploadStream(this, source, path, options);
    return this.info(path, options);
  }

  /** Uploads every file below a local directory (see FolderUploadOptions). */
  async uploadFolder(
    localDirectory: string,
    path: string,
    options: FolderUploadOptions = {},
  ): Promise<FileInfo[]> {
    return uploadFolder(this, localDirectory, path, options);
  }

  /** Streams a remote file's bytes (the request is made now, so a missing file fails here). */
  async downloadStream(
    path: string,
    options: { signal?: AbortSignal } = {},
  ): Promise<ReadableStream<Uint8Array>> {
    return this.open(path, 'rb', options);
  }

  /** Downloads a remote file into a local file, streamed; refuses an existing local file unless `overwrite`. */
  async downloadFile(
    path: string,
    localPath: string,
    options: DownloadOptions = {},
  ): Promise<void> {
    await downloadToFile(this, path, localPath, options);
  }

  /** Reads a whole remote file into memory; meant for small files. */
  async readFile(path: string, options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    const stream = await this.downloadStream(path, options);
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  /** Downloads a remote directory tree into a local directory. */
  async downloadFolder(
    path: string,
    localDirectory: string,
    options: FolderDownloadOptions = {},
  ): Promise<string[]> {
    return downloadFolder(this, path, localDirectory, options);
  }

  /**
   * Opens a remote file as a stream: `r`/`rt` text and `rb` bytes to read (streamed lazily),
   * `w`/`wt`/`wb` to write (the upload streams as you write and replaces the file on close),
   * `x`/`xt`/`xb` like `w` but EEXIST when the file exists. Other modes throw a TypeError.
   */
  open(
    path: string,
    mode: 'rb',
    options?: { signal?: AbortSignal },
  ): Promise<ReadableStream<Uint8Array>>;
  open(
    path: string,
    mode?: 'r' | 'rt',
    options?: { signal?: AbortSignal },
  ): Promise<ReadableStream<string>>;
  open(
    path: string,
    mode: 'wb' | 'xb',
    options?: { signal?: AbortSignal },
  ): Promise<WritableStream<Uint8Array>>;
  open(
    path: string,
    mode: 'w' | 'wt' | 'x' | 'xt',
    options?: { signal?: AbortSignal },
  ): Promise<WritableStream<string>>;
  open(
    path: string,
    mode: OpenMode = 'r',
    options: { signal?: AbortSignal } = {},
  ): Promise<
    | ReadableStream<Uint8Array>
    | ReadableStream<string>
    | WritableStream<Uint8Array>
    | WritableStream<string>
  > {
    return openRemote(this, path, mode, options);
  }
}
