import { defineConfig } from '@playwright/test';

/**
 * End-to-end: the built renderer served by the real web host on a temp workspace, driven in
 * Debian's Chromium. Playwright never downloads a browser of its own.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  // A guard against hangs, not a speed check: the longest journeys take 80 s on a busy CI machine.
  timeout: 240_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
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
