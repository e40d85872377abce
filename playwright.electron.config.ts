import { defineConfig } from '@playwright/test';

/**
 * The Electron smoke journey: the built app (dist/electron/main.cjs) on a temp workspace. It needs
 * the Electron binary and reports itself skipped, with the reason, where that is not installed.
 */
export default defineConfig({
  testDir: 'tests/electron',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list'], ['./tests/electron/skip-reasons.ts']],
  outputDir: 'test-results/electron',
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
