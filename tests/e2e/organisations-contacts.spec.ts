import type { Page } from '@playwright/test';
import { expectAccessible, pickOption, foreignRequests, journey, test, expect, expectDashboard } from './fixtures';

/** Chooses, by keyboard, the first option a searchable select offers for the typed text. */
async function choose(page: Page, combobox: ReturnType<Page['getByRole']>, text: string, option: RegExp) {
  await combobox.fill(text);
  await expect(page.getByRole('option', { name: option }).first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

test.describe('an advisor keeps organisations and people: create, hand a role over, filter, open, delete and undo', () => {
  const j = journey();

  test('the institute, purely by keyboard', async () => {
    const { page } = j;
    await page.goto(j.host.url);
    await page.getByRole('button', { name: 'Start empty' }).click();
    await expectDashboard(page);

    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Organisations' }).click();
    await expect(page.getByRole('heading', { name: 'Organisations', level: 1 })).toBeVisible();
    await expect(page.getByText('No organisations yet.')).toBeVisible();
    await expectAccessible(page, 'empty organisation list');

    // The institute, purely by keyboard: the form opens with the name focused, Tab moves on, Enter saves.
    await page.getByRole('button', { name: 'New organisation' }).focus();
    await page.keyboard.press('Enter');
    const name = page.getByRole('textbox', { name: /^Name/ });
    await expect(name).toBeFocused();
    await page.keyboard.type('Institute for Coastal Climate Research');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Short name')).toBeFocused();
    await page.keyboard.type('ICCR');
    const form = page.getByRole('form', { name: 'New organisation' });
    await page.keyboard.press('Tab'); // kind: a new organisation starts as a research institute
    await expect(form.getByRole('combobox', { name: 'Kind' })).toBeFocused();
    await expect(form.getByRole('combobox', { name: 'Kind' })).toHaveValue('Research institute');
    await page.keyboard.press('Tab');
    const country = form.getByRole('combobox', { name: 'Country' });
    await expect(country).toBeFocused();
    await choose(page, country, 'germ', /Germany/);
    for (let i = 0; i < 3 && !(await page.getByLabel('City').evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(page.getByLabel('City')).toBeFocused();
    await page.keyboard.type('Kiel');
    await expectAccessible(page, 'new organisation form');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: /Institute for Coastal Climate Research/, level: 2 })).toBeVisible();
    await expectAccessible(page, 'organisation detail');
  });

  test('the embassy by mouse, and two people each with a first position', async () => {
    const { page } = j;
    const form = page.getByRole('form', { name: 'New organisation' });
    // The embassy, by mouse.
    await page.getByRole('button', { name: 'New organisation' }).click();
    await page.getByRole('textbox', { name: /^Name/ }).fill('German Embassy Accra');
    await form.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Embassy' }).click();
    await choose(page, form.getByRole('combobox', { name: 'Country' }), 'ghana', /Ghana/);
    await page.getByLabel('City').fill('Accra');
    await page.getByLabel('Website').fill('https://accra.diplo.example');
    await form.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { name: 'German Embassy Accra', level: 2 })).toBeVisible();
    const orgGrid = page.getByRole('grid', { name: 'Organisation list' });
    await expect(orgGrid.getByRole('row')).toHaveCount(3);

    // Two people, each with a first position saved in the same step.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'People' }).click();
    await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
    await expectAccessible(page, 'empty people list');
    await page.getByRole('button', { name: 'New person' }).click();
    const personForm = page.getByRole('form', { name: 'New person' });
    await personForm.getByLabel('Academic title').fill('Dr.');
    await personForm.getByLabel('Given name').fill('Jonas');
    await personForm.getByLabel('Family name').fill('Weber');
    await pickOption(personForm.getByRole('textbox', { name: 'Organisation' }), 'accra', /German Embassy Accra/);
    await expect(personForm.getByRole('group', { name: 'First position (optional)' })).toContainText('German Embassy Accra');
    await personForm.getByLabel('Role').fill('Head of Science Section');
    await personForm.getByLabel('From').fill('2023-03-01');
    await page.keyboard.press('Escape');
    await personForm.getByRole('button', { name: 'Add e-mail' }).click();
    await personForm.getByLabel('E-mail address 1', { exact: true }).fill('jonas.weber@accra.diplo.example');
    await personForm.getByRole('button', { name: 'Add phone' }).click();
    await personForm.getByLabel('Phone number 1', { exact: true }).fill('+49 171 555 0101');
    await personForm.getByRole('combobox', { name: 'Kind of phone number 1' }).click();
    await page.getByRole('option', { name: 'Private' }).click();
    await expectAccessible(page, 'new person form');
    await personForm.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { name: 'Dr. Jonas Weber', level: 2 })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Current' })).toContainText('Head of Science Section');
    await expect(page.getByText('+49 171 555 0101').locator('..')).toContainText('private');
    await expectAccessible(page, 'person detail');

    await page.getByRole('button', { name: 'New person' }).click();
    await personForm.getByLabel('Given name').fill('Efua');
    await personForm.getByLabel('Family name').fill('Owusu');
    await personForm.getByLabel('Name in original script').fill('Ɛfua Owusu');
    await pickOption(personForm.getByRole('textbox', { name: 'Organisation' }), 'coastal', /Institute for Coastal Climate Research/);
    await personForm.getByLabel('Review on').fill('2025-01-31');
    await page.keyboard.press('Escape');
    await personForm.getByLabel('Role').fill('Guest researcher');
    // Enter in a field submits the form.
    await personForm.getByLabel('Role').press('Enter');
    await expect(page.getByRole('heading', { name: 'Efua Owusu', level: 2 })).toBeVisible();
    const peopleGrid = page.getByRole('grid', { name: 'List of people' });
    await expect(peopleGrid.getByRole('row')).toHaveCount(3);
  });

  test('the embassy role is handed over to Efua Owusu', async () => {
    const { page } = j;
    const orgGrid = page.getByRole('grid', { name: 'Organisation list' });
    // Wednesday: the counsellor has been replaced. Hand the embassy role to Efua Owusu.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Organisations' }).click();
    await orgGrid.getByRole('row', { name: /German Embassy Accra/ }).click();
    const now = page.getByRole('list', { name: 'People now' });
    await expect(now).toContainText('Dr. Jonas Weber');
    await page.getByRole('button', { name: 'Hand over “Head of Science Section” from Dr. Jonas Weber' }).click();
    const dialog = page.getByRole('dialog', { name: 'Hand over “Head of Science Section”' });
    await expect(dialog).toBeVisible();
    const successor = dialog.getByRole('textbox', { name: 'Successor' }).or(dialog.getByRole('combobox', { name: 'Successor' })).first();
    await expect(successor).toBeFocused();
    await pickOption(successor, 'owusu', /Efua Owusu/);
    await expectAccessible(page, 'hand-over dialog');
    await dialog.getByLabel('Handover date').fill('2025-06-01');
    await dialog.getByLabel('Handover date').press('Enter');
    await expect(dialog).toBeHidden();
    await expect(now).toContainText('Efua Owusu');
    await expect(now).toContainText('since 1 Jun 2025');
    await expect(now).not.toContainText('Jonas Weber');
    const former = page.getByRole('list', { name: 'Former people' });
    await expect(former).toContainText('Dr. Jonas Weber');
    await expect(former).toContainText('1 Mar 2023 – 31 May 2025');
    await expectAccessible(page, 'organisation after hand-over');
  });

  test('the people list by search and by country; her two positions; the former holder’s history', async () => {
    const { page } = j;
    const peopleGrid = page.getByRole('grid', { name: 'List of people' });
    // The people list, filtered by country: only the person with a current position in Ghana.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'People' }).click();
    // Ctrl+F focuses this list's search (once the list is there, not the one it replaces); the original script finds the person too.
    await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
    await page.keyboard.press('Control+f');
    const search = page.getByRole('searchbox', { name: 'Search' });
    await expect(search).toBeFocused();
    await page.keyboard.type('Ɛfua');
    await expect(peopleGrid.getByRole('row')).toHaveCount(2);
    await page.keyboard.press('Escape');
    await expect(search).toHaveValue('');
    await expect(peopleGrid.getByRole('row')).toHaveCount(3);
    const countryFilter = page.getByRole('region', { name: 'People' }).getByRole('combobox', { name: 'Country' });
    await choose(page, countryFilter, 'ghana', /Ghana/);
    await page.keyboard.press('Escape');
    await expect(peopleGrid.getByRole('row')).toHaveCount(2);
    await expect(peopleGrid.getByRole('row').nth(1)).toContainText('Efua Owusu');
    await expect(peopleGrid.getByRole('row').nth(1)).toContainText('Head of Science Section');
    await expectAccessible(page, 'filtered people list');

    // Open her from the list by keyboard and see both positions.
    await peopleGrid.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Efua Owusu', level: 2 })).toBeVisible();
    const current = page.getByRole('list', { name: 'Current' });
    await expect(current).toContainText('Head of Science Section');
    await expect(current).toContainText('German Embassy Accra');
    await expect(current).toContainText('Guest researcher');
    await expect(page.getByRole('region', { name: 'Person details' }).getByText('Ɛfua Owusu')).toBeVisible();
    await expect(page.getByText('Review overdue')).toBeVisible();
    await expectAccessible(page, 'person with two positions');

    // The former holder keeps the role in his history.
    await page.getByRole('button', { name: 'Reset filters' }).click();
    await expect(peopleGrid.getByRole('row')).toHaveCount(3);
    await peopleGrid.getByRole('row', { name: /Jonas Weber/ }).click();
    await expect(page.getByRole('list', { name: 'History' })).toContainText('Head of Science Section');
    await expect(page.getByRole('list', { name: 'History' })).toContainText('1 Mar 2023 – 31 May 2025');
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect(page.getByRole('button', { name: 'Log activity' })).toBeVisible();
    await expectAccessible(page, 'person timeline');
  });

  test('deleting the institute explains what goes with it, Undo puts it back; the screens speak German', async () => {
    const { page } = j;
    const orgGrid = page.getByRole('grid', { name: 'Organisation list' });
    // Deleting the institute explains what goes with it, and Undo puts it back.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Organisations' }).click();
    await orgGrid.getByRole('row', { name: /Institute for Coastal Climate Research/ }).click();
    await page.getByRole('toolbar', { name: 'Organisation actions' }).getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Institute for Coastal Climate Research”?' });
    await expect(confirm).toContainText('1 position');
    await expectAccessible(page, 'organisation delete dialog');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(orgGrid.getByRole('row')).toHaveCount(2);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(orgGrid.getByRole('row')).toHaveCount(3);

    // German: the screens follow the language.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Settings' }).click();
    await page.getByText('Deutsch').click();
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('button', { name: 'Personen' }).click();
    await expect(page.getByRole('heading', { name: 'Personen', level: 1 })).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Personenliste' }).getByRole('row')).toHaveCount(3);
    await expectAccessible(page, 'people list in German');

    expect(await j.cspViolations()).toEqual([]);
    expect(foreignRequests(j.requests)).toEqual([]);
  });
});
