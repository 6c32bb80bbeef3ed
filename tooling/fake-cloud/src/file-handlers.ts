import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { decodeSegments, type FileStore } from './file-store.js';
import type { Handler, HandlerContext, HandlerTable } from './handler-types.js';
import { HttpProblem } from './http-problem.js';

/** Download tickets for the storage redirect: ticket → file location. */
export const storageTickets = new Map<
  string,
  { files: FileStore; area: string; segments: string[] }
>();

function stageArea(context: HandlerContext): string {
  const id = context.params.deploymentID ?? '';
  const { tenant } = context;
  if (!tenant.workspaceGroups.has(id) && !tenant.starterWorkspaces.has(id)) {
    throw new HttpProblem(404, `deployment ${id} not found`);
  }
  return `${tenant.organization.orgID}/stage-${id}`;
}

function filesArea(context: HandlerContext): string {
  const location = context.params.location ?? '';
  if (!['personal', 'shared', 'models'].includes(location)) {
    throw new HttpProblem(
      400,
      `invalid location ${JSON.stringify(location)}: expected personal, shared or models`,
    );
  }
  return `${context.tenant.organization.orgID}/files-${location}`;
}

type AreaOf = (context: HandlerContext) => string;

function read(areaOf: AreaOf): Handler {
  return async (context) => {
    const area = areaOf(context);
    await context.files.ensureArea(area);
    const segments = decodeSegments(context.params.path ?? '');
    const wantsMetadata = context.query.has('metadata');
    const metadata = wantsMetadata
      ? await context.files.metadata(area, segments)
      : await context.files.listing(area, segments);
    if (!metadata) throw new HttpProblem(404, 'file not found');
    if (wantsMetadata || metadata.type === 'directory') return { json: metadata };
    if (context.tenant.settings.redirectDownloads) {
      const ticket = randomUUID();
      storageTickets.set(ticket, { files: context.files, area, segments });
      return { status: 307, headers: { location: `${context.origin}/_storage/${ticket}` } };
    }
    const { stream, size } = await context.files.read(area, segments);
    context.response.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(size),
    });
    await pipeline(stream, context.response);
    return 'handled';
  };
}

function write(areaOf: AreaOf, directories: boolean): Handler {
  return async (context) => {
    const area = areaOf(context);
    await context.files.ensureArea(area);
    const segments = decodeSegments(context.params.path ?? '');
    if (context.query.get('isFile') === 'false') {
      if (!directories)
        throw new HttpProblem(400, 'directories are currently not allowed in Files API');
      await context.files.makeDirectory(area, segments);
    } else {
      await context.files.writeUpload(area, segments, context.request, {
        createParents: !directories,
      });
    }
    context.tenant.audit('FileUploaded', { path: segments.join('/') });
    return { json: { name: segments.at(-1) ?? '', path: segments.join('/') } };
  };
}

function move(areaOf: AreaOf): Handler {
  return async (context) => {
    const area = areaOf(context);
    const from = decodeSegments(context.params.path ?? '');
    const newPath = (context.body as { newPath?: string } | undefined)?.newPath;
    if (!newPath) throw new HttpProblem(400, 'newPath is required');
    const to = newPath.split('/').filter((part) => part !== '');
    if (to.some((part) => part === '.' || part === '..'))
      throw new HttpProblem(400, 'invalid newPath');
    await context.files.move(area, from, to);
    return { json: { name: to.at(-1) ?? '', path: to.join('/') } };
  };
}

function remove(areaOf: AreaOf): Handler {
  return async (context) => {
    const segments = decodeSegments(context.params.path ?? '');
    await context.files.remove(areaOf(context), segments);
    return { json: { name: segments.at(-1) ?? '', path: segments.join('/') } };
  };
}

/** Stage and file-space operations. */
export const fileHandlers: HandlerTable = {
  GetV1StageDeploymentIDFs: read(stageArea),
  GetV1StageDeploymentIDFsPath: read(stageArea),
  PutV1StageDeploymentIDFsPath: write(stageArea, true),
  PatchV1StageDeploymentIDFsPath: move(stageArea),
  DeleteV1StageDeploymentIDFsPath: remove(stageArea),
  GetV1FilesFsLocation: read(filesArea),
  GetV1FilesFsLocationPath: read(filesArea),
  PutV1FilesFsLocationPath: write(filesArea, false),
  PatchV1FilesFsLocationPath: move(filesArea),
  DeleteV1FilesFsLocationPath: remove(filesArea),
};
