import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchReport } from './report/results.js';
import { svgChart } from './report/svg-chart.js';

/** Redraws results/<stem>.svg from results/<stem>.json, for when only the chart changed. */
const stem = process.argv[2] ?? 'latest';
const directory = path.join(import.meta.dirname, '..', 'results');
const report = JSON.parse(
  await readFile(path.join(directory, `${stem}.json`), 'utf8'),
) as BenchReport;
await writeFile(path.join(directory, `${stem}.svg`), svgChart(report));
