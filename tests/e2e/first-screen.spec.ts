/**
 * The first screen (issue 14, "the first screen in a blink"): a list the window has drawn and left
 * at rest is handed to the backend; the next page load paints it before any of the app's code has
 * run, and the app's own rows replace it the moment they are drawn — the same pixels, nothing left
 * over, no CSP violation. A save in between and the page loads without it.
 */
import { writeFile } from 'node:fs/promises';
import type { Page, Route } from '@playwright/test';
import { differingPixels, expect, test, expectDashboard, watchCsp } from './fixtures';

const FIRST_ROW = '[role="grid"] [role="row"][aria-rowindex="2"]:not([aria-busy])';

/** The people list by the sidebar, until its first rows are drawn. */
async function openPeople(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  await page.locator(FIRST_ROW).first().waitFor();
}

/** Until the window has handed over a screen the backend kept. */
function handedOver(page: Page) {
  return page.waitForResponse(async (r) => r.url().includes('/api/firstScreen.keep') && ((await r.json()) as { data?: { kept?: boolean } }).data?.kept === true);
}

/** The sample workspace's people list, drawn, at rest and handed over as the next page's first screen. */
async function samplePeopleHandedOver(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Open the sample workspace' }).click();
  await expectDashboard(page);
  const kept = handedOver(page);
  await openPeople(page);
  await kept;
}

/** Holds every script and style sheet of the app (not first-screen.js) until `release` is called. */
async function holdAppCode(page: Page): Promise<() => Promise<void>> {
  const held: Route[] = [];
  let released = false;
  await page.route(/\/assets\/.*\.(js|css)$/, (route) => (released ? route.continue() : void held.push(route)));
  return async () => {
    released = true;
    await Promise.all(held.splice(0).map((r) => r.continue()));
  };
}

test('the people list paints from the first screen before the app has loaded, and the app takes over in place', async ({ page, host, browser }) => {
  await samplePeopleHandedOver(page, host.url);
  const firstName = (await page.locator(FIRST_ROW).first().getByRole('gridcell').nth(1).textContent())!.trim();
  expect(firstName.length).toBeGreaterThan(0);

  const context = await browser.newContext({ viewport: page.viewportSize()! });
  const next = await context.newPage();
  const csp = await watchCsp(next);
  const svgs: string[] = [];
  next.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.svg')) svgs.push(path);
  });
  const release = await holdAppCode(next);
  await next.goto(host.url + '#/contacts', { waitUntil: 'commit' });
  // Painted with no app code and none of its style sheets: the screen is over the page, inert and hidden from assistive technology.
  const overlay = next.locator('#first-screen-host[data-shown]');
  await expect(overlay).toHaveCount(1);
  await expect(overlay).toHaveAttribute('aria-hidden', 'true');
  expect(await overlay.evaluate((el) => (el as HTMLElement).inert)).toBe(true);
  expect(await next.locator('#root').innerHTML()).toBe('');
  expect(await next.locator('#first-screen').innerHTML()).toContain(firstName);
  // Only the rows in view were taken: none of those the list draws ahead below its visible part.
  const inView = await page.locator('[role="grid"]').first().evaluate((grid) => {
    const bottom = grid.getBoundingClientRect().bottom;
    return [...grid.querySelectorAll('[role="row"]')].filter((row) => row.getBoundingClientRect().top < bottom).length;
  });
  expect(await page.locator('[role="grid"] [role="row"]').count()).toBeGreaterThan(inView);
  expect(await next.locator('#first-screen').evaluate((t) => (t as HTMLTemplateElement).content.querySelectorAll('[role="row"]').length)).toBe(inView);
  // Nothing in it to fetch: the brand mark is drawn inline (components/BrandMark.tsx), not an <img>.
  expect(await next.locator('#first-screen').evaluate((t) => [(t as HTMLTemplateElement).content.querySelectorAll('img').length, (t as HTMLTemplateElement).content.querySelectorAll('.brand svg').length])).toEqual([0, 1]);
  // Its rows are where the app draws them, pixel for pixel.
  const grid = await page.locator('[role="grid"]').first().boundingBox();
  const clip = { x: grid!.x, y: grid!.y, width: grid!.width, height: Math.min(grid!.height, 240) };
  const painted = await next.screenshot({ clip });
  // And the sidebar, with its keyboard hint (a rule the CSSOM writes short: taken from the sheet's text).
  const nav = await page.getByRole('navigation', { name: 'Main navigation' }).boundingBox();
  const navClip = { x: nav!.x, y: nav!.y, width: nav!.width, height: Math.min(nav!.height, 400) };
  const paintedNav = await next.screenshot({ clip: navClip });
  const blank = await (async () => {
    const empty = await context.newPage();
    await empty.route(/\/assets\/.*\.js$/, () => undefined);
    await empty.goto(host.url.replace(/\?token=.*$/, '') + '#/contacts', { waitUntil: 'commit' });
    const shot = await empty.screenshot({ clip });
    await empty.close();
    return shot;
  })();
  expect(painted.equals(blank), 'the first screen paints something').toBe(false);
  // The whole window too: header, filters, buttons and the empty detail pane, each with only the rules the screen took.
  const whole = await next.screenshot();

  await release();
  // The app's own rows replace it; nothing of it is left, and the app is the one thing on the page.
  await next.locator(FIRST_ROW).first().waitFor();
  await expect(overlay).toHaveCount(0);
  await expect(next.getByRole('grid')).toHaveCount(1);
  // Pixel for pixel once the app has settled (its filter menus mount just after its rows). Compared
  // as bytes: a failing deep equality of two PNGs would print a diff of every byte.
  const same = async (what: string, shot: Buffer, taken: () => Promise<Buffer>, alike = (a: Buffer, b: Buffer) => a.equals(b)) => {
    let last = shot;
    try {
      await expect.poll(async () => alike((last = await taken()), shot), { message: `${what}: the app draws what the first screen painted` }).toBe(true);
    } catch (error) {
      await writeFile(test.info().outputPath(`${what} - first screen.png`), shot);
      await writeFile(test.info().outputPath(`${what} - the app.png`), last);
      throw error;
    }
  };
  await same('the rows', painted, () => next.screenshot({ clip }));
  await same('the sidebar', paintedNav, () => next.screenshot({ clip: navClip }));
  // The whole window alike to the eye (a few rounded corners of the filters come out one level apart).
  await same('the window', whole, () => next.screenshot(), (a, b) => differingPixels(a, b) === 0);
  expect(await csp()).toEqual([]);
  // No SVG picture anywhere in the load (each costs the page an isolated document on its main
  // thread): the mark is drawn inline, the tab's icon is a PNG.
  expect(svgs).toEqual([]);
  await context.close();
});

test('after a save the next page loads without the old first screen', async ({ page, host, browser }) => {
  await samplePeopleHandedOver(page, host.url);
  // The window closes (so nothing hands over a newer screen), then a save: the kept screen no longer shows the data published.
  await page.close();
  const token = new URL(host.url).searchParams.get('token')!;
  const saved = await fetch(`${host.origin}/api/contacts.create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Attache-Token': token },
    body: JSON.stringify({ contact: { givenName: 'Wanjiru', familyName: 'Kamau' }, positions: [] }),
  });
  expect(((await saved.json()) as { ok: boolean }).ok).toBe(true);

  const next = await (await browser.newContext()).newPage();
  await holdAppCode(next);
  const response = await next.goto(host.url + '#/contacts', { waitUntil: 'commit' });
  expect(await response!.text()).not.toContain('id="first-screen"');
  await next.context().close();
});
