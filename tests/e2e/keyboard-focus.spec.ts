// Where keyboard focus lands, in real Chromium: after a jump through the command palette and after
// creating a record it is on the new screen's heading (what a screen reader then reads), never on the
// page body; and the export shortcut does on a trip what it does on a case.
import type { Page } from '@playwright/test';
import { expectAccessible, expect, test, expectDashboard } from './fixtures';

/** The focused element, described well enough to compare: its tag, level and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}: ${el.textContent?.trim() ?? ''}` : 'nothing';
  });

async function openSample(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Open the sample workspace' }).click();
  await expectDashboard(page);
}

test('after a jump through the palette, focus is on the new screen’s heading', async ({ page, host }) => {
  await openSample(page, host.url);

  // Ctrl+K to a list: focus on its heading, so Tab goes on from the top of the new screen.
  await page.keyboard.press('Control+k');
  // Typed only once the palette's field has focus, as a person waits for it to open.
  await expect(page.getByRole('textbox', { name: 'Go to' })).toBeFocused();
  await page.keyboard.type('People');
  await page.keyboard.press('Enter');
  const people = page.getByRole('heading', { name: 'People', level: 1 });
  await expect(people).toBeFocused();
  expect(await focused(page)).toBe('h1: People');

  // Ctrl+K to a record: focus on its title once it has loaded.
  await page.keyboard.press('Control+k');
  // Typed only once the palette's field has focus, as a person waits for it to open.
  await expect(page.getByRole('textbox', { name: 'Go to' })).toBeFocused();
  await page.keyboard.type('Drylands research network');
  // The case itself, in the palette's group of cases (a timeline entry of the case names it too).
  const hit = page.getByRole('dialog', { name: 'Go to' }).getByRole('group', { name: /^Cases \(/ }).getByRole('button', { name: /Drylands research network in Kenya/ });
  await expect(hit).toBeVisible();
  await page.keyboard.press('Enter');
  const record = page.getByRole('heading', { name: 'Drylands research network in Kenya', level: 2 });
  await expect(record).toBeFocused();
  await expectAccessible(page, 'case reached through the palette, its heading focused');
});

test('after Create and after Ctrl+S, focus is on the record’s heading', async ({ page, host }) => {
  await openSample(page, host.url);

  // Create: focus on the new record's heading, not on the body the form left behind.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Organisations' }).click();
  await page.getByRole('button', { name: 'New organisation' }).click();
  await page.getByRole('textbox', { name: /^Name/ }).fill('Weser Technical University');
  await page.getByRole('button', { name: 'Create' }).click();
  const created = page.getByRole('heading', { name: 'Weser Technical University', level: 2 });
  await expect(created).toBeFocused();
  expect(await focused(page)).toBe('h2: Weser Technical University');

  // Ctrl+S saves the editor from inside a field; focus then on the saved record's heading.
  await page.getByRole('article').getByRole('button', { name: 'Edit' }).click();
  await page.getByRole('textbox', { name: /^Name/ }).fill('Weser University of Technology');
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('heading', { name: 'Weser University of Technology', level: 2 })).toBeFocused();
});

test('Ctrl+Shift+E on a trip exports its briefing book, as it exports the briefing on a case', async ({ page, host }) => {
  await openSample(page, host.url);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Delegation trips' }).click();
  const grid = page.getByRole('grid', { name: 'Trip list' });
  await grid.getByRole('row').nth(1).click();
  await expect(page.getByRole('article').getByRole('heading', { level: 2 })).toBeVisible();

  // A guard against a hang, not a speed check: the book takes a few seconds on a busy machine.
  const download = page.waitForEvent('download', { timeout: 90_000 });
  await page.keyboard.press('Control+Shift+E');
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
});
