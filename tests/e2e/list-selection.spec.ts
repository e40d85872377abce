/**
 * Selection in the People list (issue 12): two duplicates selected by keyboard and merged from the
 * selection bar, then one Undo; three people selected and exported as one vCard, whose file holds
 * exactly those three; the list with a selection checked by axe in light and dark; screenshots of the
 * list with a selection in English and German.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import VCard from 'vcf';
import { expect, expectAccessible, foreignRequests, journey, test, callApi, keyTo, expectDashboard } from './fixtures';



test.describe('selecting people in the list', () => {
  const j = journey();

  test('selects two duplicates by keyboard, merges them from the bar, and one Undo brings both back', async () => {
    const { page, host } = j;
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Open the sample workspace' }).click();
    await expectDashboard(page);
    await callApi(page, host.url, 'contacts.create', { contact: { givenName: 'Zawadi', familyName: 'Kamau' } });
    await callApi(page, host.url, 'contacts.create', { contact: { givenName: 'Zawadi', familyName: 'Kamau-Njeri', notes: 'Met at the Nairobi fair.' } });

    await page.goto(`${host.origin}/#/contacts`);
    await page.getByPlaceholder(/Filter by name/).fill('Zawadi');
    const grid = page.getByRole('grid', { name: 'List of people' });
    await expect(grid.getByRole('row')).toHaveCount(3);
    await grid.focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+Space');
    const bar = page.getByRole('toolbar', { name: 'Selection' });
    await expect(bar).toContainText('2 selected');
    await expect(page.getByRole('status').filter({ hasText: '2 selected' })).toHaveCount(1);
    await expect(page.getByRole('checkbox', { name: 'Select Zawadi Kamau', exact: true })).toBeChecked();
    await expect(page.getByRole('checkbox', { name: 'Select Zawadi Kamau-Njeri' })).toBeChecked();

    const merge = bar.getByRole('button', { name: 'Merge…' });
    await expect(merge).toHaveAttribute('aria-disabled', 'false');
    await keyTo(page, merge, 'Shift+Tab', 12);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Merge duplicates' });
    await expect(dialog.getByText('Kept: Zawadi Kamau')).toBeVisible();
    await dialog.getByRole('button', { name: 'Merge' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(bar).toBeHidden();
    await expect(grid).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: 'Selection cleared' })).toHaveCount(1);

    // Undo by its shortcut: both people back in the list.
    await page.keyboard.press('Control+z');
    await expect(grid.getByRole('row')).toHaveCount(3);
    const back = await callApi<Array<{ id: string }>>(page, host.url, 'contacts.lookup', { text: 'Zawadi' });
    expect(back).toHaveLength(2);
  });

  test('the list with a selection passes axe in light and dark; screenshots in English', async () => {
    const { page } = j;
    await page.getByPlaceholder(/Filter by name/).fill('');
    const grid = page.getByRole('grid', { name: 'List of people' });
    await expect(grid.getByRole('row')).not.toHaveCount(3);
    await grid.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+Space');
    await expect(page.getByRole('toolbar', { name: 'Selection' })).toContainText('3 selected');
    await expectAccessible(page, 'the People list with three selected');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: test.info().outputPath(`people-selection-en-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.keyboard.press('Escape');
    await expect(page.getByRole('toolbar', { name: 'Selection' })).toBeHidden();
  });

  test('exports exactly the three selected people as one vCard', async () => {
    const { page } = j;
    const testInfo = test.info();
    const grid = page.getByRole('grid', { name: 'List of people' });
    await grid.focus();
    // Three rows apart from each other: the first, the third and the sixth.
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    const bar = page.getByRole('toolbar', { name: 'Selection' });
    await expect(bar).toContainText('3 selected');
    await expect(bar.getByRole('button', { name: 'Merge…' })).toHaveAttribute('aria-disabled', 'true');
    const checked = grid.getByRole('checkbox', { checked: true });
    await expect(checked).toHaveCount(3);
    const names = (await checked.evaluateAll((boxes) => boxes.map((b) => b.getAttribute('aria-label')!))).map((label) => label.replace(/^Select /, ''));

    const downloading = page.waitForEvent('download');
    await bar.getByRole('button', { name: 'Export as vCard' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^people-\d{4}-\d{2}-\d{2}\.vcf$/);
    const path = join(testInfo.outputPath(), download.suggestedFilename());
    await download.saveAs(path);
    const cards = VCard.parse(await readFile(path, 'utf8'));
    const fn = (card: VCard) => {
      const p = card.get('fn');
      return (Array.isArray(p) ? p[0]! : p).valueOf();
    };
    expect(cards.map(fn).sort()).toEqual([...names].sort());
    // The selection stays for another action.
    await expect(bar).toContainText('3 selected');
  });

  test('speaks German: the bar, the checkboxes and the status; screenshots', async () => {
    const { page } = j;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByText('Deutsch').click();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Personen' }).click();
    const grid = page.getByRole('grid', { name: 'Personenliste' });
    // The selection belongs to the list on screen: leaving the screen let it go.
    await expect(grid.getByRole('checkbox', { name: /auswählen$/ }).first()).toBeVisible();
    await expect(grid.getByRole('checkbox', { checked: true })).toHaveCount(0);
    await grid.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+Space');
    await expect(grid.getByRole('checkbox', { checked: true })).toHaveCount(3);
    const bar = page.getByRole('toolbar', { name: 'Auswahl' });
    await expect(bar).toContainText('3 ausgewählt');
    await expect(bar.getByRole('button', { name: 'Zusammenführen …' })).toBeVisible();
    await expect(bar.getByRole('button', { name: 'Als vCard exportieren' })).toBeVisible();
    await expect(grid.getByRole('checkbox', { name: 'Alle angezeigten Zeilen auswählen' })).toBeVisible();
    await expectAccessible(page, 'the People list with a selection, German');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: test.info().outputPath(`people-selection-de-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await bar.getByRole('button', { name: 'Auswahl aufheben' }).click();
    await expect(bar).toBeHidden();
    await expect(grid).toBeFocused();
    expect(await j.cspViolations()).toEqual([]);
    expect(foreignRequests(j.requests)).toEqual([]);
  });
});
