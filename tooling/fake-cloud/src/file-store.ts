import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FileObjectMetadataWire } from '@s2/management/internal';
import busboy from 'busboy';
import { HttpProblem } from './http-problem.js';

const mimeTypes: Record<string, string> = {
  '.txt': 'text/plain',
  '.sql': 'application/sql',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.ipynb': 'application/x-ipynb+json',
  '.py': 'text/x-python',
};

/** Decodes a `{path}` parameter into safe segments (dot segments are refused). */
export function decodeSegments(rawPath: string): string[] {
  const segments = rawPath
    .split('/')
    .filter((part) => part !== '')
    .map((part) => decodeURIComponent(part));
  if (
    segments.some(
      (part) => part === '.' || part === '..' || part.includes('/') || part.includes('\0'),
    )
  ) {
    throw new HttpProblem(400, `invalid path ${JSON.stringify(rawPath)}`);
  }
  return segments;
}

/**
 * Stage and file-space contents on disk: one directory per tenant and area (a Stage deployment
 * or a file location). Uploads stream through busboy into a temporary file that replaces the
 * target only when complete.
 */
export class FileStore {
  readonly #root: string;

  constructor(root: string) {
    this.#root = root;
  }

  #absolute(area: string, segments: string[]): string {
    return path.join(this.#root, area, ...segments);
  }

  /** Makes sure an area's root directory exists. */
  async ensureArea(area: string): Promise<void> {
    await mkdir(this.#absolute(area, []), { recursive: true });
  }

  async #stat(area: string, segments: string[]) {
    return stat(this.#absolute(area, segments)).catch(() => undefined);
  }

  /** Metadata of an entry in the wire form, or undefined when it does not exist. */
  async metadata(area: string, segments: string[]): Promise<FileObjectMetadataWire | undefined> {
    const stats = await this.#stat(area, segments);
    if (!stats) return undefined;
    const name = segments.at(-1) ?? '';
    const directory = stats.isDirectory();
    const relative = segments.join('/');
    const extension = path.extname(name).toLowerCase();
    return {
      name,
      path: directory ? (relative === '' ? '/' : `${relative}/`) : relative,
      size: directory ? 0 : stats.size,
      type: directory ? 'directory' : extension === '.ipynb' ? 'notebook' : 'file',
      format: directory ? 'json' : null,
      mimetype: directory ? '' : (mimeTypes[extension] ?? 'application/octet-stream'),
      created: stats.birthtime.toISOString(),
      last_modified: stats.mtime.toISOString(),
      writable: true,
    };
  }

  /** A directory's metadata with `content` listing its entries (full paths from the root). */
  async listing(area: string, segments: string[]): Promise<FileObjectMetadataWire | undefined> {
    const own = await this.metadata(area, segments);
    if (own?.type !== 'directory') return own;
    const names = (await readdir(this.#absolute(area, segments)))
      .filter((name) => !name.startsWith('.upload-'))
      .sort();
    const content: FileObjectMetadataWire[] = [];
    for (const name of names) {
      const entry = await this.metadata(area, [...segments, name]);
      if (entry) content.push(entry);
    }
    return { ...own, content };
  }

  /** Creates a directory whose parent must exist. */
  async makeDirectory(area: string, segments: string[]): Promise<void> {
    const parent = await this.#stat(area, segments.slice(0, -1));
    if (!parent?.isDirectory()) throw new HttpProblem(404, 'parent directory does not exist');
    const existing = await this.#stat(area, segments);
    if (existing && !existing.isDirectory())
      throw new HttpProblem(409, 'a file exists at this path');
    await mkdir(this.#absolute(area, segments), { recursive: true });
  }

  /** Streams the `file` part of a multipart request into place. */
  async writeUpload(
    area: string,
    segments: string[],
    request: IncomingMessage,
    options: { createParents: boolean },
  ): Promise<void> {
    if (segments.length === 0) throw new HttpProblem(400, 'a file path is required');
    const parentSegments = segments.slice(0, -1);
    if (options.createParents)
      await mkdir(this.#absolute(area, parentSegments), { recursive: true });
    const parent = await this.#stat(area, parentSegments);
    if (!parent?.isDirectory()) throw new HttpProblem(404, 'parent directory does not exist');
    if ((await this.#stat(area, segments))?.isDirectory()) {
      throw new HttpProblem(409, 'a directory exists at this path');
    }
    const target = this.#absolute(area, segments);
    const temporary = path.join(path.dirname(target), `.upload-${process.hrtime.bigint()}`);
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: request.headers });
    } catch (error) {
      throw new HttpProblem(
        400,
        `expected a multipart/form-data body: ${(error as Error).message}`,
      );
    }
    let sawFile = false;
    const written: Promise<void>[] = [];
    parser.on('file', (field, stream) => {
      if (field !== 'file' || sawFile) {
        stream.resume();
        return;
      }
      sawFile = true;
      written.push(pipeline(stream, createWriteStream(temporary)));
    });
    try {
      await pipeline(request, parser);
      await Promise.all(written);
      if (!sawFile) throw new HttpProblem(400, 'multipart body has no part named "file"');
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      if (error instanceof HttpProblem) throw error;
      throw new HttpProblem(400, `upload failed: ${(error as Error).message}`);
    }
  }

  /** Moves an entry; the new parent must exist. */
  async move(area: string, from: string[], to: string[]): Promise<void> {
    if (!(await this.#stat(area, from))) throw new HttpProblem(404, 'source does not exist');
    const parent = await this.#stat(area, to.slice(0, -1));
    if (!parent?.isDirectory())
      throw new HttpProblem(404, 'target parent directory does not exist');
    if (await this.#stat(area, to)) throw new HttpProblem(409, 'target exists');
    await rename(this.#absolute(area, from), this.#absolute(area, to));
  }

  /** Deletes a file, or a directory recursively. */
  async remove(area: string, segments: string[]): Promise<void> {
    if (segments.length === 0) throw new HttpProblem(400, 'refusing to delete the root');
    if (!(await this.#stat(area, segments))) throw new HttpProblem(404, 'file not found');
    await rm(this.#absolute(area, segments), { recursive: true, force: true });
  }

  /** A read stream of a file, with its size. */
  async read(area: string, segments: string[]): Promise<{ stream: ReadStream; size: number }> {
    const stats = await this.#stat(area, segments);
    if (!stats?.isFile()) throw new HttpProblem(404, 'file not found');
    return { stream: createReadStream(this.#absolute(area, segments)), size: stats.size };
  }
}
