/** A one-line progress bar on a terminal, or a line per quarter elsewhere (CI logs). */
export function progressBar(
  total: number,
  label: string,
): { update(done: number): void; finish(): void } {
  const width = 30;
  const interactive = Boolean(process.stdout.isTTY);
  let lastQuarter = -1;
  const render = (done: number) => {
    const share = total === 0 ? 1 : done / total;
    const filled = Math.round(share * width);
    return `  ${label} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${Math.floor(
      share * 100,
    )
      .toString()
      .padStart(3)}%  ${done.toLocaleString('en-US')} rows`;
  };
  return {
    update(done) {
      if (interactive) {
        process.stdout.write(`\r${render(done)}`);
        return;
      }
      const quarter = Math.floor((done / total) * 4);
      if (quarter > lastQuarter) {
        lastQuarter = quarter;
        console.log(render(done));
      }
    },
    finish() {
      if (interactive) process.stdout.write('\n');
    },
  };
}
