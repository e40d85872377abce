/**
 * The list and the detail share the window by what they show, at the widths advisors work at
 * (1440 and 1024 px): no column clipped to unreadable, dates on one line, the record's tabs in one
 * row, a divider to move (by mouse and keyboard, remembered), and a new or opened record that
 * starts at its top (issue 9, defects 6 and 9).
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test, expectDashboard, openCases } from './fixtures';

async function openSample(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Open the sample workspace' }).click();
  await expectDashboard(page);
  await openCases(page);
  await expect(page.getByText('25 cases')).toBeVisible();
}

/** Whether the element shows all its content: nothing cut off sideways or below. */
const fits = (cell: Locator) => cell.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1);

const listShare = (page: Page) => page.getByRole('separator', { name: 'Resize list and details' }).getAttribute('aria-valuenow').then(Number);

for (const [width, height, titleMin] of [
  [1440, 900, 220],
  [1024, 768, 170],
] as const) {
  test(`at ${width} px a case beside the list: readable columns, one row of tabs, a divider that is remembered`, async ({ page, host }) => {
    await page.setViewportSize({ width, height });
    await openSample(page, host.url);
    const grid = page.getByRole('grid', { name: 'Case list' });
    await grid.getByRole('row').nth(1).click();
    const detail = page.getByRole('region', { name: 'Case details' });
    await expect(detail.getByRole('tab', { name: 'Overview' })).toBeVisible();

    // The title column keeps room for a title; dates, status and task counts are never cut or wrapped.
    const titleCell = grid.getByRole('row').nth(1).getByRole('gridcell').nth(1);
    expect((await titleCell.boundingBox())!.width).toBeGreaterThanOrEqual(titleMin);
    const rows = grid.getByRole('row');
    const count = Math.min(await rows.count(), 12);
    for (let i = 1; i < count; i++) {
      const cells = rows.nth(i).getByRole('gridcell');
      for (const column of [0, 2, 4, 5]) expect(await fits(cells.nth(column)), `row ${i}, column ${column}`).toBe(true);
    }

    // The record's tabs stay in one row, and the detail pane keeps a readable width.
    const tabs = detail.getByRole('tab');
    const tops = new Set<number>();
    for (let i = 0; i < (await tabs.count()); i++) tops.add(Math.round((await tabs.nth(i).boundingBox())!.y));
    expect(tops.size).toBe(1);
    expect((await detail.boundingBox())!.width).toBeGreaterThanOrEqual(460);

    // The divider moves with the keyboard and the mouse, and the choice outlives a reload.
    const divider = page.getByRole('separator', { name: 'Resize list and details' });
    const before = await listShare(page);
    await divider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => listShare(page)).toBeLessThan(before);
    const box = (await divider.boundingBox())!;
    const listBefore = (await page.getByRole('region', { name: 'Advisory cases' }).boundingBox())!.width;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 60, box.y + 200, { steps: 4 });
    await page.mouse.up();
    await expect.poll(async () => (await page.getByRole('region', { name: 'Advisory cases' }).boundingBox())!.width).toBeLessThan(listBefore - 40);
    const chosen = await listShare(page);
    await page.reload();
    await expect(detail.getByRole('tab', { name: 'Overview' })).toBeVisible();
    expect(await listShare(page)).toBe(chosen);
  });
}

test('a created or newly opened record starts at its top, not at the long form’s scroll position', async ({ page, host }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await openSample(page, host.url);
  const pane = page.getByRole('region', { name: 'Case details' });
  const scrollTop = () => pane.evaluate((el) => el.scrollTop);

  await page.getByRole('button', { name: 'New case' }).click();
  const form = page.getByRole('form', { name: 'New case' });
  await form.getByLabel('Title').fill('Long-form regression: scrolled create');
  // Scroll down to the form's buttons, as someone filling in the long form would.
  await form.getByRole('button', { name: 'Create' }).scrollIntoViewIfNeeded();
  expect(await scrollTop()).toBeGreaterThan(100);
  await form.getByRole('button', { name: 'Create' }).click();

  // The "created" notification stands clear of the detail pane and its actions (defect 10). Looked
  // at first: it closes itself after four seconds, which a loaded machine can spend on the checks below.
  const toast = page.getByRole('alert').filter({ hasText: /created/ });
  await expect(toast).toBeVisible();
  const toastBox = (await toast.boundingBox())!;
  const paneBox = (await pane.boundingBox())!;
  expect(toastBox.x + toastBox.width).toBeLessThanOrEqual(paneBox.x);

  const heading = page.getByRole('heading', { name: 'Long-form regression: scrolled create', level: 2 });
  await expect(heading).toBeVisible();
  expect(await scrollTop()).toBe(0);
  await expect(heading).toBeInViewport();

  // Scroll down a record, open another from the list: it starts at its top too.
  await pane.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  expect(await scrollTop()).toBeGreaterThan(100);
  await page.getByRole('grid', { name: 'Case list' }).getByRole('row', { name: /AC-2026-021/ }).click();
  await expect(page.getByRole('heading', { name: /Funding line for a joint AI project/, level: 2 })).toBeInViewport();
  expect(await scrollTop()).toBe(0);
});
