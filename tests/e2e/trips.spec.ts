import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import ICAL from 'ical.js';
import { expectAccessible, foreignRequests, journey, pickOption, waitForSettledOptions, recordRequests, test, expect, expectDashboard, watchExportProgress } from './fixtures';

const TRIP = 'Water and young scientists: Nairobi and Accra';
const M1 = 'Drylands network with the East African Institute';
const M2 = 'Lunch with the embassy science team';
const M3 = 'Joint call with the Ghanaian ministry';
const PREP = 'PREP-ONLY: our ceiling is 1.8 million, never mention it';
const POINT = 'Propose a joint doctoral school';
const CASE = 'Climate adaptation partners in Ghana';

/** Waits for the notifications to go, so a fading one is not what axe measures. */
async function waitForNotificationsToClose(page: Page) {
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 12_000 });
}

/**
 * Picks by keyboard: type, wait until the backend has answered the text as typed (the picker marks
 * its list busy until then), arrow down to the first, Enter.
 */
async function pickByKeyboard(page: Page, text: string, expected: string) {
  await page.keyboard.type(text);
  await waitForSettledOptions(page);
  await expect(page.getByRole('option').first()).toContainText(expected);
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('[data-combobox-selected]')).toContainText(expected);
  await page.keyboard.press('Enter');
}

