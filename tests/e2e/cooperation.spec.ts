import type { Page } from '@playwright/test';
import { expectAccessible, pickOption, foreignRequests, journey, recordRequests, test, expect, expectDashboard } from './fixtures';

/**
 * The story of one cooperation, across every screen of the advisory domain: who is who at an
 * institute and an embassy, a case with a task and a meeting, a strategy note on it, a role that
 * changes hands, and a deletion that is explained and undone.
 */

const CASE = 'Coastal adaptation partnership Kenya';
const NOTE = 'Kenya country strategy 2027';

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name }).click();

test.describe('the story of one cooperation: institute, embassy, people, a case with a task and a meeting, a note, a hand-over, a delete undone', () => {
  const j = journey();

  test('an institute in Germany and an embassy in Kenya', async () => {
    const { page } = j;
    await page.goto(j.host.url);
    await page.getByRole('button', { name: 'Start empty' }).click();
    await expectDashboard(page);

    // An institute in Germany and an embassy in Kenya.
    await nav(page, 'Organisations');
    const orgForm = page.getByRole('form', { name: 'New organisation' });
    const newOrganisation = async (name: string, kind: RegExp, country: RegExp, countryText: string, city: string) => {
      await page.getByRole('button', { name: 'New organisation' }).click();
      await page.getByRole('textbox', { name: /^Name/ }).fill(name);
      await orgForm.getByRole('combobox', { name: 'Kind' }).click();
      await page.getByRole('option', { name: kind }).click();
      await pickOption(orgForm.getByRole('combobox', { name: 'Country' }), countryText, country);
      await page.getByLabel('City').fill(city);
      await orgForm.getByRole('button', { name: 'Create' }).click();
      await expect(page.getByRole('heading', { name, level: 2 })).toBeVisible();
    };
    await newOrganisation('Institute for Coastal Climate Research', /^Research institute$/, /Germany/, 'germ', 'Kiel');
    await newOrganisation('German Embassy Nairobi', /^Embassy/, /Kenya/, 'keny', 'Nairobi');
  });

  test('two people with positions: the embassy’s science counsellor and the institute’s director', async () => {
    const { page } = j;
    // Two people with positions: the embassy's science counsellor and the institute's director.
    await nav(page, 'People');
    const personForm = page.getByRole('form', { name: 'New person' });
    const newPerson = async (given: string, family: string, organisation: RegExp, orgText: string, role: string, from: string, extra?: () => Promise<void>) => {
      await page.getByRole('button', { name: 'New person' }).click();
      await personForm.getByLabel('Given name').fill(given);
      await personForm.getByLabel('Family name').fill(family);
      await extra?.();
      await pickOption(personForm.getByRole('textbox', { name: 'Organisation' }), orgText, organisation);
      await personForm.getByLabel('Role').fill(role);
      await personForm.getByLabel('From').fill(from);
      await page.keyboard.press('Escape');
      await personForm.getByRole('button', { name: 'Create' }).click();
      await expect(page.getByRole('heading', { name: new RegExp(`${given} ${family}`), level: 2 })).toBeVisible();
    };
    await newPerson('Amina', 'Otieno', /German Embassy Nairobi/, 'nairobi', 'Head of Science Section', '2022-09-01', async () => {
      await personForm.getByLabel('Academic title').fill('Dr.');
    });
    await newPerson('Ivan', 'Petrov', /Institute for Coastal Climate Research/, 'coastal', 'Director', '2020-01-01', async () => {
      await personForm.getByLabel('Name in original script').fill('Иван Петров');
    });
  });

  test('a case with the institute as client and its director as the client contact', async () => {
    const { page } = j;
    // The case: the institute is the client, its director the client contact.
    await nav(page, 'Cases');
    await page.keyboard.press('Control+n');
    const caseForm = page.getByRole('form', { name: 'New case' });
    await caseForm.getByLabel('Title').fill(CASE);
    await pickOption(caseForm.getByRole('textbox', { name: 'Client organisation' }), 'coastal', /Institute for Coastal Climate Research/);
    await pickOption(caseForm.getByRole('textbox', { name: 'Client contacts' }), 'petrov', /Ivan Petrov/);
    await page.keyboard.press('Escape');
    await expectAccessible(page, 'new case with client');
    await caseForm.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { name: CASE })).toBeVisible();
    const overview = page.getByRole('tabpanel');
    await expect(overview).toContainText('Institute for Coastal Climate Research');
    await expect(overview.getByRole('link', { name: 'Ivan Petrov' })).toBeVisible();
  });

  test('an overdue task, and a meeting with the counsellor on the case’s timeline', async () => {
    const { page } = j;
    // A task, overdue already (the due date is in the past).
    await page.getByRole('tab', { name: /Tasks/ }).click();
    await page.getByLabel('New task').fill('Send the matchmaking shortlist');
    await page.getByLabel('Due').fill('2025-01-15');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Add task' }).click();
    const tasks = page.getByRole('list', { name: 'Tasks' });
    await expect(tasks).toContainText('Send the matchmaking shortlist');
    await expect(tasks).toContainText('Overdue');
    await expectAccessible(page, 'case tasks');

    // A meeting with the counsellor on the case's timeline.
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByRole('button', { name: 'Log activity' }).click();
    const activity = page.getByRole('dialog', { name: 'Log activity' });
    await activity.getByLabel('Subject').fill('Kick-off at the embassy');
    await activity.getByLabel('Date').fill('2026-10-14');
    await activity.getByLabel('Subject').click(); // closes the calendar, keeps the dialog
    await pickOption(activity.getByRole('textbox', { name: 'Participants' }), 'otieno', /Amina Otieno/);
    await activity.getByLabel('Notes').fill('Agreed to bring two coastal institutes to Mombasa in spring.');
    await expectAccessible(page, 'log activity dialog');
    await activity.getByRole('button', { name: 'Save' }).click();
    await expect(activity).toBeHidden();
    await expect(page.getByRole('tabpanel')).toContainText('Kick-off at the embassy');
  });

  test('a strategy note linked to the case; the meeting is on the counsellor’s screen too', async () => {
    const { page } = j;
    // A strategy note linked to the case.
    await nav(page, 'Strategy notes');
    await page.getByRole('button', { name: 'New note' }).click();
    const noteForm = page.getByRole('form', { name: 'New note' });
    await noteForm.getByLabel('Title').fill(NOTE);
    await pickOption(noteForm.getByRole('textbox', { name: 'Linked cases' }), 'coastal', new RegExp(CASE));
    await page.keyboard.press('Escape');
    await noteForm.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { name: NOTE, level: 2 })).toBeVisible();
    await page.getByRole('link', { name: new RegExp(CASE) }).click();
    await expect(page.getByRole('heading', { name: CASE })).toBeVisible();
    await page.getByRole('tab', { name: /Strategy notes/ }).click();
    await expect(page.getByRole('link', { name: NOTE })).toBeVisible();

    // The meeting appears on the counsellor's screen too, and her last contact comes from it.
    await nav(page, 'People');
    const peopleGrid = page.getByRole('grid', { name: 'List of people' });
    await peopleGrid.getByRole('row', { name: /Amina Otieno/ }).click();
    await expect(page.getByRole('heading', { name: 'Dr. Amina Otieno', level: 2 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Person details' })).toContainText('14 Oct 2026');
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect(page.getByRole('tabpanel')).toContainText('Kick-off at the embassy');
    await expectAccessible(page, 'person timeline with the meeting');
  });

  test('the counsellor’s role is handed over; the history keeps both', async () => {
    const { page } = j;
    // The counsellor moves on: Ivan Petrov takes over the embassy role; the history keeps both.
    await nav(page, 'Organisations');
    await page.getByRole('grid', { name: 'Organisation list' }).getByRole('row', { name: /German Embassy Nairobi/ }).click();
    await page.getByRole('button', { name: 'Hand over “Head of Science Section” from Dr. Amina Otieno' }).click();
    const handOver = page.getByRole('dialog', { name: 'Hand over “Head of Science Section”' });
    await pickOption(handOver.getByRole('textbox', { name: 'Successor' }), 'petrov', /Ivan Petrov/);
    await handOver.getByLabel('Handover date').fill('2026-11-01');
    await handOver.getByLabel('Handover date').press('Enter');
    await expect(handOver).toBeHidden();
    await expect(page.getByRole('list', { name: 'People now' })).toContainText('Ivan Petrov');
    await expect(page.getByRole('list', { name: 'Former people' })).toContainText('Dr. Amina Otieno');
    await expect(page.getByRole('list', { name: 'Former people' })).toContainText('1 Sept 2022 – 31 Oct 2026');
    await expectAccessible(page, 'embassy after the hand-over');
  });

  test('deleting the successor says what it touches, and Undo brings everything back', async () => {
    const { page } = j;
    const peopleGrid = page.getByRole('grid', { name: 'List of people' });
    // Deleting Ivan Petrov says what it touches; the case loses him, and Undo brings everything back.
    await nav(page, 'People');
    await peopleGrid.getByRole('row', { name: /Ivan Petrov/ }).click();
    await page.getByRole('toolbar', { name: 'Actions for this person' }).getByRole('button', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete “Ivan Petrov”?' });
    await expect(confirm).toContainText('2 positions');
    await expect(confirm).toContainText('1 case loses this client contact');
    await expectAccessible(page, 'delete a referenced person');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(peopleGrid.getByRole('row')).toHaveCount(2);
    await nav(page, 'Cases');
    await page.getByRole('grid', { name: 'Case list' }).getByRole('row', { name: new RegExp(CASE) }).click();
    await expect(page.getByRole('heading', { name: CASE })).toBeVisible();
    await expect(page.getByRole('tabpanel').getByRole('link', { name: 'Ivan Petrov' })).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByRole('tabpanel').getByRole('link', { name: 'Ivan Petrov' })).toBeVisible();
    await nav(page, 'Organisations');
    await page.getByRole('grid', { name: 'Organisation list' }).getByRole('row', { name: /German Embassy Nairobi/ }).click();
    await expect(page.getByRole('list', { name: 'People now' })).toContainText('Ivan Petrov');

    expect(await j.cspViolations()).toEqual([]);
    expect(foreignRequests(j.requests)).toEqual([]);
  });
});

