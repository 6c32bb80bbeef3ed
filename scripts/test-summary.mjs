// Adds up the vitest JSON reports of every package into the one line CI reads.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.join(import.meta.dirname, '..', '.test-results');
const reports = fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => name.endsWith('.json')) : [];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const name of reports) {
  const report = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  passed += report.numPassedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that failed to load counts once, so a broken suite never reads as green.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  ).length;
  failed += (report.numFailedTests ?? 0) + brokenFiles;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
