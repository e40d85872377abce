/**
 * Settings → Team against the real backend: the connect form's mistakes show under their fields
 * (the shared schema's own sentences: plain http to another computer, a user in the address, a
 * database name CouchDB refuses, empty fields), nothing is sent until they are fixed, the share
 * choice explains what each kind carries and what never travels, and the backend's answer to "Test
 * connection" (nobody listening at the address) is shown in words beside the form. While the
 * workspace is not linked, the Conflicts screen says so, and neither the sidebar's status nor a
 * record's team stamp shows anything.
 */
import { freePort } from '../peer/couch';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { TeamSyncStatus } from '../../renderer/src/app/teamSync';
import { TeamStamp } from '../../renderer/src/components/TeamStamp';
import { ConflictsScreen } from '../../renderer/src/screens/conflicts/ConflictsScreen';
import { SettingsScreen } from '../../renderer/src/screens/settings/SettingsScreen';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

/** A port on this machine where nothing listens (taken, then let go). */
const closedPort = freePort;

const team = () => screen.findByRole('region', { name: 'Team' });
const type = (scope: HTMLElement, label: string | RegExp, value: string) => fireEvent.change(within(scope).getByLabelText(label), { target: { value } });
/** The field's error, as a screen reader reaches it: through aria-describedby. */
function errorOf(field: HTMLElement): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('Settings → Team', () => {
  it('shows the schema’s mistakes under their fields, focuses the first, and sends nothing until they are fixed', async () => {
    const backend = await openTestBackend();
    // The screen's calls, watched on their way to the real backend.
    const calls: string[] = [];
    const watched: TestBackend = {
      ...backend,
      dispatch: (name, input) => {
        calls.push(String(name));
        return backend.dispatch(name, input);
      },
    };
    renderWithBackend(watched, <SettingsScreen />);
    const section = await team();
    expect(await within(section).findByRole('button', { name: 'Test connection' })).toBeInTheDocument();
    const url = within(section).getByLabelText(/^Server address/);
    const database = within(section).getByLabelText(/^Database/);
    const user = within(section).getByLabelText(/^User name/);
    const password = within(section).getByLabelText(/^Password/);
    expect(password).toHaveAttribute('type', 'password');

    type(section, /^Server address/, 'http://couch.example.org');
    type(section, /^Database/, 'Team DB');
    fireEvent.click(within(section).getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'));
    expect(errorOf(url)).toContain('Use https: plain http is allowed only to this computer (localhost).');
    expect(errorOf(database)).toContain('A database name starts with a lower-case letter');
    expect(user).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(url).toHaveFocus();

    type(section, /^Server address/, 'https://anna:secret@couch.example.org');
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(errorOf(url)).toContain('Leave the user and password out of the address'));
    type(section, /^Server address/, 'couch.example.org');
    fireEvent.click(within(section).getByRole('button', { name: 'Connect' }));
    await waitFor(() => expect(errorOf(url)).toContain('Enter the server’s address, such as https://couch.example.org.'));
    expect(calls.filter((n) => n.startsWith('team.') && n !== 'team.status')).toEqual([]);

    // Fixed: plain http to this computer is allowed; the mistakes go, and the input goes to the backend.
    type(section, /^Server address/, `http://127.0.0.1:${await closedPort()}/`);
    type(section, /^Database/, 'bureau_africa');
    type(section, /^User name/, 'anna');
    type(section, /^Password/, 'team password');
    fireEvent.click(within(section).getByRole('button', { name: 'Test connection' }));
    await waitFor(() => expect(calls).toContain('team.test'));
    await waitFor(() => expect(url).not.toHaveAttribute('aria-invalid'));
    expect(database).not.toHaveAttribute('aria-invalid');
    // The backend's answer, in words: nothing listens at that port.
    expect(await within(section).findByTestId('team-test-outcome')).toHaveTextContent('The server cannot be reached. Check the address and the network.');
    expect(within(section).getByRole('status')).toContainElement(within(section).getByTestId('team-test-outcome'));
  });

  it('offers every kind to share, each saying what it carries, and says what never leaves the machine', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, <SettingsScreen />);
    const section = await team();
    const group = await within(section).findByRole('group', { name: 'What to share' });
    expect(group).toHaveAccessibleDescription(/Reminders, saved views, records classified Confidential and private phone numbers and e-mail addresses never leave this computer\./);
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes.map((b) => b.closest('.mantine-Checkbox-root')?.querySelector('label')?.textContent)).toEqual([
      'Organisations and people',
      'Cases',
      'Strategy notes',
      'Trips',
      'Cooperations and funding programmes',
      'Strategy priorities',
    ]);
    for (const box of boxes) expect(box).toBeChecked();
    expect(within(group).getByText('Cases with their tasks and timeline entries.')).toBeInTheDocument();
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Trips' }));
    expect(within(group).getByRole('checkbox', { name: 'Trips' })).not.toBeChecked();
  });

  it('speaks German', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, <SettingsScreen />, { language: 'de' });
    const section = await screen.findByRole('region', { name: 'Team' });
    expect(await within(section).findByRole('button', { name: 'Verbindung testen' })).toBeInTheDocument();
    expect(within(section).getByRole('group', { name: 'Was geteilt wird' })).toBeInTheDocument();
    type(section, /^Serveradresse/, 'http://couch.example.org');
    fireEvent.click(within(section).getByRole('button', { name: 'Verbinden' }));
    await waitFor(() => expect(errorOf(within(section).getByLabelText(/^Serveradresse/))).toContain('Verwenden Sie https'));
  });
});

describe('an unlinked workspace', () => {
  it('shows no sidebar status and no team stamp; the Conflicts screen says it is not linked', async () => {
    const backend = await openTestBackend();
    const created = await backend.call('cases.create', { title: 'Solar skills with Kenya', openedOn: '2026-05-01' } as never);
    renderWithBackend(
      backend,
      <>
        <div data-testid="sidebar">
          <TeamSyncStatus />
        </div>
        <div data-testid="stamp">
          <TeamStamp collection="cases" id={created.id} />
        </div>
        <ConflictsScreen />
      </>,
    );
    expect(await screen.findByRole('heading', { name: 'Conflicts', level: 1 })).toBeInTheDocument();
    expect(await screen.findByText(/This workspace is not linked to a team database\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the team settings' })).toHaveAttribute('href', '/settings?section=team');
    expect(screen.getByTestId('sidebar')).toBeEmptyDOMElement();
    expect(screen.getByTestId('stamp')).toBeEmptyDOMElement();
  });
});
