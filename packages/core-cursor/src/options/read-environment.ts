/** An environment variable that was found, and its value. */
export interface EnvironmentHit {
  name: string;
  value: string;
}

function environment(): Readonly<Record<string, string | undefined>> | undefined {
  // Browsers and edge runtimes have no `process`; options then come from code only.
  const processLike = (globalThis as { process?: { env?: Record<string, string | undefined> } })
    .process;
  return processLike?.env;
}

/**
 * Looks up the first of `names` that is set, trying each name as written and then without its
 * underscores (`SINGLESTOREDBPORT`), as the Python SDK does. Read on every call so changes to
 * the environment take effect at once. An empty value counts as unset.
 */
export function readEnvironment(names: readonly string[]): EnvironmentHit | undefined {
  const env = environment();
  if (!env) return undefined;
  for (const name of names) {
    for (const candidate of [name, name.replaceAll('_', '')]) {
      const value = env[candidate];
      if (value !== undefined && value !== '') return { name: candidate, value };
    }
  }
  return undefined;
}