test('keyboard only: open the sample workspace and find the people in Kenya who work on innovation', async ({ page, host }) => {
  const requests = recordRequests(page);
  await page.goto(host.url);
  const sample = page.getByRole('button', { name: 'Open the sample workspace' });
  await expect(sample).toBeVisible();
  for (let i = 0; i < 6 && !(await sample.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(sample).toBeFocused();
  await page.keyboard.press('Enter');
  await expectDashboard(page);

  // The command palette leads to the people list.
  await page.keyboard.press('Control+k');
  // Typed only once the palette's field has focus, as a person waits for it to open.
  await expect(page.getByRole('textbox', { name: 'Go to' })).toBeFocused();
  await page.keyboard.type('People');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'List of people' });
  await expect(page.getByText('120 people')).toBeVisible();
  await expectAccessible(page, 'sample people list');

  // Country, then expertise, each chosen by typing, the arrow keys and Enter.
  const region = page.getByRole('region', { name: 'People' });
  const country = region.getByRole('combobox', { name: 'Country' });
  await country.focus();
  await page.keyboard.type('kenya');
  await expect(page.getByRole('option', { name: /Kenya/ })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByText('8 people')).toBeVisible();
  await expect(grid.getByRole('row')).toHaveCount(9);

  const topic = region.getByRole('combobox', { name: 'Expertise' });
  await topic.focus();
  await page.keyboard.type('innovation');
  await expect(page.getByRole('option', { name: 'innovation', exact: true })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(grid.getByRole('row')).toHaveCount(4);
  for (const name of ['Jonas Albrecht', 'Peter Kiprono', 'Grace Wambui']) await expect(grid).toContainText(name);
  await expectAccessible(page, 'people in Kenya on innovation');

  // The filters kept as a named view, and the e-mail column added; both by keyboard.
  const menuItem = async (button: string, item: string) => {
    await region.getByRole('button', { name: button }).focus();
    await page.keyboard.press('Enter');
    const target = page.getByRole('menuitem', { name: item });
    await expect(target).toBeVisible();
    for (let i = 0; i < 12 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('ArrowDown');
    await expect(target).toBeFocused();
    await page.keyboard.press('Enter');
  };
  await menuItem('Views', 'Save current view…');
  const save = page.getByRole('dialog', { name: 'Save current view…' });
  await expect(save.getByLabel('Name of the view')).toBeFocused();
  await page.keyboard.type('Kenya: innovation');
  await page.keyboard.press('Enter');
  await expect(save).toBeHidden();
  await expect(grid.getByRole('columnheader', { name: 'E-mail' })).toHaveCount(0);
  await menuItem('Columns', 'E-mail');
  await page.keyboard.press('Escape');
  await expect(grid.getByRole('columnheader', { name: 'E-mail' })).toBeVisible();
  await expect(grid.getByRole('row').nth(1)).toContainText('@');

  // After a reload the list starts unfiltered, with the column kept; the view brings the filters back.
  await page.reload();
  await expect(page.getByText('120 people')).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Name' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'E-mail' })).toBeVisible();
  await menuItem('Views', 'Kenya: innovation');
  await expect(grid.getByRole('row')).toHaveCount(4);
  await expect(page.getByText('3 people')).toBeVisible();

  // Into the list and open the first person, still by keyboard.
  await grid.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Dr. Jonas Albrecht', level: 2 })).toBeVisible();
  await expectAccessible(page, 'a sample person');
  expect(foreignRequests(requests)).toEqual([]);
});
