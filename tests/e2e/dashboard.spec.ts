// The dashboard as the home screen, in real Chromium: the app opens on it, an overdue task is reached
// by keyboard and opens its case, the shortcut brings the dashboard back, the chart turns into a
// table, a country on the map opens the country screen, and axe finds nothing in light and dark.
import { callApi, expect, expectAccessible, expectDashboard, foreignRequests, keyTo, recordRequests, test } from './fixtures';

test('opens on the dashboard; its items, chart table and map are reachable and accessible', async ({ page, host }) => {
  const requests = recordRequests(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Start empty' }).click();
  await expectDashboard(page);
  await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Dashboard' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('No open tasks.')).toBeVisible();

  // Records with dates far in the past and future, so the real clock puts them in known places.
  const org = await callApi<{ id: string }>(page, host.url, 'organisations.create', { name: 'Ghana Water Institute', country: 'GH' });
  await callApi(page, host.url, 'contacts.create', {
    contact: { givenName: 'Amina', familyName: 'Mensah', gdpr: { lawfulBasis: 'legitimateInterests', source: '', consentOn: null, reviewOn: '2001-01-01' } },
    positions: [{ organisationId: org.id, role: 'Director', from: null, to: null }],
  });
  const water = await callApi<{ id: string }>(page, host.url, 'cases.create', { title: 'Water partnership', openedOn: '2000-01-01', countries: ['GH'], status: 'advising' });
  await callApi(page, host.url, 'tasks.create', { caseId: water.id, title: 'Send the memo', dueOn: '2000-02-01' });
  await callApi(page, host.url, 'tasks.create', { caseId: water.id, title: 'Plan the workshop', dueOn: '2099-01-01' });

  // Away and back with the shortcut: the dashboard shows what is there now.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Cases' }).click();
  await expect(page.getByRole('heading', { name: 'Advisory cases', level: 1 })).toBeVisible();
  await page.keyboard.press('Control+Shift+H');
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeFocused();

  const work = page.getByRole('region', { name: 'Open tasks' });
  const items = work.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Send the memo');
  await expect(items.nth(0)).toContainText('Overdue');
  await expect(items.nth(1)).toContainText('Plan the workshop');
  await expect(items.nth(1)).not.toContainText('Overdue');
  const gdpr = page.getByRole('region', { name: 'GDPR reviews due' });
  await expect(gdpr.getByRole('link', { name: 'Amina Mensah' })).toBeVisible();
  await expectAccessible(page, 'dashboard with charts');

  // By keyboard from the heading to the overdue task, and Enter opens its case.
  const memo = work.getByRole('link', { name: 'Send the memo' });
  await keyTo(page, memo);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Water partnership', level: 2 })).toBeVisible();
  await page.keyboard.press('Control+Shift+H');
  await expectDashboard(page);

  // The chart as a table, switched by keyboard.
  const status = page.getByRole('region', { name: 'Cases by status' });
  await expect(status.getByRole('img', { name: 'Bar chart: cases by status' })).toBeVisible();
  const toTable = status.getByRole('switch', { name: 'Show as table' });
  await keyTo(page, toTable);
  await page.keyboard.press('Space');
  const table = status.getByRole('table');
  await expect(table.getByRole('row', { name: 'Advising 1' })).toBeVisible();
  await expect(table.getByRole('row', { name: 'Closed 0' })).toBeVisible();
  await expect(status.getByRole('img')).toHaveCount(0);

  // The map colours by cooperations (none yet), then by all activity: Ghana is a link (by country,
  // then within Western Africa by region); it opens the country.
  const coops = page.getByRole('region', { name: 'Cooperations by country' });
  await expect(coops.getByRole('link')).toHaveCount(0);
  await coops.getByText('All activity').click();
  const map = page.getByRole('region', { name: 'Activity by country' });
  const ghana = map.getByRole('link', { name: /^Ghana: 0 cooperations, 1 organisations, 1 people, 1 open cases, 0 trips/ });
  await expect(ghana).toBeVisible();
  await map.getByText('Regions').click();
  await expect(map.getByRole('link', { name: /^Ghana \(Western Africa\)/ })).toBeVisible();
  await map.getByRole('switch', { name: 'Show as table' }).check();
  await expect(map.getByRole('table').getByRole('row', { name: /Western Africa Ghana 0 1 1 1 0/ })).toBeVisible();
  await expectAccessible(page, 'dashboard with tables');
  await map.getByRole('switch', { name: 'Show as table' }).uncheck();
  await map.getByText('Countries', { exact: true }).click();
  await keyTo(page, ghana);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('article', { name: 'Ghana' })).toBeVisible();

  expect(foreignRequests(requests)).toEqual([]);
});

test('from the dashboard of the sample workspace, a priority country with a gap opens with its priority and gaps', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open the sample workspace' }).click();
  await expectDashboard(page);

  // Nigeria: a level-2 priority of the Africa strategy with cooperations but no trip and nobody met.
  const gaps = page.getByRole('region', { name: 'Priorities with gaps' });
  const nigeria = gaps.getByRole('link', { name: /^Nigeria — Africa strategy/ });
  await expect(nigeria).toBeVisible();
  const item = gaps.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Nigeria — Africa strategy/ }) });
  await expect(item.getByRole('list', { name: 'Gaps' })).toContainText('No trip in 18 months');
  await expect(item.getByRole('list', { name: 'Gaps' })).toContainText('No contact in 18 months');
  await expect(item.getByRole('list', { name: 'Gaps' })).not.toContainText('No cooperation');

  // The portfolio colours the map: countries of partners are links, Nigeria among them.
  const coops = page.getByRole('region', { name: 'Cooperations by country' });
  await expect(coops.getByRole('link', { name: /^Nigeria: [1-9]\d* cooperations/ })).toBeVisible();
  const deadlines = page.getByRole('region', { name: 'Programme deadlines' });
  await expect(deadlines.getByRole('listitem').first()).toBeVisible();
  await expectAccessible(page, 'sample dashboard');
  await page.screenshot({ path: test.info().outputPath('sample-dashboard.png'), fullPage: true });

  // By keyboard to the gap and into the country: the priority, its goals and the same gaps.
  await keyTo(page, nigeria, 'Tab', 150);
  await page.keyboard.press('Enter');
  const country = page.getByRole('article', { name: 'Nigeria' });
  await expect(country).toBeVisible();
  const priority = country.getByRole('region', { name: /^Africa strategy \d{4}–\d{4}: Nigeria$/ });
  await expect(priority.getByText('Urban futures and food security')).toBeVisible();
  await expect(priority.getByRole('list', { name: 'Gaps' })).toContainText('No trip in 18 months');
  await expect(priority.getByRole('list', { name: 'Gaps' })).toContainText('No contact in 18 months');
  await expectAccessible(page, 'priority country with a gap');
});
