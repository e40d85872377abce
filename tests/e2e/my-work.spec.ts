// My work (issue 14) in real Chromium on the sample workspace: an overdue task from a case and a
// follow-up from a trip debrief are listed (with the meeting and trip it came from), a reminder added
// on a person's page appears there and on the dashboard, one item is ticked off by keyboard (and
// undone), the Mine/Everyone switch is remembered, and axe finds nothing in light and dark.
import { mkdir } from 'node:fs/promises';
import { callApi, expect, expectAccessible, expectDashboard, foreignRequests, keyTo, recordRequests, test } from './fixtures';

const ME = 'Anna Berger';

test('My work lists case tasks, debrief follow-ups and reminders on people; tick off by keyboard', async ({ page, host }) => {
  const requests = recordRequests(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open the sample workspace' }).click();
  // Building the sample takes a while on a busy machine.
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible({ timeout: 30_000 });

  // Dates far in the past, so the real clock makes them overdue.
  await callApi(page, host.url, 'settings.update', { advisorName: ME });
  const pilot = await callApi<{ id: string }>(page, host.url, 'cases.create', { title: 'Desalination pilot', openedOn: '2000-01-01' });
  await callApi(page, host.url, 'tasks.create', { caseId: pilot.id, title: 'Send the pilot memo', dueOn: '2000-02-01', assignee: ME });
  await callApi(page, host.url, 'tasks.create', { caseId: pilot.id, title: 'Someone else’s task', dueOn: '2000-02-01', assignee: 'Ben Ode' });
  const trip = await callApi<{ id: string }>(page, host.url, 'trips.create', {
    title: 'Water delegation to Windhoek',
    destinations: [{ country: 'NA', city: 'Windhoek' }],
    startDate: '2000-03-01',
    endDate: '2000-03-03',
    timeZones: ['Africa/Windhoek'],
    caseIds: [pilot.id],
  });
  const meeting = await callApi<{ id: string; revision: number }>(page, host.url, 'agenda.create', { tripId: trip.id, title: 'Meeting at the water utility', date: '2000-03-02', start: '10:00', end: '11:00', timeZone: 'Africa/Windhoek' });
  await callApi(page, host.url, 'agenda.debrief', { agendaItemId: meeting.id, revision: meeting.revision, agreed: 'A joint pilot.', followUps: [{ title: 'Draft the joint call text', dueOn: '2000-03-10', assignee: ME }] });
  const person = await callApi<{ id: string }>(page, host.url, 'contacts.create', { contact: { givenName: 'Wanjiru', familyName: 'Kamau-Test' }, positions: [] });

  // A reminder on the person, added on their page (assigned to the advisor's name by default).
  // (Loaded afresh: the name was set behind the page's back, not in Settings, where the page would learn it.)
  await page.goto(`${host.origin}/#/contacts/${person.id}`);
  await page.reload();
  // A full reload loads the app and the screen's code again: on a loaded machine that can take longer than the usual 10 s.
  await expect(page.getByRole('heading', { name: 'Wanjiru Kamau-Test' })).toBeVisible({ timeout: 30_000 });
  const reminders = page.getByRole('region', { name: 'Reminders' });
  await expect(reminders.getByText('No reminders.')).toBeVisible();
  await expect(reminders.getByRole('combobox', { name: 'For' })).toHaveValue(ME);
  await reminders.getByLabel('On', { exact: true }).fill('2000-04-01');
  await reminders.getByRole('textbox', { name: 'Reminder' }).fill('Get back to her after the call for proposals closes');
  await page.keyboard.press('Enter');
  const added = reminders.getByRole('list', { name: 'Reminders on this person' }).getByRole('listitem');
  await expect(added).toHaveCount(1);
  await expect(added).toContainText('Get back to her after the call for proposals closes');
  await expect(added).toContainText(ME);
  await expectAccessible(page, 'person page with a reminder');

  // The dashboard's My work shows it from its day on.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Dashboard' }).click();
  await expectDashboard(page);
  const widget = page.getByRole('region', { name: 'My work' });
  await expect(widget.getByRole('link', { name: 'Get back to her after the call for proposals closes' })).toBeVisible();

  // My work from the navigation, by keyboard.
  const navItem = page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'My work' });
  await navItem.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'My work', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'My work' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('radio', { name: 'Mine' })).toBeChecked();
  await expect(page.getByText(`Assigned to ${ME}`)).toBeVisible();

  const overdue = page.getByRole('region', { name: 'Overdue' });
  const memo = overdue.getByRole('listitem').filter({ hasText: 'Send the pilot memo' });
  await expect(memo).toContainText('Desalination pilot');
  const followUp = overdue.getByRole('listitem').filter({ hasText: 'Draft the joint call text' });
  await expect(followUp).toContainText('From the debrief of “Meeting at the water utility” on Water delegation to Windhoek');
  const reminder = overdue.getByRole('listitem').filter({ hasText: 'Get back to her after the call for proposals closes' });
  await expect(reminder).toContainText('Reminder on Wanjiru Kamau-Test');
  await expect(overdue.getByText('Someone else’s task')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Done today' }).getByText('Nothing here.')).toBeVisible();
  await mkdir('/tmp/shots-mywork', { recursive: true });
  await page.screenshot({ path: '/tmp/shots-mywork/my-work-light.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: '/tmp/shots-mywork/my-work-dark.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await expectAccessible(page, 'My work');

  // Tick the memo off by keyboard: it moves to Done today; Undo puts it back.
  const tick = memo.getByRole('checkbox', { name: 'Mark “Send the pilot memo” done' });
  await keyTo(page, tick);
  await page.keyboard.press('Space');
  const doneToday = page.getByRole('region', { name: 'Done today' });
  await expect(doneToday.getByRole('checkbox', { name: 'Mark “Send the pilot memo” open again' })).toBeChecked();
  await expect(overdue.getByText('Send the pilot memo')).toHaveCount(0);
  await page.getByRole('alert').filter({ hasText: '“Send the pilot memo” done.' }).getByRole('button', { name: 'Undo' }).click();
  await expect(overdue.getByRole('checkbox', { name: 'Mark “Send the pilot memo” done' })).not.toBeChecked();
  await expect(doneToday.getByText('Nothing here.')).toBeVisible();

  // The reminder ticked off the same way; its row opens the person.
  await keyTo(page, reminder.getByRole('checkbox'));
  await page.keyboard.press('Space');
  await expect(doneToday.getByRole('link', { name: 'Get back to her after the call for proposals closes' })).toBeVisible();

  // Everyone's work (the switch by keyboard), remembered after a reload.
  await keyTo(page, page.getByRole('radio', { name: 'Mine' }), 'Shift+Tab', 60);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Everyone' })).toBeChecked();
  await expect(overdue.getByText('Someone else’s task')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'My work', level: 1 })).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Everyone' })).toBeChecked();
  await expect(page.getByRole('region', { name: 'Overdue' }).getByText('Someone else’s task')).toBeVisible();

  await page.getByRole('region', { name: 'Done today' }).getByRole('link', { name: 'Get back to her after the call for proposals closes' }).click();
  await expect(page.getByRole('heading', { name: 'Wanjiru Kamau-Test' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Mark reminder “Get back to her after the call for proposals closes” open again' })).toBeChecked();

  expect(foreignRequests(requests)).toEqual([]);
});
