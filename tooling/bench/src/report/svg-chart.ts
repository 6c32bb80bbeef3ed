import { formatRatio } from './format-number.js';
import type { BenchReport } from './results.js';

const WIDTH = 960;
const LABEL_WIDTH = 300;
const BAR_AREA = 520;
const ROW_HEIGHT = 18;
const TITLE_HEIGHT = 26;
const GAP = 14;
/** Where the axis starts: bars begin at a tenth of the baseline. */
const MIN_RATIO = 0.1;

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/**
 * A horizontal bar chart of every client's ratio against its workload's baseline (above 1 is
 * better), one group per workload, with a dashed line at 1× and the machine under the title.
 * Plain SVG text, no dependencies; clients without a figure are listed with the reason.
 */
export function svgChart(report: BenchReport): string {
  const ratios = report.workloads.flatMap((workload) =>
    workload.results.map((result) => result.ratio ?? 0).filter(Number.isFinite),
  );
  // Logarithmic: the floor sits 10-20× above the clients, which a linear axis would squash.
  const scaleMax = Math.log(Math.max(2, ...ratios) / MIN_RATIO);
  const x = (ratio: number) =>
    LABEL_WIDTH + (Math.log(Math.max(ratio, MIN_RATIO) / MIN_RATIO) / scaleMax) * BAR_AREA;
  const parts: string[] = [];
  const machine = report.machine;
  let y = 20;
  parts.push(
    `<text x="10" y="${y}" font-size="16" font-weight="bold">@s2/bench — times better than each workload's baseline (median of ${report.runsPerMeasurement} runs, log scale)</text>`,
  );
  y += 18;
  parts.push(
    `<text x="10" y="${y}" font-size="11" fill="#555">${escapeXml(
      `${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, load average ${machine.loadAverageAtStart[0]} at start; ${report.server.flavour} ${report.server.version}; ${report.generatedAt}${report.quick ? ' (BENCH_QUICK)' : ''}`,
    )}</text>`,
  );
  y += GAP;
  for (const workload of report.workloads) {
    y += TITLE_HEIGHT - 8;
    parts.push(
      `<text x="10" y="${y}" font-size="13" font-weight="bold">${escapeXml(`${workload.title} (baseline: ${workload.baseline})`)}</text>`,
    );
    const top = y + 4;
    for (const result of workload.results) {
      y += ROW_HEIGHT;
      parts.push(
        `<text x="${LABEL_WIDTH - 8}" y="${y}" font-size="11" text-anchor="end">${escapeXml(result.label)}</text>`,
      );
      if (result.status === 'ok' && result.ratio !== undefined && Number.isFinite(result.ratio)) {
        const end = x(result.ratio);
        const colour = result.client.startsWith('s2-')
          ? '#2a7de1'
          : result.client === 'raw-drain'
            ? '#999'
            : '#e38b2a';
        parts.push(
          `<rect x="${LABEL_WIDTH}" y="${y - 11}" width="${(end - LABEL_WIDTH).toFixed(1)}" height="13" fill="${colour}"/>`,
          `<text x="${(end + 4).toFixed(1)}" y="${y}" font-size="11">${formatRatio(result.ratio)}</text>`,
        );
      } else {
        parts.push(
          `<text x="${LABEL_WIDTH + 4}" y="${y}" font-size="11" fill="#a00">${escapeXml(`${result.status}: ${result.reason ?? ''}`.slice(0, 110))}</text>`,
        );
      }
    }
    const one = x(1).toFixed(1);
    parts.push(
      `<line x1="${one}" x2="${one}" y1="${top}" y2="${y + 4}" stroke="#333" stroke-dasharray="3,3"/>`,
    );
    y += GAP;
  }
  const height = y + 10;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">`,
    `<title>${escapeXml(`@s2/bench results, ${report.generatedAt}`)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}
