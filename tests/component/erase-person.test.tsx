// The "Erase person…" dialog against the real in-process backend: it lists what goes and what is
// cleared (a delegation membership a delete would refuse included), says it cannot be undone, keeps
// Erase disabled until confirmed, gives focus back on Cancel, and after erasing lands on the people
// list's heading with a notification and no Undo.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useFocusAfterNavigation } from '../../renderer/src/app/focus';
import { ListPane } from '../../renderer/src/components/ListPane';
import { ContactDetail } from '../../renderer/src/screens/contacts/ContactDetail';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

/** The people screen reduced to what erasing touches: the list's heading and a person's detail. */
function People() {
  useFocusAfterNavigation();
  return (
    <main id="main-content">
      <Routes>
        <Route
          index
          element={
            <ListPane id="contacts-title" title="People" count={1} countKey="contacts.count" filters={null}>
              <div />
            </ListPane>
          }
        />
        <Route path=":id" element={<ContactDetail />} />
      </Routes>
    </main>
  );
}

async function delegate(backend: TestBackend) {
  const ministry = await backend.call('organisations.create', { name: 'Ministry of Water', kind: 'ministry', country: 'KE' });
  const person = await backend.call('contacts.create', {
    contact: { givenName: 'Zuberi', familyName: 'Wambugu' },
    positions: [{ organisationId: ministry.id, role: 'Director for Research', from: '2020-01-01', to: null }],
  });
  await backend.call('activities.create', { kind: 'call', date: '2026-10-10', title: 'A call', participantIds: [person.id] });
  await backend.call('trips.create', {
    title: 'Delegation to Nairobi',
    destinations: [{ country: 'KE', city: 'Nairobi' }],
    startDate: '2027-01-11',
    endDate: '2027-01-13',
    timeZones: ['Africa/Nairobi'],
    members: [{ kind: 'contact', contactId: person.id, role: 'member' }],
  });
  return person;
}

function activate(control: HTMLElement) {
  control.focus();
  fireEvent.click(control);
}

describe('erasing a person', () => {
  it('lists what goes, stays disabled until confirmed, returns focus on Cancel, and erases without Undo', async () => {
    const backend = await openTestBackend();
    const person = await delegate(backend);
    renderWithBackend(backend, <People />, { path: `/contacts/${person.id}`, route: '/contacts/*' });
    expect(await screen.findByRole('heading', { name: 'Zuberi Wambugu' })).toBeInTheDocument();

    const open = screen.getByRole('button', { name: 'Erase person…' });
    activate(open);
    let dialog = await screen.findByRole('dialog', { name: 'Erase “Zuberi Wambugu” for good?' });
    expect(within(dialog).getByText(/This cannot be undone/)).toBeInTheDocument();
    expect(within(dialog).getByText('1 position')).toBeInTheDocument();
    expect(within(dialog).getByText('1 timeline entry')).toBeInTheDocument();
    expect(within(dialog).getByText('1 trip loses this delegation member')).toBeInTheDocument();
    expect(within(dialog).getByText(/id and the date only — no name/)).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Erase' })).toBeDisabled();

    activate(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(open).toHaveFocus());
    expect(backend.store.db.contacts).toHaveLength(1);

    activate(open);
    dialog = await screen.findByRole('dialog', { name: 'Erase “Zuberi Wambugu” for good?' });
    const erase = within(dialog).getByRole('button', { name: 'Erase' });
    const confirm = within(dialog).getByRole('checkbox', { name: 'I understand that this person is erased for good' });
    expect(confirm).not.toBeChecked();
    expect(erase).toBeDisabled();
    fireEvent.click(confirm);
    await waitFor(() => expect(erase).toBeEnabled());
    activate(erase);

    expect(await screen.findByText('The person has been erased. The erasure is recorded without personal data.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('heading', { name: 'People' })).toHaveFocus());
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(backend.store.db.contacts).toEqual([]);
    expect(backend.store.db.positions).toEqual([]);
    expect(backend.store.db.activities).toEqual([]);
    expect(backend.store.db.trips.at(0)!.members).toEqual([]);
    expect(backend.store.db.trash).toEqual([]);
    expect(backend.store.db.erasures.map((e) => e.id)).toEqual([person.id]);
  });
});
