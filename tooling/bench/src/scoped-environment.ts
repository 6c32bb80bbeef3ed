/**
 * Runs `run` with `variables` set in `environment` (default `process.env`), then puts every
 * variable back as it was, removing the ones that were unset, even when `run` fails. The profile
 * loop runs all its clients in one process, so a client's adapter environment (`S2_ACCEL`, which
 * accel-wasm reads at each decode) has to be in force around that client's calls only, where the
 * full run gives each client a process started with it.
 */
export async function withEnvironment<T>(
  variables: Readonly<Record<string, string>> | undefined,
  run: () => Promise<T>,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<T> {
  if (variables === undefined) return run();
  const previous = Object.keys(variables).map((name) => [name, environment[name]] as const);
  Object.assign(environment, variables);
  try {
    return await run();
  } finally {
    for (const [name, value] of previous) {
      if (value === undefined) delete environment[name];
      else environment[name] = value;
    }
  }
}
