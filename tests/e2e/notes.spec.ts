import type { Page } from '@playwright/test';
import { expectAccessible, foreignRequests, journey, test, expect, watchCsp, expectDashboard, openCases } from './fixtures';

const NOTE = 'Country strategy Ghana 2026–2030';
const CASE = 'Climate adaptation partners in Ghana';

/** Waits for the notifications to go, so a fading one is not what axe measures under a dialog. */
async function waitForNotificationsToClose(page: Page) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 12_000 });
}

test.describe('an advisor writes a strategy note: rich text by keyboard, versions, restore, links, filters, delete and undo', () => {
  const j = journey();

  test('a case to link to, and the notes screen starts empty', async () => {
    const { page } = j;
    await page.goto(j.host.url);
    await page.getByRole('button', { name: 'Start empty' }).click();
    await expectDashboard(page);
    await openCases(page);

    // A case to link the note to, made through the UI.
    await page.keyboard.press('Control+n');
    await page.getByLabel('Title').fill(CASE);
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { name: CASE })).toBeVisible();

    // The notes screen starts empty.
    await page.getByRole('button', { name: 'Strategy notes' }).click();
    await expect(page.getByRole('heading', { name: 'Strategy notes', level: 1 })).toBeVisible();
    await expect(page.getByText('No strategy notes yet.')).toBeVisible();
    await expectAccessible(page, 'empty note list');
  });

  test('the first note written by keyboard: formats, toolbar, countries, Ctrl+S', async () => {
    const { page } = j;
    // Write the note by keyboard: the title is focused; Tab reaches the toolbar (one stop), then the text.
    await page.getByRole('button', { name: 'New note' }).click();
    const title = page.getByLabel('Title');
    await expect(title).toBeFocused();
    await page.keyboard.type(NOTE);
    await page.keyboard.press('Tab');
    await expect(page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Heading 1' })).toBeFocused();
    await page.keyboard.press('Tab');
    const text = page.getByRole('textbox', { name: 'Text' });
    await expect(text).toBeFocused();
    await page.keyboard.press('Control+Alt+1');
    await page.keyboard.type('Priorities for cooperation');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Three fields stand out:');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- Water research');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Energy transition');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // leaves the list
    await page.keyboard.press('Control+b');
    await page.keyboard.type('Funding is secured');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' until 2028.');
    // The toolbar shows the formats at the caret and is reachable with Alt+F10; Esc returns to the text.
    await page.keyboard.press('Alt+F10');
    await expect(page.getByRole('button', { name: 'Heading 1' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('button', { name: 'Heading 2' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(text).toBeFocused();
    const countries = page.getByRole('combobox', { name: 'Countries' });
    await countries.fill('Ghana');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect(page.getByText('Unsaved changes')).toBeVisible();
    await expectAccessible(page, 'new note editor');
    // Ctrl+S saves (and the browser's own save dialog does not open).
    await text.click();
    await page.keyboard.press('Control+s');

    const detail = page.getByRole('article');
    await expect(detail.getByRole('heading', { name: NOTE, level: 2 })).toBeVisible();
    await expect(detail.getByRole('heading', { name: 'Priorities for cooperation', level: 3 })).toBeVisible();
    await expect(detail.getByRole('listitem').filter({ hasText: 'Water research' })).toBeVisible();
    await expect(detail.getByRole('listitem').filter({ hasText: 'Energy transition' })).toBeVisible();
    await expect(detail.locator('strong', { hasText: 'Funding is secured' })).toBeVisible();
    await expect(detail.getByText('Country strategy', { exact: true })).toBeVisible();
    await expect(detail.getByText('Draft', { exact: true })).toBeVisible();
    await expect(detail.getByText('Ghana', { exact: true })).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Note list' });
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expectAccessible(page, 'note detail');
  });

  test('a second version: a link by Ctrl+K, a table, final status and the linked case', async () => {
    const { page } = j;
    const detail = page.getByRole('article');
    const text = page.getByRole('textbox', { name: 'Text' });
    // Second version: more text, a link (Ctrl+K), a table, final status and the linked case.
    await detail.getByRole('button', { name: 'Edit' }).click();
    await expect(text).toBeVisible();
    await text.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Second version: see ');
    await page.keyboard.press('Control+k');
    const linkDialog = page.getByRole('dialog', { name: 'Link' });
    await expect(linkDialog).toBeVisible();
    await linkDialog.getByLabel('Web or e-mail address').fill('javascript:alert(1)');
    await page.keyboard.press('Enter');
    await expect(linkDialog.getByText('Enter a web address (https://…) or an e-mail address.')).toBeVisible();
    await expectAccessible(page, 'link dialog');
    await linkDialog.getByLabel('Web or e-mail address').fill('example.org/ghana');
    await page.keyboard.press('Enter');
    await expect(linkDialog).toBeHidden();
    await expect(text).toBeFocused();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Insert table' }).click();
    await page.keyboard.type('Partner');
    await page.keyboard.press('Tab');
    await page.keyboard.type('City');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Field');
    await page.keyboard.press('Tab');
    await page.keyboard.type('KNUST');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kumasi');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Water');
    await page.getByRole('button', { name: 'Add row below' }).click();
    await expect(page.getByRole('button', { name: 'Delete table' })).toBeEnabled();
    const editForm = page.getByRole('form', { name: 'Edit note' });
    await editForm.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Final' }).click();
    await editForm.getByRole('combobox', { name: 'Classification' }).click();
    await page.getByRole('option', { name: 'Confidential' }).click();
    const cases = page.getByRole('textbox', { name: 'Linked cases' });
    await cases.fill('Ghana');
    await page.getByRole('option', { name: new RegExp(CASE) }).click();
    await page.keyboard.press('Escape');
    await expectAccessible(page, 'note editor with a table');
    await page.getByRole('button', { name: 'Save' }).click();

    await expect(detail.getByText('Second version: see')).toBeVisible();
    await expect(detail.getByRole('link', { name: 'https://example.org/ghana' })).toHaveAttribute('href', 'https://example.org/ghana');
    await expect(detail.getByRole('columnheader', { name: 'Partner' })).toBeVisible();
    await expect(detail.getByRole('cell', { name: 'Kumasi' })).toBeVisible();
    await expect(detail.getByText('Final', { exact: true })).toBeVisible();
    // A confidential note says so beside its status, and in its details.
    await expect(detail.getByText('Confidential', { exact: true })).toHaveCount(2);
    const caseLink = detail.getByRole('link', { name: new RegExp(CASE) });
    await expect(caseLink).toHaveAttribute('href', /#\/cases\/[\w-]+$/);
  });

  test('versions: an earlier one opened by keyboard and restored as the newest; the case link stays', async () => {
    const { page } = j;
    const detail = page.getByRole('article');
    const caseLink = detail.getByRole('link', { name: new RegExp(CASE) });
    // Versions: two saved; the first is shown read-only and restored as the newest.
    await detail.getByRole('tab', { name: /Versions/ }).click();
    const versions = detail.getByRole('list', { name: 'Saved versions' }).getByRole('button');
    await expect(versions).toHaveCount(2);
    await expectAccessible(page, 'versions');
    // By keyboard: Enter on an earlier version opens it and moves focus to it.
    await versions.nth(1).focus();
    await page.keyboard.press('Enter');
    const preview = detail.getByRole('region', { name: /^Version of/ });
    await expect(preview).toBeFocused();
    await expect(preview.getByText('Funding is secured')).toBeVisible();
    await expect(preview.getByText('Second version: see')).toHaveCount(0);
    await expectAccessible(page, 'an earlier version');
    await preview.getByRole('button', { name: 'Restore this version' }).click();
    await expect(page.getByText(/is now the current text/)).toBeVisible();
    await expect(versions).toHaveCount(3);
    await detail.getByRole('tab', { name: /Text/ }).click();
    await expect(detail.getByText('Funding is secured')).toBeVisible();
    await expect(detail.getByText('Second version: see')).toHaveCount(0);
    await expect(detail.getByText('Draft', { exact: true })).toBeVisible();
    // The link to the case is not part of a version; it stays, and leads to the case.
    await caseLink.click();
    await expect(page.getByRole('heading', { name: CASE })).toBeVisible();
    await page.getByRole('tab', { name: /Strategy notes/ }).click();
    await page.getByRole('link', { name: NOTE }).click();
    await expect(detail.getByRole('heading', { name: NOTE, level: 2 })).toBeVisible();
  });

  test('a second note, minutes; leaving the editor with changes asks first', async () => {
    const { page } = j;
    const detail = page.getByRole('article');
    const grid = page.getByRole('grid', { name: 'Note list' });
    const text = page.getByRole('textbox', { name: 'Text' });
    // A second note, minutes this time; leaving the editor with changes asks first.
    await page.getByRole('button', { name: 'New note' }).click();
    await page.getByLabel('Title').fill('Minutes of the Accra meeting');
    // Enter after the title goes on to the text, as in a word processor.
    await page.getByLabel('Title').press('Enter');
    await expect(text).toBeFocused();
    await page.keyboard.type('We met the vice-chancellor and agreed on a joint call.');
    const newForm = page.getByRole('form', { name: 'New note' });
    await newForm.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Minutes' }).click();
    await waitForNotificationsToClose(page);
    await page.getByRole('button', { name: 'Cancel' }).click();
    const discard = page.getByRole('dialog', { name: 'Discard your changes?' });
    await expect(discard).toBeVisible();
    await expectAccessible(page, 'discard dialog');
    await discard.getByRole('button', { name: 'Keep editing' }).click();
    await expect(discard).toBeHidden();
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(detail.getByRole('heading', { name: 'Minutes of the Accra meeting' })).toBeVisible();
    await expect(grid.getByRole('row')).toHaveCount(3);
  });

  test('filters by kind and by words in the text, kept as a saved view', async () => {
    const { page } = j;
    const grid = page.getByRole('grid', { name: 'Note list' });
    // Filters: by kind, and by words that appear only in a note's text.
    const listPane = page.getByRole('region', { name: 'Strategy notes' });
    const kindFilter = listPane.getByRole('combobox', { name: 'Kind' });
    await kindFilter.click();
    await page.getByRole('option', { name: 'Country strategy' }).click();
    await page.keyboard.press('Escape');
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(grid).toContainText(NOTE);
    // The filter kept as a saved view, cleared, and applied again.
    await listPane.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Save current view…' }).click();
    await page.getByRole('dialog', { name: 'Save current view…' }).getByLabel('Name of the view').fill('Country strategies');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('dialog', { name: 'Save current view…' })).toBeHidden();
    await kindFilter.click();
    await page.getByRole('option', { name: 'Country strategy' }).click();
    await page.keyboard.press('Escape');
    await expect(grid.getByRole('row')).toHaveCount(3);
    await listPane.getByRole('button', { name: 'Views' }).click();
    await page.getByRole('menuitem', { name: 'Country strategies' }).click();
    await expect(grid.getByRole('row')).toHaveCount(2);
    await kindFilter.click();
    await page.getByRole('option', { name: 'Country strategy' }).click();
    await page.keyboard.press('Escape');
    await expect(grid.getByRole('row')).toHaveCount(3);
    const search = listPane.getByRole('searchbox', { name: 'Search' });
    await search.fill('vice-chancellor');
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(grid).toContainText('Minutes of the Accra meeting');
    await search.fill('');
    await expect(grid.getByRole('row')).toHaveCount(3);
    await expectAccessible(page, 'note list');
  });

  test('delete with the impact dialog, then undo brings the note back with its versions', async () => {
    const { page } = j;
    const detail = page.getByRole('article');
    const grid = page.getByRole('grid', { name: 'Note list' });
    // Delete with the impact dialog, then undo.
    await grid.getByRole('row', { name: new RegExp(NOTE) }).click();
    await waitForNotificationsToClose(page);
    await detail.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: `Delete “${NOTE}”?` });
    await expect(dialog).toBeVisible();
    await expectAccessible(page, 'delete note');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(grid).not.toContainText(NOTE);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(grid.getByRole('row')).toHaveCount(3);
    await grid.getByRole('row', { name: new RegExp(NOTE) }).click();
    await detail.getByRole('tab', { name: /Versions/ }).click();
    await expect(detail.getByRole('list', { name: 'Saved versions' }).getByRole('button')).toHaveCount(3);

    expect(await j.cspViolations()).toEqual([]);
    expect(foreignRequests(j.requests)).toEqual([]);
  });
});

test('the notes screen speaks German', async ({ page, host }) => {
  const cspViolations = await watchCsp(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Start empty' }).click();
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByText('Deutsch').click();
  await page.getByRole('button', { name: 'Strategiepapiere' }).click();
  await expect(page.getByRole('heading', { name: 'Strategiepapiere', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Neues Papier' }).click();
  await expect(page.getByRole('toolbar', { name: 'Formatierung' }).getByRole('button', { name: 'Fett' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Text' })).toBeVisible();
  await expectAccessible(page, 'German editor');
  expect(await cspViolations()).toEqual([]);
});
