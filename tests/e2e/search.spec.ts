// Search over everything, in real Chromium on the sample workspace: Ctrl+K finds a trip's agenda
// item by a word of its talking points and opens the trip at that item (focused); "Show all" leads
// to the search screen, where a kind filter narrows the hits and the matched words are marked;
// folding finds "Łódź" as "lodz"; axe finds nothing in light and dark.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, expectDashboard, test } from './fixtures';

async function openSample(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Open the sample workspace' }).click();
  await expectDashboard(page);
}

async function openPalette(page: Page) {
  await page.keyboard.press('Control+k');
  // Typed only once the palette's field has focus, as a person waits for it to open.
  await expect(page.getByRole('textbox', { name: 'Go to' })).toBeFocused();
}

test('Ctrl+K finds an agenda item by a word of its talking points and opens it in its trip', async ({ page, host }) => {
  await openSample(page, host.url);
  await openPalette(page);
  // "co-funding" is only in the talking points of the meeting at the drylands institute.
  await page.keyboard.type('co-funding realistic');
  const palette = page.getByRole('dialog', { name: 'Go to' });
  // Grouped by kind, each group named with its count.
  const hit = palette.getByRole('group', { name: 'Agenda items (1)' }).getByRole('button', { name: /East African Institute for Drylands Research/ });
  await expect(hit).toBeVisible();
  // The matched words are marked in the words around them.
  await expect(hit.locator('mark').first()).toHaveText(/co/i);
  await expectAccessible(page, 'palette with an agenda item found by its talking points');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  const item = page.getByRole('heading', { name: 'East African Institute for Drylands Research', level: 5 });
  await expect(item).toBeFocused();
  await expect(page.getByRole('tab', { name: /Agenda/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: /Director-General’s delegation to Nairobi and Accra/, level: 2 })).toBeVisible();
});

test('"Show all" opens the search screen; a kind filter narrows it; folded words match', async ({ page, host }) => {
  await openSample(page, host.url);
  await openPalette(page);
  await page.keyboard.type('nairobi');
  const palette = page.getByRole('dialog', { name: 'Go to' });
  const showAll = palette.getByRole('button', { name: /^Show all \d+ results$/ });
  await expect(showAll).toBeVisible();
  const total = Number((await showAll.textContent())!.match(/\d+/)![0]);
  await showAll.click();
  await expect(page.getByRole('heading', { name: 'Search', level: 1 })).toBeFocused();
  await expect(page.getByText(`${total} results`)).toBeVisible();
  const kinds = page.getByRole('group', { name: 'Kinds' });
  await expect(kinds.getByText(`All (${total})`)).toBeVisible();
  // Narrow to trips by keyboard: the count on the chip is the number of results then.
  const trips = kinds.getByText(/^Trips \(\d+\)$/);
  const tripCount = Number((await trips.textContent())!.match(/\d+/)![0]);
  await trips.click();
  await expect(page).toHaveURL(/kind=trip/);
  await expect(page.getByText(tripCount === 1 ? '1 result' : `${tripCount} results`)).toBeVisible();
  const results = page.getByRole('list', { name: 'Search' });
  await expect(results.getByRole('listitem')).toHaveCount(tripCount);
  await expect(results.getByRole('link', { name: /Director-General’s delegation to Nairobi and Accra/ })).toBeVisible();
  await expectAccessible(page, 'search screen filtered to trips');

  // Folding: "lodz" finds Łódź, marked as written.
  const field = page.getByRole('searchbox', { name: 'Search for' });
  await field.fill('lodz');
  await expect(page).toHaveURL(/q=lodz/);
  await kinds.getByText(/^All \(\d+\)$/).click();
  const mark = results.locator('mark').first();
  await expect(mark).toHaveText('Łódź');
  // Open a hit by keyboard: its screen's heading.
  const first = results.getByRole('link').first();
  const name = (await first.textContent())!;
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
});
