/**
 * Start-up without a usable database, against the real backend: the database file is missing but
 * backups lie beside it (plain, or encrypted and asking for their passphrase), the first start with
 * a passphrase, and a damaged encrypted file named as tampered on the recovery screen.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE, KEYS_FILE } from '../../electron/backend/store/store';
import { JOURNAL_FILE } from '../../electron/backend/store/journal';
import { Gate } from '../../renderer/src/app/App';
import { openTestBackend } from '../unit/helpers/workspace';
import { renderWithBackend, loadScreens } from './render';

// The shell's screens are lazy: their code is loaded once for the file, not inside a test's time limit.
beforeAll(loadScreens, 120_000);

const PASS = 'correct horse battery staple';

/** A workspace with one case and a manual backup, closed, whose database (and change log) then went missing. */
async function missingDatabase(opts: { encrypted: boolean }) {
  const b = await openTestBackend();
  await b.call('cases.create', { title: 'Kept in the backup', openedOn: '2026-05-01' } as never);
  if (opts.encrypted) await b.call('workspace.setPassphrase', { current: null, next: PASS });
  await b.call('workspace.backupNow', {});
  await b.close();
  for (const f of [DATABASE_FILE, JOURNAL_FILE, KEYS_FILE]) await rm(join(b.dataDir, f), { force: true });
  const again = await openTestBackend({ dataDir: b.dataDir, init: false });
  expect(again.store.state).toBe('new');
  return again;
}

describe('welcome with backups but no database', () => {
  it('offers the good backups newest first and restores one', async () => {
    const backend = await missingDatabase({ encrypted: false });
    renderWithBackend(backend, <Gate />);
    expect(await screen.findByRole('heading', { name: 'Backups were found' })).toBeInTheDocument();
    const list = screen.getByRole('table', { name: 'Backups were found' });
    const buttons = within(list).getAllByRole('button', { name: /^Restore the backup of / });
    expect(buttons.length).toBeGreaterThan(0);
    // What the button shows is in its name (WCAG 2.5.3, axe's label-content-name-mismatch).
    expect(buttons[0]).toHaveTextContent(/^Restore$/);
    // Starting fresh is still there.
    expect(screen.getByRole('button', { name: 'Start empty' })).toBeInTheDocument();
    fireEvent.click(buttons[0]!);
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect((await backend.call('cases.list', {})).rows.map((c) => c.title)).toEqual(['Kept in the backup']);
  });

  it('asks for the passphrase of an encrypted backup and says when it is wrong', async () => {
    const backend = await missingDatabase({ encrypted: true });
    renderWithBackend(backend, <Gate />);
    const list = await screen.findByRole('table', { name: 'Backups were found' });
    expect(within(list).getAllByText('Encrypted').length).toBeGreaterThan(0);
    fireEvent.click(within(list).getAllByRole('button', { name: /^Restore the backup of / })[0]!);
    const d = await screen.findByRole('dialog', { name: 'Restore a backup' });
    const field = within(d).getByLabelText('Passphrase of this backup');
    fireEvent.change(field, { target: { value: 'not the passphrase' } });
    fireEvent.submit(field.closest('form')!);
    expect(await within(d).findByRole('alert')).toHaveTextContent('The passphrase is not correct.');
    expect(backend.store.state).toBe('new');
    fireEvent.change(field, { target: { value: PASS } });
    fireEvent.submit(field.closest('form')!);
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(backend.store.encrypted).toBe(true);
    expect((await backend.call('cases.list', {})).rows.map((c) => c.title)).toEqual(['Kept in the backup']);
  });
});

describe('first start', () => {
  it('protects the new workspace with a passphrase when asked, checking the repetition first', async () => {
    const backend = await openTestBackend({ init: false });
    renderWithBackend(backend, <Gate />);
    fireEvent.click(await screen.findByRole('checkbox', { name: /Protect with a passphrase/ }));
    fireEvent.change(screen.getByLabelText('New passphrase'), { target: { value: PASS } });
    fireEvent.change(screen.getByLabelText('Repeat the new passphrase'), { target: { value: 'something else entirely' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start empty' }));
    expect(await screen.findByText('The two passphrases are not the same.')).toBeInTheDocument();
    expect(backend.store.state).toBe('new');
    fireEvent.change(screen.getByLabelText('Repeat the new passphrase'), { target: { value: PASS } });
    fireEvent.click(screen.getByRole('button', { name: 'Start empty' }));
    expect(await screen.findByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(backend.store.encrypted).toBe(true);
    // Just set up: no unlock asked for the passphrase that was typed a moment ago.
    expect(screen.queryByRole('heading', { name: 'Attaché is locked' })).not.toBeInTheDocument();
  });
});

describe('recovery', () => {
  it('names a changed byte in an encrypted database as tampering and offers a good backup', async () => {
    const b = await openTestBackend();
    await b.call('workspace.setPassphrase', { current: null, next: PASS });
    await b.call('workspace.backupNow', {});
    await b.close();
    const path = join(b.dataDir, DATABASE_FILE);
    const bytes = await readFile(path);
    bytes[bytes.length - 40]! ^= 0x01;
    await writeFile(path, bytes);
    const backend = await openTestBackend({ dataDir: b.dataDir });
    renderWithBackend(backend, <Gate />);
    const field = await screen.findByLabelText('Passphrase');
    fireEvent.change(field, { target: { value: PASS } });
    fireEvent.submit(field.closest('form')!);
    expect(await screen.findByRole('heading', { name: 'The workspace could not be opened' })).toBeInTheDocument();
    expect(screen.getByText('Reason: The encrypted file has been changed or damaged: it does not authenticate.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Restore the newest good backup' })).toBeInTheDocument());
  });
});
