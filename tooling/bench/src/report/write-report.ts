import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchReport } from './results.js';
import { svgChart } from './svg-chart.js';

/** Writes `<stem>.json` and `<stem>.svg` into `directory`; returns the two paths. */
export async function writeReport(
  report: BenchReport,
  directory: string,
  stem: string,
): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const json = path.join(directory, `${stem}.json`);
  const svg = path.join(directory, `${stem}.svg`);
  await writeFile(json, `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(svg, svgChart(report));
  return [json, svg];
}
