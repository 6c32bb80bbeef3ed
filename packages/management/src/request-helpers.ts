/** Encodes one path segment (an id or a name) for a URL. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

/** A copy of an object without its undefined entries: request bodies omit unset fields. */
export function compact<Value extends Record<string, unknown>>(value: Value): Partial<Value> {
  const result: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (entry !== undefined) result[key] = entry;
  }
  return result as Partial<Value>;
}

/** The ISO text of a Date (or passes text through), for request fields. */
export function isoText(value: Date | string | undefined): string | undefined {
  return value instanceof Date ? value.toISOString() : value;
}

/** Compares API state names case-insensitively, since deployments differ in casing. */
export function sameState(state: string | undefined, expected: string): boolean {
  return state?.toUpperCase() === expected.toUpperCase();
}
