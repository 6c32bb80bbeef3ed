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

// State names the Python SDK documents (and older deployments report) for the spec's states.
const legacyStates: Record<string, string> = {
  PENDINGCREATION: 'PENDING',
  TRANSITIONING: 'PENDING',
  RESUMING: 'PENDING',
  RESUMED: 'ACTIVE',
};

/** The spec name of a state: upper case, with the Python-era names mapped onto the spec's. */
export function specState(state: string | undefined): string | undefined {
  if (state === undefined) return undefined;
  const upper = state.trim().toUpperCase();
  return legacyStates[upper] ?? upper;
}

/** Compares API state names case-insensitively and across the legacy vocabulary. */
export function sameState(state: string | undefined, expected: string): boolean {
  return specState(state) === specState(expected);
}
