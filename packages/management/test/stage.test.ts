import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stage } from '../src/files/stage.js';
import { ManagementError } from '../src/management-error.js';
import { fakeCloudSession, someRegionId } from './fake-cloud-session.js';

let local: string;

beforeAll(async () => {
  local = await mkdtemp(path.join(tmpdir(), 'stage-test-'));
});

afterAll(async () => {
  await rm(local, { recursive: true, force: true });
});

async function newStage(): Promise<{ stage: Stage; session: ReturnType<typeof fakeCloudSession> }> {
  const session = fakeCloudSession();
  const group = await session.manager.createWorkspaceGroup({
    name: 'files',
    regionId: await someRegionId(session),
  });
  return { stage: group.stage, session };
}

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  return ManagementError.isInstance(error) ? error.code : String(error);
}

async function text(stream: ReadableStream<string>): Promise<string> {
  let result = '';
  for await (const chunk of stream as unknown as AsyncIterable<string>) result += chunk;
  return result;
}

describe('Stage', () => {
  it('uploads bytes, reports info and refuses to overwrite unless asked', async () => {
    const { stage } = await newStage();
    const info = await stage.uploadFile(new TextEncoder().encode('select 1;'), 'query.sql');
    expect(info).toMatchObject({ name: 'query.sql', path: 'query.sql', size: 9, isDir: false });
    expect(info.lastModified).toBeInstanceOf(Date);
    expect(await codeOf(stage.uploadFile(new Uint8Array([1]), 'query.sql'))).toBe('EEXIST');
    await stage.uploadFile(new TextEncoder().encode('select 2;'), 'query.sql', { overwrite: true });
    expect(new TextDecoder().decode(await stage.readFile('query.sql'))).toBe('select 2;');
  });

  it('uploads a local file with progress and downloads it again', async () => {
    const { stage } = await newStage();
    const source = path.join(local, 'data.csv');
    await writeFile(source, 'a,b\n1,2\n');
    const progress: number[] = [];
    await stage.uploadFile(source, 'data.csv', { onProgress: (sent) => progress.push(sent) });
    expect(progress.at(-1)).toBe(8);
    const target = path.join(local, 'data-copy.csv');
    const downloaded: [number, number | undefined][] = [];
    await stage.downloadFile('data.csv', target, {
      onProgress: (received, total) => downloaded.push([received, total]),
    });
    expect(downloaded.at(-1)).toEqual([8, 8]);
    expect(await readFile(target, 'utf8')).toBe('a,b\n1,2\n');
    expect(await codeOf(stage.downloadFile('data.csv', target))).toBe('EEXIST');
    await stage.downloadFile('data.csv', target, { overwrite: true });
    expect(await codeOf(stage.uploadFile(local, 'dir-as-file'))).toBe('EISDIR');
  });

  it('makes directories, checks existence and lists relative names', async () => {
    const { stage } = await newStage();
    await stage.mkdir('lib');
    await stage.mkdir('lib/nest');
    await stage.uploadFile(new Uint8Array([1, 2]), 'lib/a.sql');
    await stage.uploadFile(new Uint8Array([3]), 'lib/nest/b.sql');
    expect(await stage.exists('lib/')).toBe(true);
    expect(await stage.isDir('lib')).toBe(true);
    expect(await stage.isFile('lib/a.sql')).toBe(true);
    expect(await stage.isFile('lib')).toBe(false);
    expect(await stage.exists('nothing')).toBe(false);
    expect(await stage.listdir()).toEqual(['lib/']);
    expect(await stage.listdir('lib')).toEqual(['a.sql', 'nest/']);
    expect(await stage.listdir('/lib/', { recursive: true })).toEqual([
      'a.sql',
      'nest/',
      'nest/b.sql',
    ]);
    expect(await stage.listdir('/', { recursive: true })).toEqual([
      'lib/',
      'lib/a.sql',
      'lib/nest/',
      'lib/nest/b.sql',
    ]);
    expect((await stage.info('/')).isDir).toBe(true);
    expect(await codeOf(stage.listdir('lib/a.sql'))).toBe('ENOTDIR');
  });

  it('fails to make a directory or upload under a missing parent', async () => {
    const { stage } = await newStage();
    const error = await stage.mkdir('missing/child').catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(error) && error.status).toBe(404);
    const upload = await stage
      .uploadFile(new Uint8Array([1]), 'missing/file')
      .catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(upload) && upload.status).toBe(404);
  });

  it('mkdir returns an existing directory, or recreates it empty with overwrite', async () => {
    const { stage } = await newStage();
    await stage.mkdir('keep');
    await stage.uploadFile(new Uint8Array([1]), 'keep/x');
    expect((await stage.mkdir('keep')).isDir).toBe(true);
    expect(await stage.listdir('keep')).toEqual(['x']);
    await stage.mkdir('keep', { overwrite: true });
    expect(await stage.listdir('keep')).toEqual([]);
  });

  it('renames files and directories with overwrite rules', async () => {
    const { stage } = await newStage();
    await stage.uploadFile(new Uint8Array([1]), 'one.txt');
    await stage.uploadFile(new Uint8Array([2]), 'two.txt');
    expect(await codeOf(stage.rename('one.txt', 'two.txt'))).toBe('EEXIST');
    expect(await codeOf(stage.rename('ghost.txt', 'x.txt'))).toBe('ENOENT');
    const moved = await stage.rename('one.txt', 'two.txt', { overwrite: true });
    expect(moved.path).toBe('two.txt');
    expect(Array.from(await stage.readFile('two.txt'))).toEqual([1]);
    await stage.mkdir('old');
    await stage.uploadFile(new Uint8Array([9]), 'old/f');
    await stage.rename('old', 'new');
    expect(await stage.listdir('/', { recursive: true })).toEqual(['new/', 'new/f', 'two.txt']);
  });

  it('removes files, empty directories and whole trees', async () => {
    const { stage } = await newStage();
    await stage.mkdir('tree');
    await stage.mkdir('tree/empty');
    await stage.uploadFile(new Uint8Array([1]), 'tree/file');
    expect(await codeOf(stage.remove('tree'))).toBe('EISDIR');
    expect(await codeOf(stage.rmdir('tree'))).toBe('ENOTEMPTY');
    await stage.rmdir('tree/empty');
    await stage.remove('tree/file');
    expect(await stage.listdir('tree')).toEqual([]);
    await stage.uploadFile(new Uint8Array([1]), 'tree/again');
    await stage.removedirs('tree');
    expect(await stage.exists('tree/')).toBe(false);
  });

  it('opens files as text or byte streams for reading and writing', async () => {
    const { stage } = await newStage();
    const writer = (await stage.open('notes.txt', 'w')).getWriter();
    await writer.write('hello ');
    await writer.write('wörld');
    await writer.close();
    expect(await text(await stage.open('notes.txt'))).toBe('hello wörld');
    expect(await codeOf(stage.open('notes.txt', 'x'))).toBe('EEXIST');
    const bytes = (await stage.open('raw.bin', 'xb')).getWriter();
    await bytes.write(new Uint8Array([0, 255]));
    await bytes.close();
    const reader = (await stage.open('raw.bin', 'rb')).getReader();
    const first = await reader.read();
    expect(Array.from(first.value ?? [])).toEqual([0, 255]);
    await expect(stage.open('notes.txt', 'a' as 'r')).rejects.toThrow(TypeError);
    await expect(stage.open('notes.txt', 'r+' as 'r')).rejects.toThrow(TypeError);
    const missing = await stage.open('missing.txt').catch((caught: unknown) => caught);
    expect(ManagementError.isInstance(missing) && missing.status).toBe(404);
  });

  it('an aborted write leaves the previous file in place', async () => {
    const { stage } = await newStage();
    await stage.uploadFile(new TextEncoder().encode('original'), 'keep.txt');
    const writer = (await stage.open('keep.txt', 'w')).getWriter();
    await writer.write('partial');
    await writer.abort(new Error('changed my mind'));
    expect(new TextDecoder().decode(await stage.readFile('keep.txt'))).toBe('original');
  });

  it('uploads and downloads folders, honouring ignore globs and includeRoot', async () => {
    const { stage } = await newStage();
    const folder = path.join(local, 'project');
    await mkdir(path.join(folder, 'sql', 'deep'), { recursive: true });
    await writeFile(path.join(folder, 'readme.md'), '# hi');
    await writeFile(path.join(folder, 'sql', 'a.sql'), 'select 1');
    await writeFile(path.join(folder, 'sql', 'deep', 'b.sql'), 'select 2');
    await writeFile(path.join(folder, 'sql', 'debug.log'), 'noise');
    await stage.mkdir('upload');
    await stage.uploadFolder(folder, 'upload', { ignore: '*.log', includeRoot: true });
    expect(await stage.listdir('upload', { recursive: true })).toEqual([
      'project/',
      'project/readme.md',
      'project/sql/',
      'project/sql/a.sql',
      'project/sql/deep/',
      'project/sql/deep/b.sql',
    ]);
    const target = path.join(local, 'downloaded');
    await stage.downloadFolder('upload/project/sql', target);
    expect(await readFile(path.join(target, 'a.sql'), 'utf8')).toBe('select 1');
    expect(await readFile(path.join(target, 'deep', 'b.sql'), 'utf8')).toBe('select 2');
  });

  it('encodes awkward names and refuses dot segments before any request', async () => {
    const { stage, session } = await newStage();
    await stage.uploadFile(new TextEncoder().encode('x'), 'name with spaces & ?.txt');
    expect(await stage.listdir()).toEqual(['name with spaces & ?.txt']);
    await session.clearRequests();
    expect(await codeOf(stage.info('../workspaces'))).toBe('INVALID_ARGUMENT');
    expect(await session.requests()).toEqual([]);
  });

  it('follows a storage redirect without sending the Authorization header', async () => {
    const { stage, session } = await newStage();
    await stage.uploadFile(new TextEncoder().encode('redirected'), 'r.txt');
    await session.configure({ redirectDownloads: true });
    expect(await text(await stage.open('r.txt'))).toBe('redirected');
  });
});

describe('file spaces', () => {
  it('uploads, lists, renames and removes files in the personal space', async () => {
    const session = fakeCloudSession();
    const space = session.files.personalSpace;
    const info = await space.uploadFile(new TextEncoder().encode('{}'), 'nb.ipynb');
    expect(info.type).toBe('notebook');
    expect(await space.listdir()).toEqual(['nb.ipynb']);
    await space.rename('nb.ipynb', 'renamed.ipynb');
    expect(await space.exists('renamed.ipynb')).toBe(true);
    expect(await codeOf(space.mkdir('folder'))).toBe('NOT_SUPPORTED');
    await space.remove('renamed.ipynb');
    expect(await space.listdir()).toEqual([]);
  });

  it('keeps the shared and models spaces apart from the personal one', async () => {
    const session = fakeCloudSession();
    await session.files.sharedSpace.uploadFile(new Uint8Array([1]), 'shared.bin');
    await session.files.modelsSpace.uploadFile(new Uint8Array([2]), 'model.bin');
    expect(await session.files.personalSpace.listdir()).toEqual([]);
    expect(await session.files.sharedSpace.listdir()).toEqual(['shared.bin']);
    expect(await session.files.modelsSpace.listdir()).toEqual(['model.bin']);
  });
});
