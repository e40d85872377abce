import { expectAccessible, foreignRequests, recordRequests, test, expect, expectDashboard, openCases } from './fixtures';

test('a country at a glance: map, organisations, people, cases, the notes that concern it and the trips there; a person shows her trips', async ({ page, host }) => {
  const requests = recordRequests(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open the sample workspace' }).click();
  await expectDashboard(page);
  await openCases(page);
  await expectAccessible(page, 'sample case list');

  await page.getByRole('button', { name: 'Countries' }).click();
  await page.getByRole('grid', { name: 'Countries with records' }).getByRole('row', { name: /Ghana/ }).click();
  const detail = page.getByRole('article', { name: 'Ghana' });
  const map = detail.getByRole('img', { name: 'Map of Ghana (highlighted) and its neighbours' });
  await expect(map).toBeVisible();
  // Drawn from offline data as vector paths: one highlighted country among its neighbours.
  await expect(map.locator('path.country-map-target')).toHaveCount(1);
  expect(await map.locator('path.country-map-land').count()).toBeGreaterThanOrEqual(3);
  await expect(detail.getByRole('heading', { name: 'Strategy notes (country and its regions)' })).toBeVisible();
  await expect(detail.getByRole('link', { name: /Country strategy Ghana/ })).toBeVisible();
  await expect(detail.getByRole('link', { name: 'Director-General’s delegation to Nairobi and Accra' })).toBeVisible();
  await expectAccessible(page, 'country detail with map');

  // From the country to the trip, whose overview shows both destinations' maps.
  await detail.getByRole('link', { name: 'Director-General’s delegation to Nairobi and Accra' }).click();
  const trip = page.getByRole('article', { name: /Director-General/ });
  await expect(trip.getByRole('img', { name: /Map of Kenya/ })).toBeVisible();
  await expect(trip.getByRole('img', { name: /Map of Ghana/ })).toBeVisible();
  await expectAccessible(page, 'trip overview with maps');

  // The links the other way: the head of delegation's page names the trip and her role in it.
  await trip.getByRole('link', { name: 'Dr. Henrike Stahl' }).click();
  const person = page.getByRole('article', { name: /Dr\. Henrike Stahl/ });
  const trips = person.getByRole('region', { name: 'Delegation trips' });
  await expect(trips.getByRole('link', { name: 'Director-General’s delegation to Nairobi and Accra' })).toBeVisible();
  await expect(trips).toContainText('In the delegation as Head of delegation');
  await expectAccessible(page, 'person with the trips that name her');

  // In German the map is described in German.
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByText('Deutsch').click();
  await page.getByRole('button', { name: 'Länder' }).click();
  await page.getByRole('grid', { name: 'Länder mit Einträgen' }).getByRole('row', { name: /Ghana/ }).click();
  await expect(page.getByRole('img', { name: 'Karte: Ghana (hervorgehoben) und Nachbarländer' })).toBeVisible();
  expect(foreignRequests(requests)).toEqual([]);
});
