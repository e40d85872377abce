/**
 * A group's screen in real Chromium against the web host (issue 13: filter and count by group
 * everywhere): in the sample workspace a network opens from "Manage groups…", its heading takes
 * focus, axe checks it in light and dark, and each count opens its list filtered by the group with
 * the same number — the people count by keyboard. (The sample's people work at the story's
 * organisations, not at the network's institutes: the journey gives one institute a person, and a
 * former one whose position has ended, who must not count.)
 */
import { callApi, expect, expectAccessible, expectDashboard, foreignRequests, journey, keyTo, test } from './fixtures';

const GROUP = 'Africa Network of the Association';

test.describe('a network’s screen counts its records and opens each list filtered by it', () => {
  const j = journey();
  const counted = (link: string) => Number(/^(\d+)/.exec(link)![1]);

  test('the group opens from Manage groups; its counts are links; accessible in light and dark', async () => {
    const { page } = j;
    await page.goto(j.host.url);
    await page.getByRole('button', { name: 'Open the sample workspace' }).click();
    await expectDashboard(page);
    const institute = (await callApi<{ rows: Array<{ id: string; name: string }> }>(page, j.host.url, 'organisations.list', { text: 'Hanseatic Institute for Coastal Systems' })).rows[0]!;
    expect(institute.name).toBe('Hanseatic Institute for Coastal Systems');
    await callApi(page, j.host.url, 'contacts.create', { contact: { givenName: 'Hanna', familyName: 'Sörensen' }, positions: [{ organisationId: institute.id, role: 'Head of International Office' }] });
    await callApi(page, j.host.url, 'contacts.create', { contact: { givenName: 'Ole', familyName: 'Brandt' }, positions: [{ organisationId: institute.id, role: 'Postdoc', from: '2015-01-01', to: '2019-12-31' }] });
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Organisations' }).click();
    await page.getByRole('button', { name: 'Manage groups…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Groups of organisations' });
    await dialog.getByRole('link', { name: GROUP }).click();
    await expect(dialog).toBeHidden();
    await expect(page).toHaveURL(/#\/groups\//);
    const heading = page.getByRole('heading', { name: GROUP, level: 1 });
    await expect(heading).toBeFocused();
    const counts = page.getByRole('region', { name: 'In this group' });
    await expect(counts.getByRole('link')).toHaveCount(5);
    await expect(counts.getByRole('link', { name: /^\d+ organisations?$/ })).toBeVisible();
    await expectAccessible(page, 'a group’s screen');
  });

  test('keyboard: the people count opens the people list filtered by the group, with the same number', async () => {
    const { page } = j;
    const counts = page.getByRole('region', { name: 'In this group' });
    const people = counts.getByRole('link', { name: /^\d+ (person|people)$/ });
    await expect(people).toHaveText('1 person'); // Hanna; Ole's position has ended
    await keyTo(page, people, 'Tab', 40);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
    await expect(page.getByText('1 person', { exact: true })).toBeVisible();
    await expect(page.getByRole('grid', { name: 'List of people' }).getByText('Hanna Sörensen')).toBeVisible();
    const region = page.getByRole('region', { name: 'People' });
    await expect(region.getByText(GROUP, { exact: false }).first()).toBeVisible(); // the chosen filter value
    // Resetting the filter shows everyone again: the list was narrowed by the link, not empty.
    await region.getByRole('button', { name: 'Reset filters' }).click();
    await expect(page.getByText('122 people', { exact: true })).toBeVisible();
  });

  test('the organisation and cooperation counts open their lists with the same number', async () => {
    const { page } = j;
    await page.goBack();
    const heading = page.getByRole('heading', { name: GROUP, level: 1 });
    await expect(heading).toBeVisible();
    const counts = page.getByRole('region', { name: 'In this group' });

    const orgs = counts.getByRole('link', { name: /^\d+ organisations?$/ });
    const o = counted((await orgs.textContent())!);
    expect(o).toBeGreaterThan(0);
    await orgs.click();
    await expect(page.getByRole('heading', { name: 'Organisations', level: 1 })).toBeVisible();
    await expect(page.getByText(o === 1 ? '1 organisation' : `${o} organisations`, { exact: true })).toBeVisible();

    await page.goBack();
    await expect(heading).toBeVisible();
    const cooperations = counts.getByRole('link', { name: /^\d+ cooperations?$/ });
    const c = counted((await cooperations.textContent())!);
    expect(c).toBeGreaterThan(0);
    await cooperations.click();
    await expect(page.getByRole('heading', { name: 'Cooperations', level: 1 })).toBeVisible();
    await expect(page.getByText(c === 1 ? '1 cooperation' : `${c} cooperations`, { exact: true })).toBeVisible();
    expect(foreignRequests(j.requests)).toEqual([]);
    expect(await j.cspViolations()).toEqual([]);
  });
});
