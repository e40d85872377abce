/**
 * Settings → Team while linked, against the real backend and a CouchDB-protocol peer
 * (pouchdb-server in memory): the status and the link, where the password is kept (here for the
 * session only: no keychain, no passphrase), what is shared changed and saved, a case page's team
 * stamp (who changed it; a Confidential case kept on this machine only), the password asked
 * again after a restart (a wrong one refused in words under its field), and Disconnect after a
 * confirmation that says the local records stay — and they do.
 */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { CaseDetail } from '../../renderer/src/screens/cases/CaseDetail';
import { SettingsScreen } from '../../renderer/src/screens/settings/SettingsScreen';
import { startCouchPeer, type CouchPeer } from '../peer/couch';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

const DB = 'bureau_africa';
const PASSWORD = 'anna team password';
let peer: CouchPeer | null = null;
const opened: TestBackend[] = [];
afterEach(async () => {
  // The workspaces first, so their sync does not knock at a server that has gone.
  for (const b of opened.splice(0)) await b.close().catch(() => undefined);
  await peer?.stop();
  peer = null;
});

describe('Settings → Team, linked', () => {
  it('shows the link, saves what is shared, asks for the password after a restart, and disconnects keeping the records', { timeout: 120_000 }, async () => {
    peer = await startCouchPeer();
    await peer.createUser('anna', PASSWORD);
    await peer.createDatabase(DB, ['anna']);
    const first = await openTestBackend();
    opened.push(first);
    const shared = await first.call('cases.create', { title: 'Solar skills with Kenya', openedOn: '2026-11-02' } as never);
    await first.call('team.connect', { url: peer.url, database: DB, user: 'anna', password: PASSWORD, share: ['contacts', 'cases'] });
    await expect.poll(async () => (await first.call('team.status', {})).state, { timeout: 60_000 }).toBe('synced');

    const view = renderWithBackend(first, <SettingsScreen />);
    const section = await screen.findByRole('region', { name: 'Team' });
    await waitFor(() => expect(within(section).getByTestId('team-settings-state')).toHaveTextContent(/^Synced · /));
    expect(within(section).getByText(`${DB} on ${peer.url}`)).toBeInTheDocument();
    expect(within(section).getByText('Signed in as anna')).toBeInTheDocument();
    expect(within(section).getByTestId('team-password-kept')).toHaveTextContent('Password kept: For this session only');
    expect(within(section).queryByLabelText(/^Password/)).not.toBeInTheDocument();
    expect(within(section).queryByText(PASSWORD)).not.toBeInTheDocument();

    // What is shared: as linked, changed here, saved with its button.
    const group = within(section).getByRole('group', { name: 'What to share' });
    expect(within(group).getByRole('checkbox', { name: 'Cases' })).toBeChecked();
    expect(within(group).getByRole('checkbox', { name: 'Trips' })).not.toBeChecked();
    const save = within(section).getByRole('button', { name: 'Save what is shared' });
    expect(save).toBeDisabled();
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Trips' }));
    expect(save).toBeEnabled();
    fireEvent.click(save);
    await waitFor(async () => expect([...(await first.call('team.status', {})).share].sort()).toEqual(['cases', 'contacts', 'trips']));
    await waitFor(() => expect(save).toBeDisabled());
    view.unmount();

    // A Confidential case stays here, and its page says so; a shared one names who changed it.
    const secret = await first.call('cases.create', { title: 'Negotiation line for the ministry', openedOn: '2026-11-03', classification: 'confidential' } as never);
    const page = renderWithBackend(first, <CaseDetail />, { path: `/cases/${secret.id}`, route: '/cases/:id' });
    expect(await screen.findByText('Kept on this machine only')).toBeInTheDocument();
    expect(screen.queryByText(/^Changed by/)).not.toBeInTheDocument();
    page.unmount();
    renderWithBackend(first, <CaseDetail />, { path: `/cases/${shared.id}`, route: '/cases/:id' });
    expect(await screen.findByText(/^Changed by anna · /)).toBeInTheDocument();
    expect(screen.queryByText('Kept on this machine only')).not.toBeInTheDocument();
    cleanup();
    await first.close();

    // After a restart the password kept for the session is gone: asked for again.
    const again = await openTestBackend({ dataDir: first.dataDir });
    opened.push(again);
    await expect.poll(async () => (await again.call('team.status', {})).state, { timeout: 60_000 }).toBe('needsPassword');
    renderWithBackend(again, <SettingsScreen />);
    const linked = await screen.findByRole('region', { name: 'Team' });
    const unlock = await within(linked).findByRole('form', { name: 'Enter the team password' });
    expect(within(linked).getByTestId('team-settings-state')).toHaveTextContent('Password needed');
    fireEvent.click(within(unlock).getByRole('button', { name: 'Unlock sync' }));
    const field = within(unlock).getByLabelText(/^Password/);
    await waitFor(() => expect(field).toHaveAttribute('aria-invalid', 'true'));
    expect(field).toHaveFocus();
    fireEvent.change(field, { target: { value: 'not the password' } });
    fireEvent.click(within(unlock).getByRole('button', { name: 'Unlock sync' }));
    expect(await within(unlock).findByText('The server refused the user name or password.')).toBeInTheDocument();
    fireEvent.change(field, { target: { value: PASSWORD } });
    fireEvent.click(within(unlock).getByRole('button', { name: 'Unlock sync' }));
    await waitFor(() => expect(within(linked).queryByRole('form', { name: 'Enter the team password' })).not.toBeInTheDocument());
    await waitFor(() => expect(within(linked).getByTestId('team-settings-state')).toHaveTextContent(/^(Connecting…|Syncing|Synced)/));

    // Disconnect, after a confirmation that says what stays.
    fireEvent.click(within(linked).getByRole('button', { name: 'Disconnect' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disconnect from the team database?' });
    expect(dialog).toHaveTextContent('The records on this computer stay as they are');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect((await again.call('team.status', {})).state).not.toBe('off');
    fireEvent.click(within(linked).getByRole('button', { name: 'Disconnect' }));
    fireEvent.click(within(await screen.findByRole('dialog', { name: 'Disconnect from the team database?' })).getByRole('button', { name: 'Disconnect' }));
    expect(await within(linked).findByRole('button', { name: 'Test connection' })).toBeInTheDocument();
    expect((await again.call('team.status', {})).state).toBe('off');
    expect((await again.call('cases.list', {} as never)).rows.map((r: { title: string }) => r.title)).toContain('Solar skills with Kenya');
  });
});
