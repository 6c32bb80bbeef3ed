/**
 * A RegExp for a glob over POSIX relative paths: `**` spans directories, `*` and `?` stay within
 * one segment. A pattern without a slash also matches a path's base name, as .gitignore does.
 */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const character = glob[index] ?? '';
    if (character === '*' && glob[index + 1] === '*') {
      source += '.*';
      index += 1;
      if (glob[index + 1] === '/') index += 1;
    } else if (character === '*') source += '[^/]*';
    else if (character === '?') source += '[^/]';
    else source += character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return glob.includes('/') ? new RegExp(`^${source}$`) : new RegExp(`(^|/)${source}$`);
}

/** Whether a relative path matches any of the globs. */
export function matchesAny(path: string, globs: readonly string[]): boolean {
  return globs.some((glob) => globToRegExp(glob).test(path));
}
