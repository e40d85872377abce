// "Merge with…" on a person's page against the real in-process backend: pick the duplicate, see the
// fields that differ side by side with the proposed choices, change one, see what moves, merge; the
// other person is gone and their position moved; the Undo in the notice brings both back exactly;
// Cancel gives focus back to the button that opened the dialog.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useFocusAfterNavigation } from '../../renderer/src/app/focus';
import { ContactDetail } from '../../renderer/src/screens/contacts/ContactDetail';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend, settledOptions } from './render';

function People() {
  useFocusAfterNavigation();
  return (
    <main id="main-content">
      <Routes>
        <Route path=":id" element={<ContactDetail />} />
      </Routes>
    </main>
  );
}

async function duplicates(backend: TestBackend) {
  const org = await backend.call('organisations.create', { name: 'University of Ghana', country: 'GH' });
  const keep = await backend.call('contacts.create', {
    contact: { givenName: 'Amina', familyName: 'Mensah', emails: [{ address: 'a.mensah@ug.example', kind: 'work' }] },
    positions: [],
  });
  const other = await backend.call('contacts.create', {
    contact: { academicTitle: 'Dr.', givenName: 'Amina', familyName: 'Mensah-Owusu', emails: [{ address: 'amina@private.example', kind: 'private' }] },
    positions: [{ organisationId: org.id, role: 'Dean', from: null, to: null }],
  });
  await backend.call('cases.create', { title: 'Health exchange', openedOn: '2026-02-01', clientContactIds: [other.id] });
  return { keep, other };
}

function activate(control: HTMLElement) {
  control.focus();
  fireEvent.click(control);
}

/** Picks the duplicate in the dialog's person picker. */
async function pick(dialog: HTMLElement, text: string) {
  const input = within(dialog).getByRole('textbox', { name: /The duplicate person/ }) as HTMLInputElement;
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  const list = await settledOptions(/The duplicate person/);
  await waitFor(() => expect(within(list).getAllByRole('option', { hidden: true }).length).toBeGreaterThan(0));
  fireEvent.keyDown(input, { key: 'ArrowDown', code: 'ArrowDown' });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
}

describe('merging two people', () => {
  it('picks the duplicate, compares the fields, merges with the choices, and one Undo restores both', async () => {
    const backend = await openTestBackend();
    const { keep } = await duplicates(backend);
    const before = backend.store.db;
    renderWithBackend(backend, <People />, { path: `/contacts/${keep.id}`, route: '/contacts/*' });
    expect(await screen.findByRole('heading', { name: 'Amina Mensah' })).toBeInTheDocument();

    const open = screen.getByRole('button', { name: 'Merge with…' });
    activate(open);
    let dialog = await screen.findByRole('dialog', { name: 'Merge Amina Mensah with…' });
    activate(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(open).toHaveFocus());

    activate(open);
    dialog = await screen.findByRole('dialog', { name: 'Merge Amina Mensah with…' });
    await pick(dialog, 'Owusu');
    activate(within(dialog).getByRole('button', { name: 'Compare' }));
    dialog = await screen.findByRole('dialog', { name: 'Merge duplicates' });
    await within(dialog).findByText('Kept: Amina Mensah');
    expect(within(dialog).getByText('Goes to the trash: Dr. Amina Mensah-Owusu')).toBeInTheDocument();

    // Only the fields that differ, each a radio group; the proposals: fill the empty title, unite the e-mails.
    const title = within(dialog).getByRole('radiogroup', { name: 'Academic title' });
    expect(within(title).getByRole('radio', { name: 'Take: Dr.' })).toBeChecked();
    const emails = within(dialog).getByRole('radiogroup', { name: /E-mail addresses/ });
    expect(within(emails).getByRole('radio', { name: 'Both' })).toBeChecked();
    expect(within(dialog).queryByRole('radiogroup', { name: 'Given name' })).toBeNull();
    // Focus moved into the comparison (the picker it replaced is gone).
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    const family = within(dialog).getByRole('radiogroup', { name: 'Family name' });
    expect(within(family).getByRole('radio', { name: 'Keep: Mensah' })).toBeChecked();
    activate(within(family).getByRole('radio', { name: 'Take: Mensah-Owusu' }));
    expect(within(dialog).getByText('1 position')).toBeInTheDocument();
    expect(within(dialog).getByText('1 case')).toBeInTheDocument();

    activate(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const merged = backend.store.db.contacts.toArray();
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: keep.id, academicTitle: 'Dr.', familyName: 'Mensah-Owusu' });
    expect(merged[0]!.emails.map((e) => e.address)).toEqual(['a.mensah@ug.example', 'amina@private.example']);
    expect(backend.store.db.positions.map((p) => p.contactId)).toEqual([keep.id]);
    expect(await screen.findByRole('heading', { name: 'Dr. Amina Mensah-Owusu' })).toBeInTheDocument();

    const notice = await screen.findByText('Merged into “Dr. Amina Mensah-Owusu”.');
    activate(within(notice.parentElement!).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(backend.store.db.contacts).toHaveLength(2));
    const sorted = (db: typeof before) => [...db.contacts].sort((a, b) => a.id.localeCompare(b.id));
    expect(sorted(backend.store.db)).toEqual(sorted(before));
    expect(backend.store.db.positions).toEqual(before.positions);
    expect(backend.store.db.cases).toEqual(before.cases);
    expect(await screen.findByRole('heading', { name: 'Amina Mensah' })).toBeInTheDocument();
  });
});
