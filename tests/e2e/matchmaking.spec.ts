/**
 * "Find partners" in real Chromium against the web host: from our institute's page the dialog opens
 * by keyboard, ranks the partners with their reasons, and a reason's source link (the earlier
 * cooperation) opens that record; axe on the dialog in light and dark.
 */
import type { Page } from '@playwright/test';
import { callApi, expect, expectAccessible, expectDashboard, keyTo, test } from './fixtures';

async function seed(page: Page, url: string) {
  const alliance = await callApi<{ id: string }>(page, url, 'groups.create', { name: 'Research Alliance Climate', kind: 'alliance' });
  const ioer = await callApi<{ id: string }>(page, url, 'organisations.create', { name: 'Institute of Ecological Research', kind: 'researchInstitute', country: 'DE', topics: ['climate adaptation', 'water'], groupIds: [alliance.id] });
  const legon = await callApi<{ id: string }>(page, url, 'organisations.create', { name: 'University of Ghana', kind: 'university', country: 'GH', topics: ['climate adaptation'] });
  await callApi(page, url, 'organisations.create', { name: 'University of Nairobi', kind: 'university', country: 'KE', topics: ['water'], groupIds: [alliance.id] });
  await callApi(page, url, 'contacts.create', { contact: { givenName: 'Ama', familyName: 'Owusu', expertise: ['climate adaptation'] }, positions: [{ organisationId: legon.id, role: 'Professor' }] });
  await callApi(page, url, 'cooperations.create', { title: 'Coastal adaptation in West Africa', institutes: [ioer.id], partners: [legon.id], topics: ['climate adaptation'], status: 'running', start: '2026-01-01' });
  return { ioer };
}

test('from an institute, find partners by keyboard and open a reason\'s source record; accessible in light and dark', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Start empty' }).click();
  await expectDashboard(page);
  const { ioer } = await seed(page, host.url);

  await page.goto(`${host.origin}/#/organisations/${ioer.id}`);
  const heading = page.getByRole('heading', { name: 'Institute of Ecological Research', level: 2 });
  await expect(heading).toBeVisible();
  // Tab to "Find partners" and open it with Enter.
  const open = page.getByRole('button', { name: 'Find partners' });
  await keyTo(page, open, 'Tab', 60);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Find partners' });
  await expect(dialog).toBeVisible();
  const orgs = dialog.getByRole('region', { name: /^Organisations/ });
  await expect(orgs.getByRole('link').first()).toHaveText('University of Ghana');
  await expect(dialog.getByText('Earlier cooperation: “Coastal adaptation in West Africa”')).toBeVisible();
  await expectAccessible(page, 'the Find partners dialog');

  // Tab to the reason's source and follow it with Enter: the cooperation opens.
  const source = dialog.getByRole('link', { name: 'Cooperation: Coastal adaptation in West Africa' }).first();
  await keyTo(page, source, 'Tab', 80);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/#\/cooperations\//);
  await expect(page.getByRole('heading', { name: 'Coastal adaptation in West Africa', level: 2 })).toBeVisible();
});
