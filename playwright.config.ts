import { defineConfig } from '@playwright/test';

/**
 * End-to-end: the built renderer served by the real web host on a temp workspace, driven in
 * Debian's Chromium. Playwright never downloads a browser of its own.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // A guard against hangs, not a speed check. Long journeys are told as steps (see `journey()` in
  // tests/e2e/fixtures.ts); on a loaded 2-core machine a step took up to 66 s, so the guard is 180 s.
  timeout: 180_000,
  expect: { timeout: 10_000 },
  // Journeys run their steps in order on one worker; independent tests and journeys spread over both.
  fullyParallel: true,
  workers: 2,
  reporter: 'list',
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    viewport: { width: 1400, height: 880 },
    locale: 'en-GB',
    acceptDownloads: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.ATTACHE_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
