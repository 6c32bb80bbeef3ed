/**
 * The file names that `LOAD DATA LOCAL INFILE '<name>'` statements in `sql` name, unescaped.
 * The client answers a server's request only for these (python-sdk-quirks.md #38).
 */
export function namedInfiles(sql: string): Set<string> {
  const names = new Set<string>();
  const pattern = /\bLOCAL\s+INFILE\s+(['"])((?:\\[\s\S]|(?!\1)[^\\]|\1\1)*)\1/gi;
  for (const match of sql.matchAll(pattern)) {
    const quote = match[1]!;
    const body = match[2]!;
    names.add(
      body.replaceAll(quote + quote, quote).replace(/\\([\s\S])/g, (_all, character: string) => {
        const escapes: Record<string, string> = { '0': '\0', n: '\n', r: '\r', t: '\t', Z: '\x1a' };
        return escapes[character] ?? character;
      }),
    );
  }
  return names;
}
