import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { median, ms, percentile, table } from './stats';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

async function startHost(outDir: string, dataDir: string) {
  const child = spawn(process.execPath, [`${outDir}/web/main.mjs`, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(d.toString());
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`web host exited ${code}`)));
  });
  return { url, stop: () => new Promise<void>((r) => (child.on('exit', () => r()), child.kill('SIGTERM'))) };
}

/**
 * In Chromium through the web host: navigation to the 50,000-person list until its first rows are
 * painted, and a scripted scroll through it (frame times, and how soon rows fill after a jump).
 */
export async function benchContactList(outDir: string, dataDir: string, runs: number): Promise<string> {
  const host = await startHost(outDir, dataDir);
  const browser = await chromium.launch({ executablePath: process.env.ATTACHE_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const firstRows: number[] = [];
    let frames: number[] = [];
    const jumps: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      // Records when the first data row of the grid is in the document, after the next two frames (painted).
      // A string, not a function: tsx (esbuild keepNames) would wrap inner functions in a `__name`
      // helper that does not exist in the page, and the script would throw before observing anything.
      await page.addInitScript({
        content: `(() => {
          const check = () => {
            const row = document.querySelector('[role="grid"] [role="row"][aria-rowindex="2"]:not([aria-busy])');
            if (row && window.__firstRows === undefined) {
              requestAnimationFrame(() => requestAnimationFrame(() => (window.__firstRows = performance.now())));
              return true;
            }
            return false;
          };
          // Rows may be placeholders first and filled in place (aria-busy removed): watch that attribute too.
          new MutationObserver((_, obs) => check() && obs.disconnect()).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
        })();`,
      });
      const target = host.url.replace('/?', '/?') + '#/contacts';
      await page.goto(target);
      await page.waitForFunction(() => (window as unknown as { __firstRows?: number }).__firstRows !== undefined, null, { timeout: 60_000 });
      firstRows.push(await page.evaluate(() => (window as unknown as { __firstRows: number }).__firstRows));

      if (i === 0) {
        // Smooth scrolling: 120 frames of steady wheel-like scrolling, then a jump to the middle.
        frames = await page.evaluate(async () => {
          const grid = document.querySelector('[role="grid"]') as HTMLElement;
          const times: number[] = [];
          let last = performance.now();
          for (let f = 0; f < 120; f++) {
            grid.scrollTop += 180;
            await new Promise((r) => requestAnimationFrame(r));
            const now = performance.now();
            times.push(now - last);
            last = now;
          }
          return times;
        });
        for (const fraction of [0.5, 0.9, 0.25]) {
          const took = await page.evaluate(async (f) => {
            const grid = document.querySelector('[role="grid"]') as HTMLElement;
            const started = performance.now();
            grid.scrollTop = grid.scrollHeight * f;
            for (;;) {
              await new Promise((r) => requestAnimationFrame(r));
              const busy = grid.querySelectorAll('[role="row"][aria-busy="true"]').length;
              const rows = grid.querySelectorAll('[role="row"]').length;
              if (rows > 5 && busy === 0) return performance.now() - started;
              if (performance.now() - started > 20_000) return -1;
            }
          }, fraction);
          jumps.push(took);
        }
      }
      await page.close();
    }
    return table([
      { measure: 'navigation → first rows painted (50,000 people), median', value: ms(median(firstRows)) },
      { measure: 'scripted scroll, 120 frames: median / p95 frame time', value: `${ms(median(frames))} / ${ms(percentile(frames, 95))}` },
      { measure: 'jump to 25% / 50% / 90% → rows filled, median', value: ms(median(jumps.filter((j) => j >= 0))) },
    ]);
  } finally {
    await browser.close();
    await host.stop();
  }
}
