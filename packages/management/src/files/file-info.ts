import type { FileObjectMetadataData } from '../generated/schemas.generated.js';

/**
 * Metadata of one file or directory in a Stage or file space. `type` is kept as an open string:
 * the API returns `directory`, `file`, `notebook` and `json` although the spec lists fewer.
 */
export interface FileInfo {
  /** The file or directory name. */
  name: string;
  /** The path from the location's root, without a leading `/`; directories end with `/`. */
  path: string;
  size: number | undefined;
  type: string | undefined;
  format: string | undefined;
  mimetype: string | undefined;
  created: Date | undefined;
  lastModified: Date | undefined;
  writable: boolean | undefined;
  /** True for directories. */
  isDir: boolean;
}

/** Builds a FileInfo from parsed metadata. */
export function toFileInfo(data: FileObjectMetadataData): FileInfo {
  const isDir = data.type === 'directory';
  const rawPath = data.path ?? '';
  const path =
    isDir && rawPath !== '' && rawPath !== '/' && !rawPath.endsWith('/') ? `${rawPath}/` : rawPath;
  return {
    name: data.name ?? '',
    path,
    size: data.size,
    type: data.type,
    format: data.format,
    mimetype: data.mimetype,
    created: data.created,
    lastModified: data.lastModified,
    writable: data.writable,
    isDir,
  };
}
