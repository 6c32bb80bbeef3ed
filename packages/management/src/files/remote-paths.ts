import { ManagementError } from '../management-error.js';

/**
 * Splits a remote path into its segments: leading `./` and `/` and trailing `/` are dropped, and
 * `.`/`..` segments are refused, so a file path can never reach another API endpoint.
 */
export function pathSegments(path: string): string[] {
  const trimmed = path.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
  const segments = trimmed.split('/').filter((part) => part !== '');
  for (const part of segments) {
    if (part === '.' || part === '..') {
      throw new ManagementError(
        `Remote path ${JSON.stringify(path)} may not contain "." or ".." segments`,
        {
          code: 'INVALID_ARGUMENT',
        },
      );
    }
  }
  return segments;
}

/** The normalised remote path: segments joined by `/`, with a trailing `/` for a directory. */
export function normalisePath(path: string, directory = false): string {
  const joined = pathSegments(path).join('/');
  return directory && joined !== '' ? `${joined}/` : joined;
}

/** The URL form of a remote path: each segment percent-encoded, slashes kept. */
export function encodePath(path: string, directory = false): string {
  const encoded = pathSegments(path).map(encodeURIComponent).join('/');
  return directory && encoded !== '' ? `${encoded}/` : encoded;
}

/** Whether a path names a directory by its trailing slash. */
export function endsWithSlash(path: string): boolean {
  return path.endsWith('/');
}

/** The last segment of a path (its file or directory name). */
export function baseName(path: string): string {
  return pathSegments(path).at(-1) ?? '';
}

/** The parent directory of a path with a trailing `/`; the root is `/`. */
export function parentDirectory(path: string): string {
  const segments = pathSegments(path);
  return segments.length <= 1 ? '/' : `${segments.slice(0, -1).join('/')}/`;
}
