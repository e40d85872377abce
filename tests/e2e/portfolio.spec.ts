/**
 * The portfolio of cooperations in real Chromium against the web host: a cooperation created by
 * keyboard alone (palette, fields, pickers, Ctrl+S), found again by the partner-country and group
 * filters, its programme on the programmes screen, and axe on each screen in light and dark.
 */
import type { Page } from '@playwright/test';
import { callApi, expect, expectAccessible, expectDashboard, keyTo, test, waitForSettledOptions } from './fixtures';

const TITLE = 'Coastal adaptation in West Africa';

async function seed(page: Page, url: string) {
  const alliance = await callApi<{ id: string }>(page, url, 'groups.create', { name: 'Research Alliance Climate', kind: 'alliance' });
  await callApi(page, url, 'organisations.create', { name: 'Institute of Ecological Research', shortName: 'IOER', kind: 'researchInstitute', country: 'DE', groupIds: [alliance.id] });
  const zmt = await callApi<{ id: string }>(page, url, 'organisations.create', { name: 'Centre for Tropical Marine Research', kind: 'researchInstitute', country: 'DE' });
  await callApi(page, url, 'organisations.create', { name: 'University of Ghana', kind: 'university', country: 'GH' });
  const nairobi = await callApi<{ id: string }>(page, url, 'organisations.create', { name: 'University of Nairobi', kind: 'university', country: 'KE' });
  await callApi(page, url, 'programmes.create', { name: 'Bilateral Africa Call', funder: 'BMBF', countries: ['GH', 'KE'], deadline: '2027-02-15' });
  await callApi(page, url, 'cooperations.create', { title: 'Mangrove monitoring', institutes: [zmt.id], partners: [nairobi.id], status: 'applied' });
}

/** Types into the focused record picker, waits for the backend's answer, and takes the first option with Enter. */
async function pickByKeyboard(page: Page, text: string) {
  await page.keyboard.type(text);
  await waitForSettledOptions(page);
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
}

