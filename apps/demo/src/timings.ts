/** Named durations, printed as a table at the end of the demo. */
export class Timings {
  readonly #entries: Array<{ label: string; milliseconds: number }> = [];

  /** Runs `work` and records how long it took. */
  async measure<T>(label: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await work();
    this.#entries.push({ label, milliseconds: performance.now() - started });
    return result;
  }

  toString(): string {
    const width = Math.max(...this.#entries.map((entry) => entry.label.length));
    return this.#entries
      .map(
        (entry) =>
          `  ${entry.label.padEnd(width)}  ${entry.milliseconds.toFixed(0).padStart(7)} ms`,
      )
      .join('\n');
  }
}
