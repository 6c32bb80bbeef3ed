const startedAt = performance.now();

/** Seconds since the run started. */
export function elapsedSeconds(): number {
  return Math.round((performance.now() - startedAt) / 1000);
}

/** A progress line on stderr, so stdout carries only the results table. */
export function progress(message: string): void {
  process.stderr.write(`[${String(elapsedSeconds()).padStart(4)} s] ${message}\n`);
}
