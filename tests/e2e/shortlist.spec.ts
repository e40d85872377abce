/**
 * From "Find partners" to a case's shortlist in real Chromium against the web host (issue 13): in the
 * sample workspace, an institute's partners are found, one reason's source record is opened and the
 * browser goes back to the institute; the institute's case is opened, its partners are found and saved
 * to it as the shortlist, which the case screen then shows. The case part runs by keyboard only; axe
 * checks the case screen with its shortlist in light and dark. (matchmaking.spec.ts covers the dialog
 * on a hand-made workspace; saving to a case had no journey.)
 */
import { expect, expectAccessible, expectDashboard, foreignRequests, journey, keyTo, test } from './fixtures';

const INSTITUTE = 'Meridian Institute for Coastal and Climate Research';
const CASE = 'Climate adaptation partners in Ghana';

test.describe('an advisor finds partners for an institute and keeps them as a case’s shortlist', () => {
  const j = journey();
  /** The best-ranked candidate of the case's Find partners, which the shortlist must name. */
  let first = '';

  test('from an institute of the sample workspace, Find partners opens a reason’s source; Back returns', async () => {
    const { page } = j;
    await page.goto(j.host.url);
    await page.getByRole('button', { name: 'Open the sample workspace' }).click();
    await expectDashboard(page);
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Organisations' }).click();
    const region = page.getByRole('region', { name: 'Organisations' });
    await region.getByRole('searchbox', { name: 'Search' }).fill('coastal and climate');
    const grid = page.getByRole('grid', { name: 'Organisation list' });
    await grid.getByRole('gridcell', { name: `${INSTITUTE} MICC` }).click();
    const heading = page.getByRole('heading', { name: INSTITUTE, level: 2 });
    await expect(heading).toBeVisible();
    const institutePath = new URL(page.url()).hash;

    await page.getByRole('button', { name: 'Find partners' }).click();
    const dialog = page.getByRole('dialog', { name: 'Find partners' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('region', { name: /^Organisations/ }).getByRole('listitem').first()).toBeVisible();
    // A reason's source: the record that made the reason (a cooperation, a case, a trip …).
    const source = dialog.locator('.match-reasons a').first();
    await expect(source).toBeVisible();
    const label = (await source.textContent())!;
    const [, name] = label.split(': ');
    expect(name, `a source link names its record: “${label}”`).toBeTruthy();
    await source.click();
    await expect(dialog).toBeHidden();
    await expect(page).not.toHaveURL(new RegExp(`${institutePath.replace(/[/#]/g, '\\$&')}$`));
    await expect(page.getByRole('heading', { name: name!, level: 2 })).toBeVisible();

    await page.goBack();
    await expect(heading).toBeVisible();
    expect(new URL(page.url()).hash).toBe(institutePath);
  });

  test('keyboard only: the institute’s case, Find partners, Save to case as shortlist', async () => {
    const { page } = j;
    const caseLink = page.getByRole('region', { name: 'Cases' }).getByRole('link', { name: CASE });
    await keyTo(page, caseLink, 'Tab', 120);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: CASE, level: 2 })).toBeVisible();
    const shortlist = page.getByRole('region', { name: 'Shortlist' });
    await expect(shortlist.getByText('Nothing saved yet.', { exact: false })).toBeVisible();

    await keyTo(page, page.getByRole('button', { name: 'Find partners' }), 'Tab', 80);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Find partners' });
    await expect(dialog).toBeVisible();
    const best = dialog.getByRole('region', { name: /^Organisations/ }).getByRole('listitem').first().getByRole('link').first();
    await expect(best).toBeVisible();
    first = (await best.textContent())!;
    const save = dialog.getByRole('button', { name: 'Save to case as shortlist' });
    // The dialog keeps focus inside: Shift+Tab from its first control wraps to its footer, past every candidate's links.
    await keyTo(page, save, 'Shift+Tab', 10);
    await page.keyboard.press('Enter');
    await expect(page.getByText('Shortlist saved to the case.')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('the case screen shows the shortlist with scores and reasons; accessible in light and dark', async () => {
    const { page } = j;
    const shortlist = page.getByRole('region', { name: 'Shortlist' });
    await expect(shortlist.getByRole('link', { name: first, exact: true })).toBeVisible();
    await expect(shortlist.getByText('Nothing saved yet.', { exact: false })).toHaveCount(0);
    await expect(shortlist.getByText(/^Score \d/).first()).toBeVisible();
    await expect(shortlist.getByRole('button', { name: `Remove ${first} from the shortlist` })).toBeVisible();
    await expectAccessible(page, 'the case with its shortlist');

    // Stored: after a reload the case still has it.
    await page.reload();
    await expect(page.getByRole('heading', { name: CASE, level: 2 })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Shortlist' }).getByRole('link', { name: first, exact: true })).toBeVisible();
    expect(foreignRequests(j.requests)).toEqual([]);
  });
});
