import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BenchReport } from './report/results.js';
import { checkTargets, targetLines } from './report/targets.js';
import { writeReport } from './report/write-report.js';

/**
 * Re-derives what a report computes from its measurements (the targets and the chart) and
 * rewrites results/<stem>.json and .svg, for when only those derivations changed.
 */
const stem = process.argv[2] ?? 'latest';
const directory = path.join(import.meta.dirname, '..', 'results');
const measured = JSON.parse(
  await readFile(path.join(directory, `${stem}.json`), 'utf8'),
) as BenchReport;
const report: BenchReport = { ...measured, targets: checkTargets(measured) };
await writeReport(report, directory, stem);
process.stdout.write(`${targetLines(report.targets ?? [])}\n`);
