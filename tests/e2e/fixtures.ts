import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

export interface WebHostProcess {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the built web host (dist/web/main.mjs) on a free port and a workspace folder. */
export async function startWebHost(dataDir: string): Promise<WebHostProcess> {
  const child = spawn(process.execPath, [resolve(process.cwd(), process.env.ATTACHE_OUT_DIR ?? 'dist', 'web/main.mjs'), '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, ATTACHE_VALIDATE_OUTPUT: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running on (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * How many pixels of two screenshots of one size differ to the eye: pixelmatch's perceptual
 * threshold, with anti-aliased pixels not counted (the edge of a rounded corner drawn in another
 * compositing layer may come out one level apart).
 */
export function differingPixels(a: Buffer, b: Buffer): number {
  const [x, y] = [PNG.sync.read(a), PNG.sync.read(b)];
  if (x.width !== y.width || x.height !== y.height) return Math.max(x.width * x.height, y.width * y.height);
  return pixelmatch(x.data, y.data, null, x.width, x.height);
}

/** Every request the page makes; the journey fails if any leaves 127.0.0.1. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.context().on('request', (r) => urls.push(r.url()));
  return urls;
}

export function foreignRequests(urls: string[]): string[] {
  return urls.filter((u) => !/^(http:\/\/127\.0\.0\.1:\d+\/|data:|blob:http:\/\/127\.0\.0\.1:\d+\/)/.test(u));
}

type Scheme = 'light' | 'dark';

/** The colour scheme Mantine has applied to the page (it follows prefers-color-scheme while the setting is "system"). */
async function appliedScheme(page: Page): Promise<Scheme> {
  const scheme = await page.locator('html').getAttribute('data-mantine-color-scheme');
  if (scheme !== 'light' && scheme !== 'dark') throw new Error(`no Mantine colour scheme on <html> (${scheme})`);
  return scheme;
}

/** Emulates the system's colour scheme and waits until Mantine has repainted the page in it. */
async function emulateScheme(page: Page, scheme: Scheme): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator('html'), `the app follows the system's ${scheme} scheme (the theme setting must be "system")`).toHaveAttribute(
    'data-mantine-color-scheme',
    scheme,
  );
}

/**
 * The axe rules whose outcome depends on colours. A change of scheme changes nothing else on the page
 * (the DOM is the same; only Mantine's CSS variables change), so the second scheme runs just these.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/**
 * axe-core itself, put into the page once per document and run there (the app has no frames).
 * @axe-core/playwright injected it again on every check and finished each run in a new blank page:
 * 3–4 s per screen on two cores, against 0.4 s for the same rules run in place.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact?: string | null;
  nodes: Array<{ target: unknown[] }>;
}

async function axeViolations(page: Page, rules?: string[]): Promise<string[]> {
  // Colour contrast is judged on settled screens: a notification fading in is half-transparent,
  // and a button's colour eases over after a change of scheme.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  // Evaluated by the DevTools protocol, as a script the page did not load: the CSP does not apply.
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const options = only ? { runOnly: { type: 'rule', values: only }, resultTypes: ['violations'] } : { resultTypes: ['violations'] };
    return (await axe.run(document, options)).violations.map((v) => ({ id: v.id, impact: v.impact ?? null, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, rules ?? null);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * axe-core on the current screen, in the light and the dark colour scheme: every rule in the scheme
 * the screen shows, then the system's scheme is switched to the other one, the colour rules run again,
 * and the scheme is switched back. Any violation in either fails with its scheme, rule and targets listed.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const shown = await appliedScheme(page);
  const other: Scheme = shown === 'light' ? 'dark' : 'light';
  const violations = (await axeViolations(page)).map((v) => `[${shown}] ${v}`);
  await emulateScheme(page, other);
  try {
    violations.push(...(await axeViolations(page, COLOUR_RULES)).map((v) => `[${other}] ${v}`));
  } finally {
    await emulateScheme(page, shown);
  }
  expect(violations, `axe violations on ${label}`).toEqual([]);
}

/**
 * Types into a record picker or searchable select and clicks the option. A record picker marks its
 * list busy until the backend has answered the text as typed; the click waits for that, as a person
 * waits for the list to settle.
 */
/** Calls the web host's API as the page does (setting up data is not what the journeys test). */
export async function callApi<T>(page: Page, url: string, name: string, input: object): Promise<T> {
  const { origin, searchParams } = new URL(url);
  const res = await page.request.post(`${origin}/api/${name}`, { headers: { 'X-Attache-Token': searchParams.get('token')! }, data: input });
  const envelope = (await res.json()) as { ok: boolean; data: T; error?: unknown };
  if (!envelope.ok) throw new Error(`${name}: ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}

/** Presses `key` (Tab, or Shift+Tab) until `target` has focus, as a keyboard user does; fails after `max` presses. */
export async function keyTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(key);
  }
  await expect(target).toBeFocused();
}

export async function pickOption(field: Locator, text: string, option: RegExp | string): Promise<void> {
  const page = field.page();
  await field.fill(text);
  await waitForSettledOptions(page);
  await page.getByRole('option', { name: option }).first().click();
}

/** Waits until no record picker's list is still waiting for the backend to answer the text as typed. */
export async function waitForSettledOptions(page: Page): Promise<void> {
  await expect(page.locator('[role="listbox"][aria-busy="true"]')).toHaveCount(0);
}

/**
 * Watches for the export progress bar from now on and returns the first value it showed, with the
 * name of the article it showed in (its labelling heading), if any. A warm export can be over
 * between two frames, so polling could miss the bar; a MutationObserver is told of every node
 * added and every value changed, however briefly it was there.
 */
export async function watchExportProgress(page: Page): Promise<() => Promise<{ value: string; article: string | null }>> {
  await page.evaluate(() => {
    const w = window as unknown as { __exportBar?: { value: string; article: string | null } | null };
    w.__exportBar = null;
    const selector = '[role="progressbar"][aria-label="Export progress"]';
    const look = (root: ParentNode | null) => {
      if (w.__exportBar !== null || !root) return;
      const bar = root instanceof Element && root.matches(selector) ? root : root.querySelector(selector);
      const value = bar?.getAttribute('aria-valuenow');
      if (value == null) return;
      const article = bar!.closest('article');
      const labelledBy = article?.getAttribute('aria-labelledby');
      w.__exportBar = { value, article: (labelledBy ? document.getElementById(labelledBy)?.textContent : article?.getAttribute('aria-label')) ?? null };
    };
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.type === 'attributes') look(record.target as Element);
        for (const node of record.addedNodes) if (node instanceof Element) look(node);
      }
      if (w.__exportBar !== null) observer.disconnect();
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow', 'aria-label', 'role'] });
  });
  return async () => {
    const handle = await page.waitForFunction(() => (window as unknown as { __exportBar?: { value: string; article: string | null } | null }).__exportBar ?? null);
    return (await handle.jsonValue()) as { value: string; article: string | null };
  };
}

/** Content-Security-Policy violations reported by the page itself. */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []);
}

export const test = base.extend<{ host: WebHostProcess }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  host: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'attache-e2e-'));
    const host = await startWebHost(dataDir);
    await use(host);
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect };

export interface Journey {
  readonly page: Page;
  readonly host: WebHostProcess;
  /** Every request the page has made so far (the network guard checks none left 127.0.0.1). */
  readonly requests: string[];
  /** CSP violations the page has reported so far. */
  cspViolations(): Promise<string[]>;
}

/**
 * A long journey told as steps: call inside a `test.describe`; its tests run in order on one web host
 * and one page, each with its own short timeout, so a step that hangs fails on its own and the
 * report names it (one four-minute test used to time out on a loaded machine with no assertion failing).
 * A failed step skips the steps after it, which build on its state.
 */
export function journey(): Journey {
  let host: WebHostProcess | undefined;
  let page: Page | undefined;
  let dataDir: string | undefined;
  let requests: string[] = [];
  let csp: () => Promise<string[]> = async () => [];
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async ({ browser }, testInfo) => {
    dataDir = await mkdtemp(join(tmpdir(), 'attache-e2e-'));
    host = await startWebHost(dataDir);
    const { viewport, locale, acceptDownloads } = testInfo.project.use;
    page = await (await browser.newContext({ viewport, locale, acceptDownloads })).newPage();
    requests = recordRequests(page);
    csp = await watchCsp(page);
  });
  test.afterAll(async () => {
    await page?.context().close();
    await host?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  return {
    get page() {
      return page!;
    },
    get host() {
      return host!;
    },
    get requests() {
      return requests;
    },
    cspViolations: () => csp(),
  };
}

/** The app starts on the dashboard (after setup, unlock or a load without a route). */
export async function expectDashboard(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();
}

/** Opens the case list from the main navigation, as a user does from the dashboard. */
export async function openCases(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Cases' }).click();
  await expect(page.getByRole('heading', { name: 'Advisory cases', level: 1 })).toBeVisible();
}
