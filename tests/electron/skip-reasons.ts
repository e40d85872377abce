import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Prints why a test was skipped, so a skipped smoke journey says what was missing. */
export default class SkipReasons implements Reporter {
  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reasons = test.annotations.filter((a) => a.type === 'skip' || a.type === 'fixme').map((a) => a.description ?? '');
    console.log(`  skipped: ${test.titlePath().filter(Boolean).slice(1).join(' › ')}${reasons.length ? ` — ${reasons.join('; ')}` : ''}`);
  }

  printsToStdio(): boolean {
    return false;
  }
}
