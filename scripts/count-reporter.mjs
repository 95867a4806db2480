/**
 * A test-runner reporter that writes the real pass/fail counts to a JSON file, so `npm test` can
 * print one closing line for all its steps. A test file that failed to load counts as one failure.
 */
import { writeFileSync } from 'node:fs';

function countSuite(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}

export function countReporter(outFile) {
  return {
    stop({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        const failedBefore = counts.failed;
        if (session.testResults) countSuite(session.testResults, counts);
        // A file that failed without a failing test (it did not load, or threw outside a test)
        // is one failure, so it can never pass unnoticed.
        if (!session.passed && counts.failed === failedBefore) counts.failed += 1;
      }
      writeFileSync(outFile, JSON.stringify(counts));
    },
  };
}
