// Adds up the vitest JSON reports of every package into the one line CI reads.
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function jsonFiles(dir) {
  return fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => path.join(dir, name))
    : [];
}

let passed = 0;
let failed = 0;
let skipped = 0;
const reportedFailures = new Set();
for (const file of jsonFiles(path.join(root, '.test-results'))) {
  const report = readJson(file);
  passed += report.numPassedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that failed to load counts once, so a broken suite never reads as green.
  const brokenFiles = (report.testResults ?? []).filter(
    (result) => result.status === 'failed' && (result.assertionResults ?? []).length === 0,
  ).length;
  const failures = (report.numFailedTests ?? 0) + brokenFiles;
  failed += failures;
  if (failures > 0) reportedFailures.add(path.basename(file, '.json'));
}

// A package whose test task exited non-zero without a failed test in its report (its global
// setup crashed, say) counts as one failure: vitest's report calls such a run a success.
for (const file of jsonFiles(path.join(root, '.turbo', 'runs'))) {
  for (const task of readJson(file).tasks ?? []) {
    const exitCode = task.execution?.exitCode;
    const reportName = (task.directory ?? '').replaceAll('/', '-');
    if (exitCode !== 0 && exitCode !== undefined && !reportedFailures.has(reportName)) {
      console.log(`${task.taskId}: exited ${exitCode} without a failed test in its report`);
      failed += 1;
    }
  }
}

console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