async function pdfText(page: Page, button: Locator, path: string): Promise<string> {
  const downloadPromise = page.waitForEvent('download');
  // The window stays usable: the bar and its percentage show while the job runs (at 0 % the bar
  // itself has no width, so its value is what is checked). A warm export can be over within a
  // frame or two, so the bar is watched from before the click.
  const sawBar = await watchExportProgress(page);
  await button.click();
  expect((await sawBar()).value).toMatch(/^\d+$/);
  const progress = page.getByRole('progressbar', { name: 'Export progress' });
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  await download.saveAs(path);
  await expect(progress).toBeHidden();
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

test.describe('an advisor plans a delegation: agenda with warnings, the briefing book for two audiences, the calendar and a debrief', () => {
  const j = journey();

  test('the trips list shows the sample delegation', async () => {
    const { page } = j;
    await page.goto(j.host.url);
    await page.getByRole('button', { name: 'Open the sample workspace' }).click();
    await expectDashboard(page);

    // The trips list: the sample delegation is there.
    await page.getByRole('button', { name: 'Delegation trips' }).click();
    await expect(page.getByRole('heading', { name: 'Delegation trips', level: 1 })).toBeVisible();
    const grid = page.getByRole('grid', { name: 'Trip list' });
    await expect(grid.getByRole('row')).toHaveCount(2);
    await expect(grid).toContainText('Director-General');
    await expect(grid).toContainText('Upcoming');
    await expectAccessible(page, 'trip list');
  });

  test('a new trip with two destinations and their zones, two members, a case and a note', async () => {
    const { page } = j;
    const grid = page.getByRole('grid', { name: 'Trip list' });
    // Plan a new trip.
    await page.getByRole('button', { name: 'New trip' }).click();
    const form = page.getByRole('form', { name: 'New trip' });
    await expect(form.getByLabel('Title')).toBeFocused();
    await form.getByLabel('Title').fill(TRIP);
    await form.getByLabel('Purpose').fill('Water research and the joint call for young scientists.');
    await pickOption(form.getByRole('combobox', { name: 'Country' }).first(), 'Kenya', /Kenya/);
    await form.getByLabel('City').first().fill('Nairobi');
    await form.getByRole('button', { name: 'Add destination' }).click();
    await pickOption(form.getByRole('combobox', { name: 'Country' }).nth(1), 'Ghana', /Ghana/);
    await form.getByLabel('City').nth(1).fill('Accra');
    await form.getByLabel('First day').fill('2027-03-08');
    await page.keyboard.press('Escape');
    await form.getByLabel('Last day').fill('2027-03-12');
    await page.keyboard.press('Escape');
    // The zones of the two capitals are offered.
    await form.getByRole('button', { name: 'Add time zone Nairobi (East Africa Time)' }).click();
    await form.getByRole('button', { name: 'Add time zone Accra (Greenwich Mean Time)' }).click();
    await form.getByRole('button', { name: 'Add member' }).click();
    await pickOption(form.getByRole('textbox', { name: 'Person' }), 'Stahl', /Henrike Stahl/);
    await form.getByRole('button', { name: 'Add member' }).click();
    await form.getByRole('radiogroup', { name: 'Member 2 is' }).getByText('Internal staff').click();
    await form.getByLabel('Name').fill('A. Berger');
    await form.getByLabel('Function').fill('International Bureau');
    await form.getByRole('combobox', { name: 'Role' }).nth(1).click();
    await page.getByRole('option', { name: 'Note-taker' }).click();
    await pickOption(form.getByRole('textbox', { name: 'Linked cases' }), 'Climate adaptation partners', CASE);
    await pickOption(form.getByRole('textbox', { name: 'Strategy notes' }), 'Country strategy Ghana', /Country strategy Ghana/);
    await page.keyboard.press('Escape');
    await expectAccessible(page, 'new trip form');
    await form.getByRole('button', { name: 'Create' }).click();

    const detail = page.getByRole('article');
    await expect(detail.getByRole('heading', { name: TRIP, level: 2 })).toBeVisible();
    await expect(detail.getByRole('link', { name: 'Dr. Henrike Stahl' })).toBeVisible();
    await expect(detail.getByRole('row', { name: /A\. Berger.*Note-taker.*International Bureau/ })).toBeVisible();
    await expect(detail.getByRole('link', { name: CASE })).toBeVisible();
    await expect(detail.getByRole('link', { name: 'Country strategy Ghana' })).toBeVisible();
    await expect(grid.getByRole('row')).toHaveCount(3);
  });

  test('the list’s filters: no past trip yet, none to Viet Nam', async () => {
    const { page } = j;
    const grid = page.getByRole('grid', { name: 'Trip list' });
    // The list's filters: no past trips yet; Ghana has both trips, Viet Nam none.
    const listPane = page.getByRole('region', { name: 'Delegation trips' });
    await listPane.getByRole('combobox', { name: 'Phase' }).click();
    await page.getByRole('option', { name: 'Past' }).click();
    await page.keyboard.press('Escape');
    await expect(listPane.getByText('No trip matches these filters.')).toBeVisible();
    await listPane.getByRole('combobox', { name: 'Phase' }).click();
    await page.getByRole('option', { name: 'Past' }).click(); // picked again: off
    await page.keyboard.press('Escape');
    await expect(grid.getByRole('row')).toHaveCount(3);
    await pickOption(listPane.getByRole('combobox', { name: 'Destination country' }), 'Viet', /Viet/);
    await page.keyboard.press('Escape');
    await expect(listPane.getByText('No trip matches these filters.')).toBeVisible();
    await listPane.getByRole('combobox', { name: 'Destination country' }).press('Backspace');
    await expect(grid.getByRole('row')).toHaveCount(3);
    await waitForNotificationsToClose(page);
    await expectAccessible(page, 'trip overview');
  });

  test('the first agenda item, entirely by keyboard', async () => {
    const { page } = j;
    const detail = page.getByRole('article');
    // The agenda: the first meeting entirely by keyboard.
    await detail.getByRole('tab', { name: /Agenda/ }).click();
    const addItem = detail.getByRole('button', { name: 'Add item' });
    await addItem.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'New agenda item' });
    await expect(dialog.getByLabel('Title')).toBeFocused();
    await page.keyboard.type(M1);
    await page.keyboard.press('Tab'); // kind: a meeting by default
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel(/^Date/)).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2027-03-08');
    await page.keyboard.press('Escape'); // closes the calendar; the dialog stays (it has unsaved text)
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel(/^Start/)).toBeFocused();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel(/^Start/)).toHaveValue('09:00');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('1030');
    await page.keyboard.press('Tab'); // the time zone: Nairobi, the first of the trip's
    await page.keyboard.press('Tab');
    await page.keyboard.type('Institute campus, Karen');
    await page.keyboard.press('Tab');
    await pickByKeyboard(page, 'Drylands', 'East African Institute for Drylands Research');
    await page.keyboard.press('Tab');
    await pickByKeyboard(page, 'Mwangi', 'Joseph Mwangi');
    await dialog.getByLabel('Objectives').focus();
    await page.keyboard.type('Agree the outline of the drylands network.');
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Heading 1' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('textbox', { name: 'Talking points' })).toBeFocused();
    await page.keyboard.type(`- ${POINT}`);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Ask about co-funding');
    await dialog.getByLabel(/Preparation notes/).focus();
    await page.keyboard.type(PREP);
    await page.keyboard.press('Tab');
    await pickByKeyboard(page, 'Drylands research', 'Drylands research network in Kenya');
    await page.keyboard.press('Escape'); // closes the picker's list; the dialog keeps its unsaved text
    await expect(dialog).toBeVisible();
    await expectAccessible(page, 'agenda item dialog');
    await dialog.getByLabel('Place').press('Enter'); // Enter in a field saves
    await expect(dialog).toBeHidden();
    const agenda = detail.getByRole('region', { name: 'Agenda' });
    const keyed = agenda.getByRole('listitem').filter({ hasText: M1 });
    await expect(keyed).toContainText('09:00–10:30');
    await expect(keyed).toContainText('East African Institute for Drylands Research');
    await expect(keyed).toContainText('Joseph Mwangi');
  });

  test('two more items: the overlap is flagged on both, the other zone shown, and an edit clears it', async () => {
    const { page } = j;
    const detail = page.getByRole('article');
    const agenda = detail.getByRole('region', { name: 'Agenda' });
    const addItem = detail.getByRole('button', { name: 'Add item' });
    // The second overlaps the first; the third is in Accra, in Accra's time.
    await addItem.click();
    let dialog = page.getByRole('dialog', { name: 'New agenda item' });
    await dialog.getByLabel('Title').fill(M2);
    await dialog.getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Reception' }).click();
    await dialog.getByLabel(/^Date/).fill('2027-03-08');
    await page.keyboard.press('Escape');
    await dialog.getByLabel(/^Start/).fill('10:00');
    await dialog.getByLabel(/^End/).fill('11:30');
    await dialog.getByLabel('Place').fill('German Embassy Nairobi');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();

    await addItem.click();
    dialog = page.getByRole('dialog', { name: 'New agenda item' });
    await dialog.getByLabel('Title').fill(M3);
    await dialog.getByLabel(/^Date/).fill('2027-03-10');
    await page.keyboard.press('Escape');
    await dialog.getByLabel(/^Start/).fill('10:00');
    await dialog.getByLabel(/^End/).fill('11:30');
    await dialog.getByRole('combobox', { name: 'Time zone' }).click();
    await page.getByRole('option', { name: 'Accra (Greenwich Mean Time)' }).click();
    await pickOption(dialog.getByRole('textbox', { name: 'Organisation' }), 'Ministry of Research', /Ministry of Research, Innovation and Digitalisation/);
    await pickOption(dialog.getByRole('textbox', { name: 'Counterparts' }), 'Darko', /Abena Darko/);
    await pickOption(dialog.getByRole('textbox', { name: 'Linked cases' }), 'Climate adaptation', CASE);
    await page.keyboard.press('Escape');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await expect(dialog).toBeHidden();

    const m1 = agenda.getByRole('listitem').filter({ has: page.getByText(M1, { exact: true }) });
    const m2 = agenda.getByRole('listitem').filter({ has: page.getByText(M2, { exact: true }) });
    const m3 = agenda.getByRole('listitem').filter({ has: page.getByText(M3, { exact: true }) });
    await expect(m2).toContainText(`Overlaps with “${M1}” (09:00–10:30).`);
    await expect(m1).toContainText(`Overlaps with “${M2}” (10:00–11:30).`);
    await expect(agenda.getByText('2 scheduling problems in the agenda.')).toBeVisible();
    await expect(m3).toContainText('10:00–11:30');
    await expect(m3).toContainText('Accra (GMT)');
    await expect(m3).not.toContainText('Overlaps');
    await waitForNotificationsToClose(page);
    await expectAccessible(page, 'agenda with an overlap warning');

    // Fix it: the lunch moves to after the meeting.
    await m2.getByRole('button', { name: `Edit “${M2}”` }).click();
    dialog = page.getByRole('dialog', { name: 'Edit agenda item' });
    await dialog.getByLabel(/^Start/).fill('11:00');
    await dialog.getByLabel(/^End/).fill('12:30');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(m2).toContainText('11:00–12:30');
    await expect(agenda.getByText(/scheduling problem/)).toBeHidden();
    await expect(agenda.getByText(/Overlaps with/)).toHaveCount(0);
  });

  test('the briefing book: the delegation’s edition carries the preparation, the partners’ leaves it out', async () => {
    const { page } = j;
    const detail = page.getByRole('article');
    const testInfo = test.info();
    // The briefing book: the outline lists the meetings; the delegation's edition carries the preparation note.
    await detail.getByRole('tab', { name: 'Briefing book' }).click();
    const outline = detail.getByRole('region', { name: 'Outline' });
    for (const title of [M1, M2, M3]) await expect(outline.getByText(title)).toBeVisible();
    await expect(outline.getByText('Country strategy Ghana')).toBeVisible();
    // By keyboard: Space ticks "Pages for notes".
    await detail.getByRole('checkbox', { name: 'Pages for notes' }).focus();
    await page.keyboard.press('Space');
    await expect(outline.getByText('Pages for notes')).toBeVisible();
    const exportButton = detail.getByRole('button', { name: 'Export PDF' });
    const delegationText = await pdfText(page, exportButton, join(testInfo.outputPath(), 'delegation.pdf'));
    expect(delegationText).toContain(TRIP);
    expect(delegationText).toContain(PREP);
    expect(delegationText).toContain(POINT);
    expect(delegationText).toContain('INTERNAL');
    expect(delegationText).toContain('Country strategy Ghana');
    expect(delegationText).toContain('Drylands research network in Kenya');

    // The partners' edition, chosen by keyboard: arrow keys move within the radio group.
    await detail.getByRole('radio', { name: 'For the delegation (complete)' }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(detail.getByRole('radio', { name: 'For external partners (public content only)' })).toBeChecked();
    const omitted = outline.getByRole('list', { name: 'Left out' });
    await expect(omitted).toContainText('Strategy excerpts');
    await expect(omitted).toContainText('Not in the external edition');
    await expect(outline.getByText('Classification printed: Public')).toBeVisible();
    await waitForNotificationsToClose(page);
    await expectAccessible(page, 'briefing-book composer');
    const externalText = await pdfText(page, exportButton, join(testInfo.outputPath(), 'external.pdf'));
    expect(externalText).toContain(TRIP);
    expect(externalText).toContain('PUBLIC');
    expect(externalText).not.toContain(PREP);
    expect(externalText).not.toContain('PREP-ONLY');
    expect(externalText).not.toContain(POINT);
    expect(externalText).not.toContain('INTERNAL');
    expect(externalText).not.toContain('Country strategy Ghana');
  });

  test('the book’s choices are remembered with the trip; the calendar has three events at the right instants', async () => {
    const { page } = j;
    const detail = page.getByRole('article');
    const testInfo = test.info();
    // The choice is remembered with the trip.
    await page.reload();
    await detail.getByRole('tab', { name: 'Briefing book' }).click();
    await expect(detail.getByRole('radio', { name: 'For external partners (public content only)' })).toBeChecked();
    await expect(detail.getByRole('checkbox', { name: 'Pages for notes' })).toBeChecked();

    // The itinerary as a calendar: three events at the right instants.
    const icsPromise = page.waitForEvent('download');
    await detail.getByRole('button', { name: 'Export calendar (.ics)' }).click();
    const ics = await icsPromise;
    expect(ics.suggestedFilename()).toMatch(/\.ics$/);
    const icsPath = join(testInfo.outputPath(), ics.suggestedFilename());
    await ics.saveAs(icsPath);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(icsPath, 'utf8')));
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary).sort()).toEqual([M1, M3, M2].sort());
    const first = events.find((e) => e.summary === M1)!;
    expect(first.startDate.toJSDate().toISOString()).toBe('2027-03-08T06:00:00.000Z'); // 09:00 in Nairobi
    expect(events.find((e) => e.summary === M3)!.startDate.toJSDate().toISOString()).toBe('2027-03-10T10:00:00.000Z'); // 10:00 in Accra
  });

  test('a debrief writes a timeline entry and a follow-up task to the linked case', async () => {
    const { page } = j;
    const detail = page.getByRole('article');
    const agenda = detail.getByRole('region', { name: 'Agenda' });
    const m3 = agenda.getByRole('listitem').filter({ has: page.getByText(M3, { exact: true }) });
    // The debrief after the Accra meeting: what was agreed and one follow-up.
    await detail.getByRole('tab', { name: /Agenda/ }).click();
    await m3.getByRole('button', { name: `Debrief of “${M3}”` }).click();
    const dialog = page.getByRole('dialog', { name: `Debrief: ${M3}` });
    await dialog.getByLabel('What was agreed').fill('A joint call in spring with equal contributions.');
    await dialog.getByRole('button', { name: 'Add follow-up' }).click();
    await dialog.getByLabel(/^Task/).fill('Draft the joint call text');
    await dialog.getByLabel('Due').fill('2027-04-01');
    await page.keyboard.press('Escape');
    await dialog.getByRole('combobox', { name: 'Assignee' }).fill('A. Berger');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: 'Save debrief' }).click();
    const written = dialog.getByRole('status');
    await expect(written).toContainText('Written to the cases');
    await expect(written).toContainText('1 task on');
    await waitForNotificationsToClose(page);
    await expectAccessible(page, 'debrief dialog');
    // Saving again updates the same entries.
    await dialog.getByLabel('What was agreed').fill('A joint call in spring with equal contributions; launch in April.');
    await dialog.getByRole('button', { name: 'Save debrief' }).click();
    await expect(page.getByText('Debrief saved.').first()).toBeVisible();
    await written.getByRole('link', { name: new RegExp(CASE) }).first().click();

    // On the case: one timeline entry from the meeting, one task.
    await expect(page.getByRole('heading', { name: CASE })).toBeVisible();
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await expect(page.getByText(M3, { exact: true })).toHaveCount(1);
    await expect(page.getByText('A joint call in spring with equal contributions; launch in April.')).toBeVisible();
    await page.getByRole('tab', { name: /Tasks/ }).click();
    await expect(page.getByRole('list', { name: 'Tasks' }).getByText('Draft the joint call text', { exact: true })).toHaveCount(1);
    await waitForNotificationsToClose(page);
    await expectAccessible(page, 'case with the debrief written to it');
  });

  test('deleting the debriefed meeting says first what stays and what loses its link; cancelling keeps it', async () => {
    const { page } = j;
    const detail = page.getByRole('article');
    const agenda = detail.getByRole('region', { name: 'Agenda' });
    const m3 = agenda.getByRole('listitem').filter({ has: page.getByText(M3, { exact: true }) });
    // Deleting the debriefed meeting says first what stays and what loses its link; cancelling keeps it.
    await page.getByRole('button', { name: 'Delegation trips' }).click();
    await page.getByRole('grid', { name: 'Trip list' }).getByRole('row', { name: new RegExp(TRIP) }).click();
    await detail.getByRole('tab', { name: /Agenda/ }).click();
    await m3.getByRole('button', { name: `Delete “${M3}”` }).click();
    const confirm = page.getByRole('dialog', { name: `Delete “${M3}”?` });
    await expect(confirm).toContainText('1 timeline entry stays, no longer linked to the trip’s debrief');
    await expect(confirm).toContainText('1 follow-up task stays, no longer linked to the trip’s debrief');
    await expectAccessible(page, 'delete dialog of a debriefed agenda item');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toBeHidden();
    await expect(m3).toBeVisible();

    expect(await j.cspViolations()).toEqual([]);
    expect(foreignRequests(j.requests)).toEqual([]);
  });
});

