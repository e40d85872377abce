/**
 * Importing cooperations in real Chromium against the web host (issue 13): a CSV as German Excel
 * saves it (tests/fixtures/cooperations-excel-de.csv: UTF-8 with BOM, semicolons, CRLF, German
 * headers, a decimal comma, a quoted field with a semicolon), chosen from the Cooperations list; the
 * German headers are proposed as fields, the preview shows what will be stored, the row with an
 * impossible date is marked with its field and reason and skipped, the existing cooperation of the
 * same title is left as it was; the imported cooperations are in the list, one opens with its
 * partner organisations. Axe checks the preview and the detail in light and dark.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { callApi, expect, expectAccessible, expectDashboard, foreignRequests, journey, test } from './fixtures';

const FIXTURE = fileURLToPath(new URL('../fixtures/cooperations-excel-de.csv', import.meta.url));

test.describe('an advisor imports cooperations from an Excel CSV; a bad row is explained and nothing is lost', () => {
  const j = journey();

  test('the file is chosen from the Cooperations list; its German columns are proposed', async () => {
    const { page } = j;
    await page.goto(j.host.url);
    await page.getByRole('button', { name: 'Start empty' }).click();
    await expectDashboard(page);
    // What is there before: our institute, a partner and a cooperation the file names again.
    const ioer = await callApi<{ id: string }>(page, j.host.url, 'organisations.create', { name: 'Institute of Ecological Research', kind: 'researchInstitute', country: 'DE' });
    const legon = await callApi<{ id: string }>(page, j.host.url, 'organisations.create', { name: 'University of Ghana', kind: 'university', country: 'GH' });
    await callApi(page, j.host.url, 'cooperations.create', { title: 'Coastal adaptation in West Africa', institutes: [ioer.id], partners: [legon.id], status: 'running', notes: 'Kept as it is.' });

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Cooperations' }).click();
    await expect(page.getByRole('heading', { name: 'Cooperations', level: 1 })).toBeVisible();
    await page.getByRole('button', { name: 'Import…' }).click();
    await expect(page.getByRole('heading', { name: 'Import people and organisations', level: 1 })).toBeFocused();

    const bytes = await readFile(FIXTURE);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel writes
    await page.locator('input[type=file]').setInputFiles({ name: 'Kooperationen.csv', mimeType: 'text/csv', buffer: bytes });
    await expect(page.getByRole('heading', { name: 'Columns: Kooperationen.csv', level: 2 })).toBeFocused();
    await expect(page.getByText('5 rows · CSV, UTF-8 (BOM), separated by semicolons')).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Cooperations' })).toBeChecked();
    await expect(page.getByRole('combobox', { name: 'Field for column “Titel”' })).toHaveValue('Title');
    await expect(page.getByRole('combobox', { name: 'Field for column “Unsere Institute”' })).toHaveValue('Our institutes');
    await expect(page.getByRole('combobox', { name: 'Field for column “Partnerorganisationen”' })).toHaveValue('Partner organisations');
    await expect(page.getByRole('combobox', { name: 'Field for column “Beginn”' })).toHaveValue('Start');
  });

  test('the preview shows the rows as they will be stored; the impossible date is an error with its field', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(page.getByRole('heading', { name: 'Preview', level: 2 })).toBeFocused();
    const table = page.getByRole('table', { name: 'Preview of the rows as they will be stored' });
    const row = (title: string) => table.getByRole('row').filter({ hasText: title });
    await expect(row('Mangroven-Monitoring')).toContainText('Applied');
    await expect(row('Mangroven-Monitoring')).toContainText('University of Nairobi; Université Cheikh Anta Diop');
    await expect(row('Küstenanpassung in Westafrika')).toContainText('Running');
    // 31 February: marked as an error, naming the field, and skipped.
    const bad = row('Falsches Datum');
    await expect(bad).toContainText('Error');
    await expect(bad).toContainText(/Start: \S/);
    // The title already in the workspace is a duplicate, skipped unless chosen otherwise.
    await expect(row('Coastal adaptation in West Africa')).toContainText('Duplicate of Coastal adaptation in West Africa (same title)');
    await expectAccessible(page, 'cooperations import: preview');
  });

  test('importing stores the good rows and skips the bad one and the duplicate', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Import 3 of 5 rows' }).click();
    await expect(page.getByRole('heading', { name: '3 created, 0 updated, 2 skipped.', level: 2 })).toBeFocused();

    // The report says why each skipped row was skipped (the field as the importer names it: today its key, `start`).
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the report (CSV)' }).click();
    const report = (await readFile((await (await downloading).path())!, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(report.find((l) => l.startsWith('4,'))).toMatch(/^4,skipped,Falsches Datum,invalid value in start/i);
    expect(report.find((l) => l.startsWith('5,'))).toMatch(/^5,skipped,Coastal adaptation in West Africa,same title as/);
  });

  test('the imported cooperations are in the list, and one opens with its partner organisations; nothing was lost', async () => {
    const { page } = j;
    await page.getByRole('button', { name: 'Show the cooperations' }).click();
    await expect(page.getByRole('heading', { name: 'Cooperations', level: 1 })).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Cooperation list' });
    for (const title of ['Küstenanpassung in Westafrika', 'Mangroven-Monitoring', 'KI für Gesundheit', 'Coastal adaptation in West Africa']) {
      await expect(grid.getByText(title, { exact: true })).toBeVisible();
    }
    await expect(grid.getByText('Falsches Datum')).toHaveCount(0);
    await expect(page.getByText('4 cooperations')).toBeVisible();

    await grid.getByText('Mangroven-Monitoring', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Mangroven-Monitoring', level: 2 })).toBeVisible();
    const detail = page.getByRole('region', { name: 'Cooperation details' });
    await expect(detail.getByRole('link', { name: 'University of Nairobi' })).toBeVisible();
    await expect(detail.getByRole('link', { name: 'Université Cheikh Anta Diop' })).toBeVisible();
    await expect(detail.getByRole('link', { name: 'Institute of Ecological Research' })).toBeVisible();
    await expectAccessible(page, 'an imported cooperation');

    // The partner opens: an organisation the import created.
    await detail.getByRole('link', { name: 'University of Nairobi' }).click();
    await expect(page.getByRole('heading', { name: 'University of Nairobi', level: 2 })).toBeVisible();

    // The cooperation that was there keeps its status and notes: the file's row of the same title was skipped.
    await page.goBack();
    await expect(page.getByRole('heading', { name: 'Mangroven-Monitoring', level: 2 })).toBeVisible();
    await grid.getByText('Coastal adaptation in West Africa', { exact: true }).click();
    await expect(page.getByRole('heading', { name: 'Coastal adaptation in West Africa', level: 2 })).toBeVisible();
    await expect(detail.getByText('Kept as it is.')).toBeVisible();
    await expect(detail.getByText('Running', { exact: true }).first()).toBeVisible();
    await expect(detail.getByText('Funded', { exact: true })).toHaveCount(0); // the file's status for it (“Bewilligt”)
    // The partner named in the file was matched, not made twice.
    const ghana = await callApi<{ total: number }>(page, j.host.url, 'organisations.list', { text: 'University of Ghana' });
    expect(ghana.total).toBe(1);
    expect(foreignRequests(j.requests)).toEqual([]);
    expect(await j.cspViolations()).toEqual([]);
  });
});
