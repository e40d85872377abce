/**
 * Settings against the real backend: setting, changing and removing the passphrase (mistakes are
 * caught before anything is sent, a wrong current passphrase changes nothing), the idle-lock choice,
 * and the Backups table — validity checked after the quick list, Restore only after a confirmation
 * that backs up the current state first.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SettingsScreen } from '../../renderer/src/screens/settings/SettingsScreen';
import { readdir } from 'node:fs/promises';
import { DEVICE_KEY_FILE } from '../../electron/backend/store/device-key';
import { keychain, onDevice } from '../unit/helpers/keychain';
import { openTestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

const PASS = 'correct horse battery staple';
const NEXT = 'another long passphrase here';

const dialog = (name: string) => screen.findByRole('dialog', { name });
const type = (scope: HTMLElement, label: string, value: string) => fireEvent.change(within(scope).getByLabelText(label), { target: { value } });
const press = (scope: HTMLElement, name: string) => fireEvent.click(within(scope).getByRole('button', { name }));

describe('Settings → Security', () => {
  it('sets, changes and removes the passphrase', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, <SettingsScreen />);
    expect(await screen.findByText('Not protected')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Set passphrase' }));
    let d = await dialog('Set passphrase');
    expect(within(d).getByText(/If it is forgotten, nobody can recover the data/)).toBeInTheDocument();
    type(d, 'New passphrase', 'short');
    expect(within(d).getByText('Too short: at least 8 characters.')).toBeInTheDocument();
    type(d, 'New passphrase', PASS);
    expect(within(d).getByText('Strong.')).toBeInTheDocument();
    type(d, 'Repeat the new passphrase', `${PASS}!`);
    press(d, 'Set passphrase');
    expect(await within(d).findByText('The two passphrases are not the same.')).toBeInTheDocument();
    expect(within(d).getByLabelText('Repeat the new passphrase')).toHaveAttribute('aria-invalid', 'true');
    expect(backend.store.encrypted).toBe(false);
    type(d, 'Repeat the new passphrase', PASS);
    press(d, 'Set passphrase');
    expect(await screen.findByText('Protected with a passphrase')).toBeInTheDocument();
    expect(backend.store.encrypted).toBe(true);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Set passphrase' })).not.toBeInTheDocument());

    fireEvent.click(screen.getByRole('button', { name: 'Change passphrase' }));
    d = await dialog('Change passphrase');
    type(d, 'Current passphrase', 'not the current one');
    type(d, 'New passphrase', NEXT);
    type(d, 'Repeat the new passphrase', NEXT);
    press(d, 'Change passphrase');
    expect(await within(d).findByText('The passphrase is not correct. Nothing was changed.')).toBeInTheDocument();
    type(d, 'Current passphrase', PASS);
    press(d, 'Change passphrase');
    expect(await screen.findByText('The passphrase was changed.')).toBeInTheDocument();
    await backend.call('workspace.lock', {});
    expect((await backend.dispatch('workspace.unlock', { passphrase: PASS })).ok).toBe(false);
    await backend.call('workspace.unlock', { passphrase: NEXT });

    fireEvent.click(screen.getByRole('button', { name: 'Remove passphrase' }));
    d = await dialog('Remove passphrase');
    expect(within(d).getByText(/stored unencrypted again/)).toBeInTheDocument();
    press(d, 'Remove');
    expect(await within(d).findByText('Enter the current passphrase.')).toBeInTheDocument();
    type(d, 'Current passphrase', NEXT);
    press(d, 'Remove');
    expect(await screen.findByText('Not protected')).toBeInTheDocument();
    expect(backend.store.encrypted).toBe(false);
  });

  it('saves the idle time before the workspace locks itself', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, <SettingsScreen />);
    const group = await screen.findByRole('radiogroup', { name: 'Lock after' });
    await waitFor(() => expect(within(group).getByRole('radio', { name: '15 min' })).toBeChecked());
    fireEvent.click(within(group).getByRole('radio', { name: 'Never' }));
    await waitFor(async () => expect((await backend.call('settings.get', {})).lockAfterMinutes).toBe(0));
    fireEvent.click(within(group).getByRole('radio', { name: '5 min' }));
    await waitFor(async () => expect((await backend.call('settings.get', {})).lockAfterMinutes).toBe(5));
  });
});

describe('Settings → Security → This device', () => {
  it('remembers the key on this device and forgets it again', async () => {
    const backend = await openTestBackend({ platform: onDevice(keychain()) });
    await backend.call('workspace.setPassphrase', { current: null, next: PASS });
    renderWithBackend(backend, <SettingsScreen />);
    expect(await screen.findByTestId('device-state')).toHaveTextContent('The passphrase is asked at every start.');
    const button = screen.getByRole('button', { name: 'Remember on this device' });
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByTestId('device-state')).toHaveTextContent('The key is remembered on this device'));
    expect(await readdir(backend.dataDir)).toContain(DEVICE_KEY_FILE);
    // The same button, relabelled: focus stays where it was.
    fireEvent.click(screen.getByRole('button', { name: 'Forget on this device' }));
    await waitFor(() => expect(screen.getByTestId('device-state')).toHaveTextContent('The passphrase is asked at every start.'));
    expect(await readdir(backend.dataDir)).not.toContain(DEVICE_KEY_FILE);
  });

  it('is not shown by the web host', async () => {
    const backend = await openTestBackend();
    await backend.call('workspace.setPassphrase', { current: null, next: PASS });
    renderWithBackend(backend, <SettingsScreen />);
    expect(await screen.findByText('Protected with a passphrase')).toBeInTheDocument();
    expect(screen.queryByTestId('device-state')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remember on this device' })).not.toBeInTheDocument();
  });
});

describe('Settings → Backups', () => {
  it('lists the backups, checks each, and restores one after a confirmation that backs up the current state first', async () => {
    const backend = await openTestBackend();
    await backend.call('cases.create', { title: 'Before the backup', openedOn: '2026-05-01' } as never);
    await backend.call('workspace.backupNow', {});
    await backend.call('cases.create', { title: 'After the backup', openedOn: '2026-05-02' } as never);
    renderWithBackend(backend, <SettingsScreen />);

    const table = await screen.findByRole('table', { name: 'Backups' });
    const manual = await waitFor(() => {
      const row = within(table).getAllByRole('row').find((r) => within(r).queryByText('Manual'));
      expect(row).toBeDefined();
      return row!;
    });
    expect(within(manual).getByText(/^\d+(\.\d)? KB$/)).toBeInTheDocument();
    expect(within(manual).getByText('Not encrypted')).toBeInTheDocument();
    expect(await within(manual).findByText('Valid')).toBeInTheDocument();
    expect(within(table).queryByText('Checking…')).not.toBeInTheDocument();

    const restore = within(manual).getByRole('button', { name: /^Restore the backup of / });
    fireEvent.click(restore);
    const d = await dialog('Restore this backup?');
    expect(within(d).getByText(/The current state is backed up first/)).toBeInTheDocument();
    press(d, 'Cancel');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await backend.call('cases.list', {})).rows).toHaveLength(2);

    fireEvent.click(restore);
    press(await dialog('Restore this backup?'), 'Restore');
    expect(await screen.findByText(/The backup was restored/)).toBeInTheDocument();
    expect((await backend.call('cases.list', {})).rows.map((c) => c.title)).toEqual(['Before the backup']);
    // The state before the restore is a backup of its own, so the restore can be undone.
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Backups' })).getByText('Before restore')).toBeInTheDocument());
    const before = (await backend.call('workspace.backups', { verify: true })).find((b) => b.reason === 'restore')!;
    expect(before.valid).toBe(true);
    await backend.call('workspace.restoreBackup', { file: before.file });
    expect((await backend.call('cases.list', {})).rows).toHaveLength(2);
  });
});
