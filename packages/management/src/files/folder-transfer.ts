import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ManagementError } from '../management-error.js';
import { type ProgressCallback, toNodeReadable } from './byte-streams.js';
import type { FileInfo } from './file-info.js';
import { matchesAny } from './glob-pattern.js';
import { fetchFileBody } from './open-remote.js';
import { normalisePath } from './remote-paths.js';
import { type TransferEndpoints, uploadStream } from './upload-stream.js';

/** Options of downloadFile. */
export interface DownloadOptions {
  /** Replace an existing local file (default false: EEXIST). */
  overwrite?: boolean;
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
}

/** Options of uploadFolder. */
export interface FolderUploadOptions {
  /** Replace existing remote files (default false: EEXIST on the first clash). */
  overwrite?: boolean;
  /** Put the local directory's own name under `path` (default false). */
  includeRoot?: boolean;
  /** Descend into subdirectories (default true). */
  recursive?: boolean;
  /** Globs of relative paths to skip, e.g. `*.log` or `node_modules/**`. */
  ignore?: string | string[];
  /** Called per file with its relative path, bytes sent and its size. */
  onProgress?: (file: string, transferred: number, total: number | undefined) => void;
  signal?: AbortSignal;
}

/** Options of downloadFolder. */
export interface FolderDownloadOptions {
  /** Replace existing local files (default false: EEXIST on the first clash). */
  overwrite?: boolean;
  signal?: AbortSignal;
}

async function localExists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/**
 * Streams a remote file into a local file through a temporary sibling, renamed into place when
 * complete, so a failed download never leaves a truncated file under the real name.
 */
export async function downloadToFile(
  location: TransferEndpoints,
  remotePath: string,
  localPath: string,
  options: DownloadOptions = {},
): Promise<void> {
  if (!options.overwrite && (await localExists(localPath))) {
    throw new ManagementError(`Local file ${localPath} already exists; pass overwrite: true`, {
      code: 'EEXIST',
    });
  }
  if (await location.isDir(remotePath, options)) {
    throw new ManagementError(
      `${remotePath} is a directory in ${location.label}: use downloadFolder`,
      {
        code: 'EISDIR',
      },
    );
  }
  const body = await fetchFileBody(location, remotePath, options);
  const temporary = `${localPath}.${process.pid}.part`;
  try {
    await pipeline(toNodeReadable(body), createWriteStream(temporary), { signal: options.signal });
    await rename(temporary, localPath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function walk(directory: string, recursive: boolean, prefix = ''): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  entries.sort((left, right) => (left.name < right.name ? -1 : left.name > right.name ? 1 : 0));
  const files: string[] = [];
  for (const entry of entries) {
    const relative = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) {
      if (recursive)
        files.push(...(await walk(path.join(directory, entry.name), recursive, relative)));
    } else if (entry.isFile()) {
      files.push(relative);
    }
  }
  return files;
}

/**
 * Uploads each local file to `path` + (root name with includeRoot) + its relative POSIX path,
 * skipping ignored ones. On Stage, missing parent directories are created first; file spaces
 * hold no directories, so their files are uploaded under the nested names directly.
 */
export async function uploadFolder(
  location: TransferEndpoints & { readonly supportsFolders: boolean },
  localDirectory: string,
  remotePath: string,
  options: FolderUploadOptions = {},
): Promise<FileInfo[]> {
  const stats = await stat(localDirectory);
  if (!stats.isDirectory()) {
    throw new ManagementError(`${localDirectory} is not a local directory`, { code: 'ENOTDIR' });
  }
  const ignore = typeof options.ignore === 'string' ? [options.ignore] : (options.ignore ?? []);
  const base = normalisePath(
    options.includeRoot
      ? `${remotePath}/${path.basename(path.resolve(localDirectory))}`
      : remotePath,
    true,
  );
  const files = (await walk(localDirectory, options.recursive ?? true)).filter(
    (file) => !matchesAny(file, ignore),
  );
  const created = new Set<string>();
  const uploaded: FileInfo[] = [];
  for (const file of files) {
    const target = `${base}${file}`;
    if (location.supportsFolders) {
      const parts = target.split('/').slice(0, -1);
      for (let depth = 1; depth <= parts.length; depth += 1) {
        const directory = `${parts.slice(0, depth).join('/')}/`;
        if (!created.has(directory)) {
          await location.mkdir(directory, { signal: options.signal });
          created.add(directory);
        }
      }
    }
    if (!options.overwrite && (await location.exists(target, options))) {
      throw new ManagementError(
        `${target} already exists in ${location.label}; pass overwrite: true`,
        {
          code: 'EEXIST',
        },
      );
    }
    const onProgress = options.onProgress;
    await uploadStream(location, path.join(localDirectory, file), target, {
      signal: options.signal,
      onProgress: onProgress && ((transferred, total) => onProgress(file, transferred, total)),
    });
    uploaded.push(await location.info(target, options));
  }
  return uploaded;
}

/**
 * Downloads every file below a remote directory into a local directory, creating local
 * directories as needed and refusing any entry that would land outside the local root.
 */
export async function downloadFolder(
  location: TransferEndpoints,
  remotePath: string,
  localDirectory: string,
  options: FolderDownloadOptions = {},
): Promise<string[]> {
  const prefix = normalisePath(remotePath, true);
  const root = path.resolve(localDirectory);
  const entries = await location.list(remotePath, { recursive: true, signal: options.signal });
  await mkdir(root, { recursive: true });
  const written: string[] = [];
  for (const entry of entries) {
    const relative = entry.path.startsWith(prefix) ? entry.path.slice(prefix.length) : entry.path;
    const target = path.resolve(root, relative);
    if (target !== root && !target.startsWith(`${root}${path.sep}`)) {
      throw new ManagementError(`Refusing to write ${relative} outside ${root}`, {
        code: 'INVALID_ARGUMENT',
      });
    }
    if (entry.isDir) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await downloadToFile(location, entry.path, target, options);
    written.push(target);
  }
  return written;
}
