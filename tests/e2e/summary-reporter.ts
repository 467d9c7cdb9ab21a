import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Prints one closing line in the plain form CI reads: `e2e: N passed, N failed, N skipped`.
 * A test counts by its final outcome (retries are off, so that is its only run).
 */
export default class SummaryReporter implements Reporter {
  private outcomes = new Map<string, TestResult['status']>();

  onTestEnd(test: TestCase, result: TestResult): void {
    this.outcomes.set(test.id, result.status);
  }

  onEnd(result: FullResult): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const status of this.outcomes.values()) {
      if (status === 'passed') passed++;
      else if (status === 'skipped') skipped++;
      else failed++;
    }
    if (result.status !== 'passed' && failed === 0 && passed + skipped === 0) {
      // Nothing ran (e.g. the server could not start in global setup): still a failure.
      failed = 1;
    }
    process.stdout.write(`\ne2e: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
