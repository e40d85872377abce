/**
 * Trust at rest in the real browser (issue 11): a passphrase set in Settings, the app lock by its
 * shortcut over an editor with unsaved text (the shell behind is inert and hidden), the web host
 * asking again after a reload, and a backup restored after its confirmation — each screen checked
 * with axe in light and dark. The web host uses the default scrypt cost (~0.5 s per unlock).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, journey, startWebHost, test, expectDashboard, openCases } from './fixtures';

const PASS = 'lantern orbit meadow violin';
const CASE = 'Hydrogen partnership with Namibia';

test.describe('passphrase, app lock and backups', () => {
  const j = journey();

  test('sets a passphrase in Settings', async () => {
    const { page, host } = j;
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Open the sample workspace' }).click();
    await expectDashboard(page);
    await page.keyboard.press('Control+,');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    await expect(page.getByTestId('protection-state')).toHaveText('Not protected');
    await expectAccessible(page, 'settings with security and backups');

    const opener = page.getByRole('button', { name: 'Set passphrase' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: 'Set passphrase' });
    await expect(dialog.getByLabel('New passphrase', { exact: true })).toBeFocused();
    await dialog.getByLabel('New passphrase', { exact: true }).fill(PASS);
    await dialog.getByLabel('Repeat the new passphrase').fill(PASS);
    await expect(dialog.getByText('Strong.')).toBeVisible();
    await expectAccessible(page, 'set-passphrase dialog');
    await page.screenshot({ path: test.info().outputPath('set-passphrase.png') });
    await dialog.getByRole('button', { name: 'Set passphrase' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('protection-state')).toHaveText('Protected with a passphrase');
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Lock now' })).toBeVisible();
  });

  test('locks with the shortcut over unsaved work and unlocks back into it', async () => {
    const { page } = j;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Cases' }).click();
    await page.getByRole('button', { name: 'New case' }).click();
    const title = page.getByRole('textbox', { name: /^Title/ });
    await title.fill(CASE);
    // The same field by its id: while locked it is hidden from the accessibility tree, so no role finds it.
    const titleField = page.locator(`[id="${await title.getAttribute('id')}"]`);

    await page.keyboard.press('Control+l');
    const overlay = page.getByRole('dialog', { name: 'Attaché is locked' });
    await expect(overlay).toBeVisible();
    const passphrase = overlay.getByLabel('Passphrase', { exact: true });
    await expect(passphrase).toBeFocused();
    // Behind the lock: still there, but unreachable and hidden from screen readers.
    const shell = page.locator('.lockable');
    await expect(shell).toHaveAttribute('inert', '');
    await expect(shell).toHaveAttribute('aria-hidden', 'true');
    await expect(page.getByRole('textbox', { name: /^Title/ })).toHaveCount(0);
    await expect(titleField).toHaveValue(CASE);
    await expectAccessible(page, 'lock overlay');
    await page.screenshot({ path: test.info().outputPath('lock-overlay.png') });

    // Tab stays inside the lock: the field, its show button, Unlock.
    await page.keyboard.press('Tab');
    await expect(overlay.getByRole('button', { name: 'Show the passphrase' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(overlay.getByRole('button', { name: 'Unlock' })).toBeFocused();

    await passphrase.fill('not the passphrase');
    await passphrase.press('Enter');
    await expect(overlay.getByRole('alert')).toHaveText('The passphrase is not correct. Nothing was changed.');
    await expect(passphrase).toHaveAttribute('aria-invalid', 'true');
    await expectAccessible(page, 'lock overlay with a wrong passphrase');
    await page.screenshot({ path: test.info().outputPath('lock-wrong.png') });

    await passphrase.fill(PASS);
    await passphrase.press('Enter');
    await expect(overlay).toBeHidden();
    await expect(shell).not.toHaveAttribute('inert');
    await expect(title).toHaveValue(CASE);
    await expect(title).toBeFocused();
    await page.keyboard.press('Control+s');
    await expect(page.getByRole('heading', { name: CASE, level: 2 })).toBeVisible();
    await expect(page.getByText('26 cases')).toBeVisible();
  });

  test('asks for the passphrase again after a reload (web host)', async () => {
    const { page } = j;
    await page.reload();
    const heading = page.getByRole('heading', { name: 'Attaché is locked', level: 1 });
    await expect(heading).toBeVisible();
    const field = page.getByLabel('Passphrase', { exact: true });
    await expect(field).toBeFocused();
    await expectAccessible(page, 'unlock screen at start');
    await page.screenshot({ path: test.info().outputPath('unlock-start.png') });
    await field.fill(PASS);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  });

  test('restores a backup after a confirmation that backs up the current state first', async () => {
    const { page } = j;
    await page.keyboard.press('Control+,');
    const table = page.getByRole('table', { name: 'Backups' });
    // Made just before the passphrase was set, so before the case above existed.
    const row = table.getByRole('row').filter({ hasText: 'Before passphrase change' }).first();
    await expect(row.getByText('Valid')).toBeVisible();
    await expect(row.getByText('Encrypted')).toBeVisible();
    await expect(table.getByText('Checking…')).toHaveCount(0);
    await expectAccessible(page, 'backups table, verified');
    await page.screenshot({ path: test.info().outputPath('backups.png'), fullPage: true });

    const restore = row.getByRole('button', { name: /^Restore the backup of / });
    await restore.click();
    const dialog = page.getByRole('dialog', { name: 'Restore this backup?' });
    await expect(dialog.getByText(/The current state is backed up first/)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectAccessible(page, 'restore confirmation');
    await page.screenshot({ path: test.info().outputPath('restore-confirm.png') });
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByText(/The backup was restored/)).toBeVisible();
    await expect(dialog).toBeHidden();
    await expect(table.getByRole('row').filter({ hasText: 'Before restore' })).not.toHaveCount(0);

    // The case typed before the lock was not in that backup: the sample's 25 again.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('button', { name: 'Cases' }).click();
    await expect(page.getByText('25 cases')).toBeVisible();
    expect(await j.cspViolations()).toEqual([]);
  });
});

test('first start: the passphrase choice; a missing database with backups beside it offers them', async ({ page }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'attache-e2e-'));
  let host = await startWebHost(dataDir);
  try {
    await page.goto(host.url);
    await page.getByRole('checkbox', { name: /Protect with a passphrase/ }).check();
    await expect(page.getByLabel('New passphrase', { exact: true })).toBeVisible();
    await expectAccessible(page, 'welcome with the passphrase choice');
    await page.screenshot({ path: test.info().outputPath('welcome-protect.png'), fullPage: true });
    await page.getByRole('checkbox', { name: /Protect with a passphrase/ }).uncheck();
    await page.getByRole('button', { name: 'Open the sample workspace' }).click();
    await expectDashboard(page);
    await openCases(page);
    await expect(page.getByText('25 cases')).toBeVisible();

    // The database file goes missing while the app is closed; the setup backup is still there.
    await host.stop();
    for (const f of ['attache.json', 'attache.json.seal', 'attache.journal']) await rm(join(dataDir, f), { force: true });
    host = await startWebHost(dataDir);
    await page.goto(host.url);
    const offered = page.getByRole('table', { name: 'Backups were found' });
    await expect(offered.getByRole('button', { name: /^Restore the backup of / })).not.toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Start empty' })).toBeVisible();
    await expectAccessible(page, 'welcome offering backups');
    await page.screenshot({ path: test.info().outputPath('welcome-backups.png'), fullPage: true });
    await offered.getByRole('button', { name: /^Restore the backup of / }).first().click();
    await expectDashboard(page);
    await openCases(page);
    await expect(page.getByText('25 cases')).toBeVisible();
  } finally {
    await host.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
