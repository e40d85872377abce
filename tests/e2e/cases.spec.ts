import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { expectAccessible, foreignRequests, journey, recordRequests, test, expect, expectDashboard, openCases } from './fixtures';

const TITLE = 'Kooperation Łódź – Москва – Αθήνα – İzmir';

test.describe('an advisor keeps advisory cases: create, edit, filter, validate, export, reload, delete and undo', () => {
  const j = journey();

  test('first start: the welcome screen, an empty list, the first case created by keyboard', async () => {
    const { page } = j;
    await page.goto(j.host.url);

    // First start: the welcome screen offers an empty or a sample workspace.
    await expect(page.getByRole('heading', { name: 'Welcome to Attaché' })).toBeVisible();
    await expectAccessible(page, 'welcome');
    await page.getByRole('button', { name: 'Start empty' }).click();
    await expectDashboard(page);
    await openCases(page);
    await expect(page.getByText('No cases yet.')).toBeVisible();
    await expectAccessible(page, 'empty case list');

    // Create the first case by keyboard: Ctrl+N opens the form with the title focused.
    await page.keyboard.press('Control+n');
    const title = page.getByLabel('Title');
    await expect(title).toBeFocused();
    await title.fill(TITLE);
    await page.getByRole('combobox', { name: 'Client' }).fill('Network of Eastern European Studies');
    const countries = page.getByRole('combobox', { name: 'Partner countries' });
    for (const name of ['Poland', 'Greece', 'Türkiye']) {
      await countries.fill(name);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
    }
    await page.getByRole('combobox', { name: 'Topics' }).fill('mobility');
    await page.keyboard.press('Enter');
    await page.getByLabel('Opened').fill('2026-06-24');
    await page.getByLabel('Due', { exact: true }).fill('2026-12-31');
    await page.getByLabel('Summary').fill('A multilateral mobility network with partners in Łódź, Athens and İzmir.');
    await expectAccessible(page, 'new case form');
    await page.getByLabel('Summary').press('Control+Enter');
    await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
    await expect(page.getByText('AC-2026-001').first()).toBeVisible();
    await expectAccessible(page, 'case detail');
  });

  test('a second case by mouse, then an edit of status, title and classification', async () => {
    const { page } = j;
    const countries = page.getByRole('combobox', { name: 'Partner countries' });
    // A second case, by mouse this time.
    await page.getByRole('button', { name: 'New case' }).click();
    await page.getByLabel('Title').fill('Water research alliance with Jordan');
    await countries.fill('Jordan');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByLabel('Opened').fill('2026-02-01');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { name: 'Water research alliance with Jordan' })).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Case list' });
    await expect(grid.getByRole('row')).toHaveCount(3);

    // Edit: change status and title.
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Title').fill('Water research alliance with Jordan and Lebanon');
    await page.getByRole('form', { name: 'Edit case' }).getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Advising' }).click();
    const classification = page.getByRole('form', { name: 'Edit case' }).getByRole('combobox', { name: 'Classification' });
    await expect(classification).toHaveValue('Internal');
    await classification.click();
    await page.getByRole('option', { name: 'Confidential' }).click();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { name: 'Water research alliance with Jordan and Lebanon' })).toBeVisible();
    await expect(page.getByRole('article').getByText('Advising').first()).toBeVisible();
    // A confidential case says so beside its status, and in its details.
    await expect(page.getByRole('article').getByText('Confidential')).toHaveCount(2);
    await expectAccessible(page, 'confidential case detail');
  });

  test('validation at the fields saves nothing; leaving or cancelling with changes asks first', async () => {
    const { page } = j;
    const grid = page.getByRole('grid', { name: 'Case list' });
    // Validation: an empty title and a due date before the opening date are shown at the fields; nothing is saved.
    await page.keyboard.press('Control+n');
    await page.getByLabel('Opened').fill('2026-05-10');
    await page.getByLabel('Due', { exact: true }).fill('2026-05-01');
    await page.keyboard.press('Escape'); // closes the calendar
    await page.getByLabel('Title').press('Enter'); // Enter in a field submits the form

    await expect(page.getByText('Please correct the marked fields.')).toBeVisible();
    await expect(page.getByText('Required.')).toBeVisible();
    await expect(page.getByText('The due date cannot be before the opening date.')).toBeVisible();
    await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'form with errors');
    // Leaving through the sidebar asks first; keeping returns to the form as it was.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Organisations' }).click();
    const discard = page.getByRole('dialog', { name: 'Discard your changes?' });
    await discard.getByRole('button', { name: 'Keep editing' }).click();
    await expect(discard).toBeHidden();
    await expect(page.getByLabel('Opened')).toHaveValue('2026-05-10');
    await expect(page.getByRole('heading', { name: 'Organisations', level: 1 })).toHaveCount(0);
    // Cancel asks too: the dates typed would be lost.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(discard.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await expectAccessible(page, 'discard dialog');
    await discard.getByRole('button', { name: 'Discard changes' }).click();
    await expect(discard).toBeHidden();
    await expect(page.getByLabel('Opened')).toBeHidden();
    await expect(grid.getByRole('row')).toHaveCount(3);
  });

  test('filters, the keyboard in the list and the command palette', async () => {
    const { page } = j;
    const grid = page.getByRole('grid', { name: 'Case list' });
    // Filter: Ctrl+F focuses the search; folded text finds the Polish city; status and country filters narrow.
    await page.keyboard.press('Control+f');
    const search = page.getByRole('searchbox', { name: 'Search' });
    await expect(search).toBeFocused();
    await search.fill('lodz');
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(grid.getByRole('row').nth(1)).toContainText('AC-2026-001');
    await search.fill('');
    const statusFilter = page.getByRole('region', { name: 'Advisory cases' }).getByRole('combobox', { name: 'Status' });
    await statusFilter.click();
    await page.getByRole('option', { name: 'Advising' }).click();
    await page.keyboard.press('Escape');
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(grid).toContainText('Jordan and Lebanon');
    await statusFilter.click();
    await page.getByRole('option', { name: 'Advising' }).click();
    await page.keyboard.press('Escape');
    await expect(grid.getByRole('row')).toHaveCount(3);

    // Keyboard in the list: focus the grid, move with the arrows, open with Enter.
    await grid.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    const firstRowTitle = (await grid.getByRole('row').nth(1).getByRole('gridcell').nth(1).textContent())!;
    await expect(page.getByRole('heading', { name: firstRowTitle })).toBeVisible();

    // The command palette (Ctrl+K) jumps to a case by keyboard.
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('textbox', { name: 'Go to' });
    await expect(palette).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Water research alliance with Jordan and Lebanon' })).toBeVisible();
    await palette.fill('izmir');
    await expect(page.getByRole('button', { name: /Kooperation Łódź/ })).toBeVisible();
    await expectAccessible(page, 'command palette');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
    await expect(palette).toBeHidden();
  });

  test('the briefing PDF reads back correctly, and everything survives a reload', async () => {
    const { page } = j;
    const grid = page.getByRole('grid', { name: 'Case list' });
    const testInfo = test.info();
    // Open the Łódź case and export its briefing; the browser downloads a PDF that reads back correctly.
    await grid.getByRole('row', { name: /AC-2026-001/ }).click();
    await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export briefing' }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(/^AC-2026-001-Kooperation-Lodz.*\.pdf$/);
    const pdfPath = join(testInfo.outputPath(), download.suggestedFilename());
    await download.saveAs(pdfPath);
    const text = execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' });
    expect(text).toContain(TITLE);
    // The free-text client is printed as typed; the report's sections follow the details.
    expect(text).toMatch(/Client\s+Network of Eastern European Studies/);
    for (const section of ['Status history', 'Open tasks', 'Latest timeline entries', 'Linked notes']) expect(text).toContain(section);
    const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(info).toMatch(/Tagged:\s+yes/);

    // Reload: everything is still there.
    await page.reload();
    await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
    await expect(grid.getByRole('row')).toHaveCount(3);
  });

  test('delete with confirmation and undo; the settings switch the language and back', async () => {
    const { page } = j;
    const grid = page.getByRole('grid', { name: 'Case list' });
    // Delete with confirmation, then undo from the notification.
    await page.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: /^Delete “AC-2026-001 Kooperation/ });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, 'delete confirmation');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(grid.getByRole('row')).toHaveCount(2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(grid.getByRole('row')).toHaveCount(3);
    await expect(grid).toContainText(TITLE);

    // Settings: switch to German and back; the UI follows.
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await expectAccessible(page, 'settings');
    await page.getByText('Deutsch').click();
    await expect(page.getByRole('heading', { name: 'Einstellungen' })).toBeVisible();
    await page.getByRole('button', { name: 'Vorgänge' }).click();
    await expect(page.getByRole('heading', { name: 'Beratungsvorgänge' })).toBeVisible();

    expect(await j.cspViolations()).toEqual([]);
    expect(foreignRequests(j.requests)).toEqual([]);
    expect(j.requests.length).toBeGreaterThan(10);
  });
});

test('the sample workspace opens with cases in every status', async ({ page, host }) => {
  const requests = recordRequests(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open the sample workspace' }).click();
  await expectDashboard(page);
  await openCases(page);
  const grid = page.getByRole('grid', { name: 'Case list' });
  await expect(page.getByText('25 cases')).toBeVisible();
  await expect(grid.getByRole('row')).toHaveCount(26);
  for (const status of ['Intake', 'Analysis', 'Advising', 'Implementation', 'On hold', 'Closed']) {
    await expect(grid.getByText(status, { exact: true }).first()).toBeVisible();
  }
  expect(foreignRequests(requests)).toEqual([]);
});
