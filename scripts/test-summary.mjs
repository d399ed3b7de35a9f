// Sums the runners' JSON reports into the one line CI reads: "N passed, N failed, N skipped".
// A runner whose report is missing (it never ran, or crashed) counts as one failure, so a broken
// stage can never look like success. Exits non-zero on any failure or when nothing ran.
import { existsSync, readFileSync } from 'node:fs';

const reports = [
  {
    name: 'vitest',
    file: 'reports/vitest.json',
    read: (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0) + (r.numFailedTestSuites && !r.numFailedTests ? r.numFailedTestSuites : 0), skipped: r.numPendingTests + (r.numTodoTests ?? 0) }),
  },
  {
    name: 'playwright',
    file: 'reports/playwright.json',
    read: (r) => ({ passed: r.stats.expected + (r.stats.flaky ?? 0), failed: r.stats.unexpected + (r.errors?.length ?? 0), skipped: r.stats.skipped }),
  },
];

let passed = 0;
let failed = 0;
let skipped = 0;
for (const report of reports) {
  if (!existsSync(report.file)) {
    console.error(`${report.name}: no report at ${report.file} (the stage did not run or crashed)`);
    failed++;
    continue;
  }
  try {
    const counts = report.read(JSON.parse(readFileSync(report.file, 'utf8')));
    console.error(`${report.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
  } catch (err) {
    console.error(`${report.name}: unreadable report (${err.message})`);
    failed++;
  }
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
