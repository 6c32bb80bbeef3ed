/**
 * Retries a probe (connect and `SELECT 1`) with backoff until it succeeds or the time is up.
 * One readiness check for every launcher: a server is ready when it answers a query, whatever
 * its logs say.
 */
export async function waitUntilReady(
  probe: () => Promise<void>,
  { timeoutMs, what }: { timeoutMs: number; what: string },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  let lastError: unknown;
  for (;;) {
    try {
      await probe();
      return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() + delay > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 3000);
  }
  const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
  throw new Error(
    `${what} did not answer a query within ${Math.round(timeoutMs / 1000)} s${reason}`,
    {
      cause: lastError,
    },
  );
}
