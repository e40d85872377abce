/**
 * The import journey in the browser: an Outlook-style CSV (Windows-1252, semicolons, German
 * headers) with a duplicate, through the mapping screen and the preview, one duplicate merged and
 * the rest skipped, the report downloaded, the people seen in the list, and the import undone with
 * Ctrl+Z; then a 2 MB file read by the built app's reading thread. Axe checks every step in light
 * and dark.
 */
import { readFile } from 'node:fs/promises';
import { csv, peopleCsv, windows1252 } from '../fixtures/imports';
import { expectAccessible, foreignRequests, journey, test, expect } from './fixtures';

/** reader.ts WORKER_FROM_TEXT_BYTES: from this size a CSV is read in the worker thread (not imported here: the spec stays out of the backend). */
const WORKER_FROM_TEXT_BYTES = 1024 * 1024;

const rows = [
  ['Anrede', 'Vorname', 'Nachname', 'Firma', 'Position', 'E-Mail-Adresse', 'Land/Region geschäftlich', 'Notizen'],
  ['Frau', 'Anna', 'Müller', 'Société Générale', 'Leiterin', 'anna.mueller@example.ch', 'Schweiz', 'Budget 5 000 €'],
  ['Herr', 'Jürgen', 'Weiß', 'Universität Zürich', 'Professor', 'juergen.weiss@example.ch', 'Schweiz', ''],
  ['Frau', 'Anna', 'Müller-Roth', 'Société Générale', 'Leiterin', 'ANNA.MUELLER@example.ch', 'Schweiz', 'Neuer Name'], // same e-mail as row 1
  ['Herr', 'Jürgen', 'Weiß', 'Universität Zürich', 'Dekan', '', 'Schweiz', ''], // same name at the same organisation as row 2
  ['Frau', 'Li', 'Wei', 'Université Laval', 'Dean', 'li.wei@example.ca', 'Kanada', '=HYPERLINK("x")'],
];

test.describe('an advisor imports an Outlook export, resolves duplicates, and undoes it', () => {
  const j = journey();

  test('choose the file from the People list; the columns are proposed', async () => {
    const { page } = j;
    await page.goto(j.host.url);
    await page.getByRole('button', { name: 'Start empty' }).click();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Import…' }).click();
    await expect(page.getByRole('heading', { name: 'Import people and organisations', level: 1 })).toBeFocused();
    await expectAccessible(page, 'import: choose a file');

    await page.locator('input[type=file]').setInputFiles({ name: 'Outlook-Kontakte.csv', mimeType: 'text/csv', buffer: Buffer.from(windows1252(csv(rows, ';'))) });
    const heading = page.getByRole('heading', { name: 'Columns: Outlook-Kontakte.csv', level: 2 });
    await expect(heading).toBeFocused();
    await expect(page.getByText('5 rows · CSV, Windows-1252, separated by semicolons')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Field for column “Vorname”' })).toHaveValue('Given name');
    await expect(page.getByRole('combobox', { name: 'Field for column “E-Mail-Adresse”' })).toHaveValue('E-mail');
    await expect(page.getByRole('combobox', { name: 'Field for column “Land/Region geschäftlich”' })).toHaveValue('Country');
    await expectAccessible(page, 'import: mapping');
  });

  test('change a column by keyboard, see the preview with its duplicates, merge one and skip the other', async () => {
    const { page } = j;
    // Notes are not wanted this time: the field goes to "(do not import)", by keyboard.
    const notes = page.getByRole('combobox', { name: 'Field for column “Notizen”' });
    await notes.focus();
    await notes.fill('do not');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(notes).toHaveValue('(do not import)');
    await page.getByRole('button', { name: 'Next' }).click();

    await expect(page.getByRole('heading', { name: 'Preview', level: 2 })).toBeFocused();
    await expect(page.getByText('Ready: 5 · with errors (skipped): 0 · possible duplicates: 2 · new organisations: 3')).toBeVisible();
    const table = page.getByRole('table', { name: 'Preview of the rows as they will be stored' });
    await expect(table.locator('tr[data-row="3"]')).toContainText('Duplicate of row 1, Anna Müller (same e-mail)');
    await expect(table.locator('tr[data-row="4"]')).toContainText('Duplicate of row 2, Jürgen Weiß (same name at the same organisation)');
    await expect(table.locator('tr[data-row="5"]')).toContainText('Université Laval');
    await expectAccessible(page, 'import: preview');

    // The button counts what will be imported: both duplicates are skipped for now.
    await expect(page.getByRole('button', { name: 'Import 3 of 5 rows' })).toBeVisible();
    const row3 = page.getByRole('combobox', { name: 'What to do with row 3' });
    await expect(row3).toHaveValue('Skip');
    await row3.click();
    await page.getByRole('option', { name: 'Update the existing record' }).click();
    await expect(row3).toHaveValue('Update the existing record');

    await page.getByRole('button', { name: 'Import 4 of 5 rows' }).click();
    await expect(page.getByRole('heading', { name: '4 created, 0 updated, 1 skipped.', level: 2 })).toBeFocused();
    await expect(page.getByText('3 organisations and 3 positions created.', { exact: false })).toBeVisible();
    await expectAccessible(page, 'import: done');
  });

  test('download the report', async () => {
    const { page } = j;
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the report (CSV)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Outlook-Kontakte-import-report.csv');
    const text = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    expect(text.split('\r\n').slice(0, 6)).toEqual([
      'Row,Outcome,Record,Reason',
      '1,created,Anna Müller,',
      '2,created,Jürgen Weiß,',
      '3,created,Anna Müller-Roth,merged into the record of row 1',
      '4,skipped,Jürgen Weiß,same name at the same organisation as Jürgen Weiß',
      '5,created,Li Wei,',
    ]);
  });

  test('see the people in the list, then undo the import with Ctrl+Z', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Show the people' }).click();
    await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
    const list = page.getByRole('grid', { name: 'List of people' }).or(page.getByRole('table', { name: 'List of people' }));
    await expect(list.getByText('Anna Müller-Roth')).toBeVisible();
    await expect(list.getByText('Li Wei')).toBeVisible();
    await expect(page.getByText('3 people')).toBeVisible();
    await page.getByRole('heading', { name: 'People', level: 1 }).focus();
    await page.keyboard.press('Control+z');
    await expect(page.getByText('Restored: the state before importing Outlook-Kontakte.csv')).toBeVisible();
    await expect(page.getByText('No people yet.', { exact: false })).toBeVisible();
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Organisations' }).click();
    await expect(page.getByText('No organisations yet.')).toBeVisible();
    expect(foreignRequests(j.requests)).toEqual([]);
    expect(await j.cspViolations()).toEqual([]);
  });

  test('a large file (2 MB) is read by the built app’s reading thread', async () => {
    const { page } = j;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'People' }).click();
    await page.getByRole('button', { name: 'Import…' }).click();
    const bytes = peopleCsv(20_000);
    expect(bytes.length).toBeGreaterThan(WORKER_FROM_TEXT_BYTES); // read in dist/workers/import-read.cjs, or not at all
    await page.locator('input[type=file]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(bytes) });
    await expect(page.getByRole('heading', { name: 'Columns: people.csv', level: 2 })).toBeFocused();
    await expect(page.getByText('20,000 rows · CSV, UTF-8, separated by commas')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Field for column “E-mail Address”' })).toHaveValue('E-mail');
  });
});
