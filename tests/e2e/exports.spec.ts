// Why this file exists: the export journey as a person makes it — filter the people list, choose the
// columns, export it to CSV by keyboard, and read the downloaded file: exactly the filtered rows, in the
// list's order, with the shown columns. Then a person's "Export what we hold" zip. axe checks the open
// Export menu in light and dark.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { expect, expectAccessible, foreignRequests, recordRequests, test } from './fixtures';

test('filter the people list, export it to CSV and read the file: exactly the rows and columns shown', async ({ page, host }, testInfo) => {
  const requests = recordRequests(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open the sample workspace' }).click();
  await expect(page.getByRole('heading', { name: 'Advisory cases' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  const region = page.getByRole('region', { name: 'People' });
  const grid = page.getByRole('grid', { name: 'List of people' });
  await expect(page.getByText('120 people')).toBeVisible();

  // Filter: people in Kenya.
  const country = region.getByRole('combobox', { name: 'Country' });
  await country.fill('kenya');
  await page.getByRole('option', { name: /Kenya/ }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText('8 people')).toBeVisible();
  await expect(grid.getByRole('row')).toHaveCount(9);

  // Show the e-mail column too.
  await region.getByRole('button', { name: 'Columns' }).click();
  const email = page.getByRole('menuitem', { name: 'E-mail' });
  await email.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(grid.getByRole('columnheader', { name: 'E-mail' })).toBeVisible();
  const headers = (await grid.getByRole('columnheader').allInnerTexts()).map((h) => h.trim()).filter(Boolean);
  expect(headers).toContain('E-mail');
  const shownNames = (await grid.getByRole('row').allInnerTexts()).slice(1).map((r) => r.split('\n')[0]!.trim());
  expect(shownNames).toHaveLength(8);

  // Export by keyboard: the menu opens on Enter, the arrow keys reach CSV, Enter starts the job.
  const exportButton = region.getByRole('button', { name: 'Export this list' });
  await exportButton.focus();
  await page.keyboard.press('Enter');
  const csvItem = page.getByRole('menuitem', { name: /^CSV/ });
  await expect(csvItem).toBeVisible();
  await expectAccessible(page, 'export menu');
  for (let i = 0; i < 6 && !(await csvItem.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
  await expect(csvItem).toBeFocused();
  const downloading = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^people-\d{4}-\d{2}-\d{2}\.csv$/);
  const path = join(testInfo.outputPath(), download.suggestedFilename());
  await download.saveAs(path);
  await expect(page.getByText(`“${download.suggestedFilename()}” downloaded.`)).toBeVisible();
  // Focus stays on the Export button after the menu closes and the job ends.
  await expect(exportButton).toBeFocused();

  const bytes = await readFile(path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const parsed = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { delimiter: ',', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  const [header, ...rows] = parsed.data;
  expect(header).toEqual(headers);
  expect(rows.map((r) => r[0])).toEqual(shownNames);
  const emailColumn = header!.indexOf('E-mail');
  for (const r of rows) expect(r[emailColumn]).toMatch(/@/);
  expect(foreignRequests(requests)).toEqual([]);
});

test('a person’s page exports what we hold as a zip of a PDF and a JSON', async ({ page, host }, testInfo) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open the sample workspace' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'People' }).click();
  const grid = page.getByRole('grid', { name: 'List of people' });
  await grid.getByRole('row').nth(1).click();
  const title = page.locator('#contact-title');
  await expect(title).toBeVisible();
  const name = (await title.innerText()).trim();
  const toolbar = page.getByRole('toolbar', { name: 'Actions for this person' });
  await toolbar.getByRole('button', { name: 'Export' }).click();
  const item = page.getByRole('menuitem', { name: /Export what we hold/ });
  await expect(item).toBeVisible();
  await expectAccessible(page, 'person export menu');
  const downloading = page.waitForEvent('download');
  await item.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^subject-access-.*\.zip$/);
  const path = join(testInfo.outputPath(), download.suggestedFilename());
  await download.saveAs(path);
  const entries = unzipSync(await readFile(path));
  const jsonName = Object.keys(entries).find((n) => n.endsWith('.json'))!;
  expect(Object.keys(entries).some((n) => n.endsWith('.pdf'))).toBe(true);
  const data = JSON.parse(strFromU8(entries[jsonName]!)) as { subject: { name: string } };
  expect(name).toContain(data.subject.name);
});