test('the sample delegation’s full briefing book is three clicks away: Trips, the trip, “Briefing book (PDF)”', async ({ page, host }, testInfo) => {
  const requests = recordRequests(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open the sample workspace' }).click();
  await expectDashboard(page);

  await page.getByRole('button', { name: 'Delegation trips' }).click(); // 1
  await page.getByRole('grid', { name: 'Trip list' }).getByRole('row', { name: /Director-General/ }).click(); // 2
  const detail = page.getByRole('article', { name: /Director-General/ });
  const quick = detail.getByRole('toolbar', { name: 'Trip actions' }).getByRole('button', { name: 'Briefing book (PDF)' });
  await expect(quick).toHaveAccessibleDescription(/edition “For the delegation \(complete\)” with the \d+ sections/);

  const downloadPromise = page.waitForEvent('download');
  // The progress shows while the job runs; a warm book can be done within a frame, so the bar is
  // watched from before the click rather than looked for after it.
  const sawBar = await watchExportProgress(page);
  await quick.click(); // 3
  // The overview tab stays open; the bar showed under the trip's title.
  await expect(detail.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  const bar = await sawBar();
  expect(bar.value).toMatch(/^\d+$/);
  expect(bar.article).toMatch(/Director-General/);
  const download = await downloadPromise;
  const path = join(testInfo.outputPath(), download.suggestedFilename());
  await download.saveAs(path);
  await expect(detail.getByRole('progressbar', { name: 'Export progress' })).toBeHidden();

  // A full book: every sample meeting has its section, the contents and the contact sheet are there.
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  for (const meeting of ['East African Institute for Drylands Research', 'Ministry of Research, Innovation and Digitalisation', 'Densu Institute for Climate and Water Research']) {
    expect(text).toContain(meeting);
  }
  expect(text).toContain('Contents');
  expect(text).toContain('Contact sheet');
  expect(text).toContain('INTERNAL');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
  expect(pages).toBeGreaterThan(15);

  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 12_000 });
  await expectAccessible(page, 'trip overview after a quick export');
  expect(foreignRequests(requests)).toEqual([]);
});
