/**
 * Data in and out (issue 12): merging two duplicate people by keyboard from a person's page, then
 * one Undo; exporting the workspace as an archive from Settings and opening it over the workspace
 * (inspected, confirmed, backed up first); and opening an archive as the new workspace at first
 * start. Every new dialog is checked with axe in light and dark.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, expectAccessible, journey, startWebHost, test, waitForSettledOptions, callApi, keyTo, expectDashboard } from './fixtures';



type Contact = { id: string; revision: number; familyName: string };

/** Longer than any cut the dialog once made (160 characters), with its end to look for. */
const longNote = `Met at the Accra science fair in 2025. ${'She leads the graduate school’s exchange office and asked for a joint call. '.repeat(4)}This is the end of the note.`;

test.describe('merge duplicates and the archive', () => {
  const j = journey();
  let keep: Contact;
  let archivePath: string;
  let encryptedPath: string;

  test('merges two duplicates by keyboard from a person’s page; one Undo brings both back', async () => {
    const { page, host } = j;
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Open the sample workspace' }).click();
    await expectDashboard(page);
    keep = await callApi<Contact>(page, host.url, 'contacts.create', {
      contact: { givenName: 'Amina', familyName: 'Mensah', emails: [{ address: 'a.mensah@ug.example', kind: 'work' }] },
      positions: [],
    });
    const other = await callApi<Contact>(page, host.url, 'contacts.create', {
      contact: { academicTitle: 'Dr.', givenName: 'Amina', familyName: 'Mensah-Owusu', emails: [{ address: 'amina@private.example', kind: 'private' }], notes: longNote },
      positions: [],
    });
    await callApi(page, host.url, 'cases.create', { title: 'Exchange with Legon', openedOn: '2026-02-01', clientContactIds: [other.id] });

    await page.goto(`${host.origin}/#/contacts/${keep.id}`);
    await expect(page.getByRole('heading', { name: 'Amina Mensah', level: 2 })).toBeVisible();
    const open = page.getByRole('button', { name: 'Merge with…' });
    await keyTo(page, open, 'Tab', 60);
    await page.keyboard.press('Enter');
    let dialog = page.getByRole('dialog', { name: 'Merge Amina Mensah with…' });
    const picker = dialog.getByRole('textbox', { name: /The duplicate person/ });
    await expect(picker).toBeFocused();
    await page.keyboard.type('Mensah-Owusu');
    await waitForSettledOptions(page);
    await expect(page.getByRole('option', { name: /Mensah-Owusu/ })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expectAccessible(page, 'merge: choose the duplicate');
    await keyTo(page, dialog.getByRole('button', { name: 'Compare' }), 'Tab');
    await page.keyboard.press('Enter');

    dialog = page.getByRole('dialog', { name: 'Merge duplicates' });
    await expect(dialog.getByText('Goes to the trash: Dr. Amina Mensah-Owusu')).toBeVisible();
    await expect(dialog.getByRole('radio', { name: 'Take: Dr.' })).toBeFocused();
    const family = dialog.getByRole('radiogroup', { name: 'Family name' });
    await keyTo(page, family.getByRole('radio', { name: 'Keep: Mensah' }), 'Tab');
    await page.keyboard.press('ArrowRight');
    await expect(family.getByRole('radio', { name: 'Take: Mensah-Owusu' })).toBeChecked();
    await expect(dialog.getByText('1 case')).toBeVisible();
    // The note being chosen is shown whole, and at 1024×700 Cancel / Merge stay on screen (review findings 5, 6).
    await expect(dialog.getByRole('radio', { name: `Take: ${longNote}` })).toBeAttached();
    const size = page.viewportSize()!;
    await page.setViewportSize({ width: 1024, height: 700 });
    await expect(dialog.getByRole('button', { name: 'Merge' })).toBeInViewport({ ratio: 1 });
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport({ ratio: 1 });
    await page.setViewportSize(size);
    await expectAccessible(page, 'merge: compare the fields');
    await page.screenshot({ path: test.info().outputPath('merge-dialog.png') });
    await keyTo(page, dialog.getByRole('button', { name: 'Merge' }), 'Tab');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: 'Dr. Amina Mensah-Owusu', level: 2 })).toBeVisible();
    await expect(page.getByText('Merged into “Dr. Amina Mensah-Owusu”.')).toBeVisible();
    const people = await callApi<Array<{ id: string }>>(page, host.url, 'contacts.lookup', { text: 'Amina Mensah' });
    expect(people.map((p) => p.id)).toEqual([keep.id]);

    // Undo by its shortcut: both people back, the case naming the other again.
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('heading', { name: 'Amina Mensah', level: 2 })).toBeVisible();
    const back = await callApi<Array<{ id: string }>>(page, host.url, 'contacts.lookup', { text: 'Amina Mensah' });
    expect(back.map((p) => p.id).sort()).toEqual([keep.id, other.id].sort());
    expect(await j.cspViolations()).toEqual([]);
  });

  test('exports an archive from Settings and opens it over the workspace, backed up first', async () => {
    const { page, host } = j;
    await page.keyboard.press('Control+,');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export archive' }).click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/^attache-\d{4}-\d{2}-\d{2}\.attache$/);
    archivePath = test.info().outputPath('workspace.attache');
    await download.saveAs(archivePath);

    // Made after the export: opening the archive takes it away again.
    await callApi(page, host.url, 'organisations.create', { name: 'Founded after the export' });
    const chooser = page.waitForEvent('filechooser');
    const opener = page.getByRole('button', { name: 'Open an archive…' });
    // The download notice stands clear of the archive buttons (review finding 7): a mouse click reaches them.
    const notice = page.getByRole('alert').filter({ hasText: /downloaded/ });
    await expect(notice).toBeVisible();
    const [n, o] = [(await notice.boundingBox())!, (await opener.boundingBox())!];
    const overlaps = n.x < o.x + o.width && o.x < n.x + n.width && n.y < o.y + o.height && o.y < n.y + n.height;
    expect(overlaps).toBe(false);
    await opener.click();
    await (await chooser).setFiles(archivePath);
    const dialog = page.getByRole('dialog', { name: 'Open an archive' });
    await expect(dialog.getByRole('cell', { name: /people/ })).toContainText('122 people');
    await expect(dialog.getByText('Not encrypted')).toBeVisible();
    await expect(dialog.getByText(/backed up first/)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await expectAccessible(page, 'open an archive over the workspace');
    await page.screenshot({ path: test.info().outputPath('open-archive.png') });
    await dialog.getByRole('button', { name: 'Replace the workspace' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/The archive was opened/)).toBeVisible();
    await expect(opener).toBeFocused();
    expect(await callApi<unknown[]>(page, host.url, 'organisations.lookup', { text: 'Founded after the export' })).toEqual([]);
    await expect(page.getByRole('table', { name: 'Backups' }).getByRole('row').filter({ hasText: 'Before restore' })).not.toHaveCount(0);
  });

  test('a file that is not an archive is refused in the dialog, and nothing changes', async () => {
    const { page, host } = j;
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open an archive…' }).focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles({ name: 'contacts.attache', mimeType: 'text/csv', buffer: Buffer.from('name;email\nAmina;a@example.org\n') });
    const dialog = page.getByRole('dialog', { name: 'Open an archive' });
    await expect(dialog.getByRole('alert')).toHaveText(/“contacts\.attache” cannot be opened.*not a zip archive/);
    // Nothing to cancel: Close has focus, and another file can be chosen right here.
    await expect(dialog.getByRole('button', { name: 'Close' }).last()).toBeFocused();
    await expectAccessible(page, 'open an archive: refused');
    const again = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Choose another file…' }).click();
    await (await again).setFiles({ name: 'notes.attache', mimeType: 'text/plain', buffer: Buffer.from('not a zip either') });
    await expect(dialog.getByRole('alert')).toHaveText(/“notes\.attache” cannot be opened/);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await callApi<unknown[]>(page, host.url, 'contacts.lookup', { text: 'Amina Mensah' })).toHaveLength(2);
  });

  test('opens the archive as the new workspace at first start', async ({ browser }) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'attache-e2e-'));
    const fresh = await startWebHost(dataDir);
    const context = await browser.newContext({ viewport: { width: 1400, height: 880 }, locale: 'en-GB' });
    const page = await context.newPage();
    try {
      await page.goto(fresh.url);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open an archive…' }).click();
      await (await chooser).setFiles(archivePath);
      const dialog = page.getByRole('dialog', { name: 'Open an archive' });
      await expect(dialog.getByRole('cell', { name: /people/ })).toContainText('122 people');
      await expectAccessible(page, 'first start: open an archive');
      await dialog.getByRole('button', { name: 'Open as the new workspace' }).click();
      await expectDashboard(page);
      expect(await callApi<Array<{ id: string }>>(page, fresh.url, 'contacts.lookup', { text: 'Amina Mensah' })).toHaveLength(2);
    } finally {
      await context.close();
      await fresh.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('an encrypted workspace asks its passphrase to export; the archive asks it again to open', async () => {
    const { page, host } = j;
    const PASS = 'lantern orbit meadow violin';
    await callApi(page, host.url, 'workspace.setPassphrase', { current: null, next: PASS });
    // The web host asks for the passphrase on every page load.
    await page.reload();
    await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
    await page.keyboard.press('Control+,');
    await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();

    await page.getByRole('button', { name: 'Export archive' }).click();
    const ask = page.getByRole('dialog', { name: 'Export the workspace as an archive' });
    const field = ask.getByLabel('Passphrase', { exact: true });
    await expect(field).toBeFocused();
    await field.fill('not the passphrase');
    await page.keyboard.press('Enter');
    await expect(ask.getByText('The passphrase is not correct.')).toBeVisible();
    await expectAccessible(page, 'export an encrypted archive: passphrase');
    await field.fill(PASS);
    const downloaded = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const download = await downloaded;
    await expect(ask).toBeHidden();
    encryptedPath = test.info().outputPath('encrypted.attache');
    await download.saveAs(encryptedPath);
    const bytes = await readFile(encryptedPath);
    expect(bytes.includes(Buffer.from('Mensah-Owusu'))).toBe(false);

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open an archive…' }).focus();
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(encryptedPath);
    const dialog = page.getByRole('dialog', { name: 'Open an archive' });
    await expect(dialog.getByText('Encrypted with a passphrase')).toBeVisible();
    const archivePass = dialog.getByLabel('Passphrase of the archive');
    await expect(archivePass).toBeFocused();
    await archivePass.fill('correct horse battery stapler');
    await page.keyboard.press('Enter');
    await expect(dialog.getByText('The passphrase is not correct.')).toBeVisible();
    await expectAccessible(page, 'open an encrypted archive: passphrase');
    await page.screenshot({ path: test.info().outputPath('open-encrypted-archive.png') });
    await archivePass.fill(PASS);
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByText(/The archive was opened/)).toBeVisible();
    expect(await callApi<unknown[]>(page, host.url, 'contacts.lookup', { text: 'Amina Mensah' })).toHaveLength(2);
    expect(await j.cspViolations()).toEqual([]);
  });

  test('an encrypted archive over an unprotected workspace keeps its protection unless the user explicitly declines', async ({ browser }) => {
    const PASS = 'lantern orbit meadow violin';
    const dataDir = await mkdtemp(join(tmpdir(), 'attache-e2e-'));
    const plain = await startWebHost(dataDir);
    const context = await browser.newContext({ viewport: { width: 1400, height: 880 }, locale: 'en-GB' });
    const page = await context.newPage();
    try {
      await page.goto(plain.url);
      await page.getByRole('button', { name: 'Start empty' }).click();
      await expectDashboard(page);
      await page.keyboard.press('Control+,');
      await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
      const chooser = page.waitForEvent('filechooser');
      const opener = page.getByRole('button', { name: 'Open an archive…' });
      await opener.focus();
      await page.keyboard.press('Enter');
      await (await chooser).setFiles(encryptedPath);
      const dialog = page.getByRole('dialog', { name: 'Open an archive' });
      await expect(dialog.getByText('Encrypted with a passphrase')).toBeVisible();
      const choice = dialog.getByRole('radiogroup', { name: 'Protection of this workspace' });
      const keep = choice.getByRole('radio', { name: /Protect this workspace with the archive’s passphrase/ });
      const none = choice.getByRole('radio', { name: /Open it without a passphrase/ });
      await expect(keep).toBeChecked();
      await expect(none).not.toBeChecked();
      await expect(dialog.getByText(/anyone with access to its files can read it/)).toBeVisible();
      await expectAccessible(page, 'open an encrypted archive over an unprotected workspace');
      await page.screenshot({ path: test.info().outputPath('open-encrypted-over-plain.png') });
      await dialog.getByLabel('Passphrase of the archive').fill(PASS);
      await page.keyboard.press('Enter');
      // Unwrapping the archive's key and wrapping the workspace's (scrypt at the app's cost, 128 MiB each) and
      // re-encrypting the backups takes a while on a loaded machine: a generous wait, not a timing check.
      await expect(dialog).toBeHidden({ timeout: 60_000 });
      await expect(page.getByText(/now protected with the archive’s passphrase/)).toBeVisible();
      await expect(opener).toBeFocused();
      expect(await callApi<{ encrypted: boolean }>(page, plain.url, 'workspace.status', {})).toMatchObject({ encrypted: true });
      // The workspace now opens only with the archive's passphrase.
      await page.reload();
      const ask = page.getByLabel('Passphrase', { exact: true });
      await expect(ask).toBeVisible();
      await ask.fill(PASS);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
      expect(await callApi<unknown[]>(page, plain.url, 'contacts.lookup', { text: 'Amina Mensah' })).toHaveLength(2);
    } finally {
      await context.close();
      await plain.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