test('a cooperation made by keyboard, found by country and group, accessible in light and dark', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Start empty' }).click();
  await expectDashboard(page);
  await seed(page, host.url);

  // Ctrl+K, "New cooperation", Enter: the editor opens with the title field focused.
  await page.keyboard.press('Control+k');
  // Typed only once the palette's field has focus, as a person waits for it to open.
  await expect(page.getByRole('textbox', { name: 'Go to' })).toBeFocused();
  await page.keyboard.type('New cooperation');
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'New cooperation' });
  const title = form.getByRole('textbox', { name: /^Title/ });
  await expect(title).toBeFocused();
  await page.keyboard.type(TITLE);

  // Status by keyboard: Tab to it, open, choose "Running".
  const status = form.getByRole('combobox', { name: 'Status' });
  await keyTo(page, status);
  await page.keyboard.press('ArrowDown');
  await page.getByRole('option', { name: 'Running' }).waitFor();
  for (let i = 0; i < 10 && !(await page.getByRole('option', { name: 'Running' }).getAttribute('data-combobox-selected')); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(status).toHaveValue('Running');

  // Our institute and the partner, by typing into the pickers.
  await keyTo(page, form.getByRole('textbox', { name: 'Our institutes' }));
  await pickByKeyboard(page, 'IOER');
  await expect(form.locator('.mantine-PillsInput-root').first()).toContainText('Institute of Ecological Research');
  await keyTo(page, form.getByRole('textbox', { name: 'Partner organisations' }));
  await pickByKeyboard(page, 'ghana');
  await keyTo(page, form.getByRole('textbox', { name: 'Funding programme' }));
  await pickByKeyboard(page, 'bilateral');
  await expectAccessible(page, 'the cooperation editor');

  // Ctrl+S saves from inside a field; focus lands on the new record's heading.
  await page.keyboard.press('Control+s');
  const heading = page.getByRole('heading', { name: TITLE, level: 2 });
  await expect(heading).toBeFocused();
  const detail = page.getByRole('article', { name: TITLE });
  await expect(detail.getByRole('list', { name: 'Partner organisations' })).toContainText('University of Ghana');
  await expect(detail.getByRole('list', { name: 'Our institutes' })).toContainText('Research Alliance Climate');
  await expect(detail.getByRole('link', { name: 'Bilateral Africa Call' })).toBeVisible();
  await expectAccessible(page, 'a cooperation beside the list');

  // Found by the partner-country filter, typed and chosen by keyboard: the Kenyan one goes.
  const grid = page.getByRole('grid', { name: 'Cooperation list' });
  await expect(grid.getByRole('row')).toHaveCount(3);
  const country = page.getByRole('combobox', { name: 'Partner country' });
  await country.focus();
  // "ghana", not "ghan": Afghanistan would match too.
  await page.keyboard.type('ghana');
  await expect(page.getByRole('option')).toHaveText(['Ghana (GH)']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(grid.getByText('Mangrove monitoring')).toHaveCount(0);
  await expect(grid.getByText(TITLE)).toBeVisible();
  await page.keyboard.press('Escape');

  // And by group, which counts its organisations: reset, then the alliance.
  await page.getByRole('button', { name: 'Reset filters' }).click();
  await expect(grid.getByText('Mangrove monitoring')).toBeVisible();
  await page.getByRole('combobox', { name: 'Group' }).focus();
  await page.keyboard.type('Research Alliance');
  await expect(page.getByRole('option', { name: 'Research Alliance Climate (1)' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(grid.getByText('Mangrove monitoring')).toHaveCount(0);
  await expect(grid.getByText(TITLE)).toBeVisible();
  await page.keyboard.press('Escape');
  await expectAccessible(page, 'the cooperations list filtered by group');

  // The programme screen lists the call with its deadline and the cooperation that names it.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Funding programmes' }).click();
  const programmes = page.getByRole('grid', { name: 'Programme list' });
  await programmes.getByText('Bilateral Africa Call').click();
  await expect(page.getByRole('heading', { name: 'Bilateral Africa Call', level: 2 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Cooperations in this programme' })).toContainText(TITLE);
  await expectAccessible(page, 'a funding programme');
});

test('groups are managed beside the organisations: made in the dialog, picked in the editor, counted in the filter', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Start empty' }).click();
  await expectDashboard(page);
  await seed(page, host.url);

  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Organisations' }).click();
  await page.getByRole('button', { name: 'Manage groups…' }).click();
  const manage = page.getByRole('dialog', { name: 'Groups of organisations' });
  await expect(manage.getByRole('row', { name: /Research Alliance Climate/ })).toContainText('1');
  await expectAccessible(page, 'the groups dialog');
  await manage.getByRole('button', { name: 'New group…' }).click();
  const create = page.getByRole('dialog', { name: 'New group' });
  await create.getByRole('textbox', { name: /Name/ }).fill('ScienceCampus Coast');
  await create.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Science campus' }).click();
  await create.getByRole('button', { name: 'Create group' }).click();
  await expect(manage.getByRole('row', { name: /ScienceCampus Coast/ })).toBeVisible();
  await manage.getByRole('button', { name: 'Close' }).last().click();
  await expect(manage).toBeHidden();

  // The Centre joins the campus in its editor; its page names the group and its cooperation.
  const grid = page.getByRole('grid', { name: 'Organisation list' });
  await grid.getByText('Centre for Tropical Marine Research').click();
  await page.getByRole('article').getByRole('button', { name: 'Edit' }).click();
  const groups = page.getByRole('textbox', { name: 'Groups' });
  await groups.focus();
  await pickByKeyboard(page, 'campus');
  await page.keyboard.press('Control+s');
  const detail = page.getByRole('article', { name: 'Centre for Tropical Marine Research' });
  await expect(detail.getByText('ScienceCampus Coast')).toBeVisible();
  await expect(detail.getByRole('region', { name: 'Cooperations' })).toContainText('Mangrove monitoring');
  await expectAccessible(page, 'an organisation with its groups and cooperations');

  // The list filters by group; the option says how many organisations are in it.
  await page.getByRole('combobox', { name: 'Group' }).focus();
  await page.keyboard.type('campus');
  await expect(page.getByRole('option')).toHaveText(['ScienceCampus Coast (1)']);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(grid.getByRole('row')).toHaveCount(2);
  await expect(grid.getByText('Centre for Tropical Marine Research')).toBeVisible();
});
