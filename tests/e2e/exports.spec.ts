// Why this file exists: the export journey as a person makes it — filter the people list, choose the
// columns, export it to CSV by keyboard, and read the downloaded file: exactly the filtered rows, in the
// list's order, with the shown columns. Then a person's "Export what we hold" zip. A PDF report asks its
// classification, and a long export (a 4,000-row report) is cancelled by keyboard: no file arrives and
// focus goes back to the Export button. axe checks the open Export menu and the dialog in light and dark.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { expect, expectAccessible, foreignRequests, recordRequests, startWebHost, test, expectDashboard } from './fixtures';

test('filter the people list, export it to CSV and read the file: exactly the rows and columns shown', async ({ page, host }, testInfo) => {
  const requests = recordRequests(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open the sample workspace' }).click();
  await expectDashboard(page);
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

test('a PDF report asks its classification; a long export is cancelled by keyboard and leaves no file', async ({ browser }) => {
  // A workspace with 4,000 people (the report of all of them takes seconds to lay out).
  const dataDir = await mkdtemp(join(tmpdir(), 'attache-e2e-'));
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tests/e2e/seed-workspace.ts', dataDir, '4000'], { stdio: 'inherit' });
  const host = await startWebHost(dataDir);
  const context = await browser.newContext({ viewport: { width: 1400, height: 880 }, locale: 'en-GB', acceptDownloads: true });
  const page = await context.newPage();
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  try {
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'People' }).click();
    await expect(page.getByText('4,000 people')).toBeVisible();
    const region = page.getByRole('region', { name: 'People' });
    const exportButton = region.getByRole('button', { name: 'Export this list' });
    await exportButton.click();
    await page.getByRole('menuitem', { name: /^PDF report/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Export a PDF report' });
    const internal = dialog.getByRole('radio', { name: 'Internal' });
    await expect(internal).toBeChecked();
    await expect(internal).toBeFocused();
    await expectAccessible(page, 'PDF report: classification');
    await page.screenshot({ path: test.info().outputPath('pdf-classification.png') });
    // The request that starts the job waits until Cancel is pressed, so the job cannot end first:
    // the window then cancels it the moment the backend names it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let requested: { classification?: string } | null = null;
    await page.route('**/api/exports.list', async (route) => {
      requested = route.request().postDataJSON() as { classification?: string };
      await held;
      await route.continue();
    });
    // By keyboard: the arrow key moves the choice to Confidential; Enter exports.
    await page.keyboard.press('ArrowDown');
    await expect(dialog.getByRole('radio', { name: 'Confidential' })).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(exportButton).toBeFocused();
    const cancel = region.getByRole('button', { name: 'Cancel export' });
    await expect(cancel).toBeVisible();
    // (No axe run here: the running export's spinner never settles, and the check waits for settled animations.)
    await page.screenshot({ path: test.info().outputPath('export-running.png') });
    await page.keyboard.press('Tab');
    await expect(cancel).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(exportButton).toBeFocused();
    release();
    await expect(page.getByText('The export was cancelled; no file was written.')).toBeVisible();
    expect(requested).toMatchObject({ format: 'pdf', classification: 'confidential' });
    await expect(cancel).toBeHidden();
    await expect(exportButton).toBeFocused();
    await expect(exportButton).toHaveAttribute('aria-busy', 'false');
    expect(downloads).toEqual([]);
  } finally {
    await context.close();
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
