import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ContactEditor } from '../../renderer/src/screens/contacts/ContactEditor';
import { openTestBackend } from '../unit/helpers/workspace';
import { renderWithBackend, settledOptions } from './render';

/** Types into a record picker and chooses the option that appears. */
async function pick(label: string, text: string, option: RegExp) {
  const input = screen.getAllByLabelText(label).find((el) => el.tagName === 'INPUT')!;
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  // The picker searches after a short debounce; its list is busy until the answer for the text as typed is in.
  const list = await settledOptions(label);
  fireEvent.click(within(list).getByRole('option', { name: option, hidden: true }));
  await waitFor(() => expect(input.closest('.mantine-PillsInput-root')).toHaveTextContent(option));
}

describe('ContactEditor against the real backend', () => {
  it('shows field messages from the shared schema and saves nothing while invalid', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, <ContactEditor />, { path: '/contacts/new', route: '/contacts/new' });
    const family = await screen.findByLabelText(/Family name/);

    // An e-mail row with a broken address, and consent as the basis without its date.
    fireEvent.click(screen.getByRole('button', { name: 'Add e-mail' }));
    fireEvent.change(screen.getByLabelText('E-mail address 1'), { target: { value: 'not-an-address' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add phone' }));
    fireEvent.change(screen.getByLabelText('Phone number 1'), { target: { value: 'call me' } });
    // A role without its organisation.
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'Science counsellor' } });
    fireEvent.submit(family.closest('form')!);

    expect(await screen.findByText('Required.')).toBeInTheDocument();
    expect(screen.getByText('Enter an e-mail address like name@example.org.')).toBeInTheDocument();
    expect(screen.getByText('Use digits, spaces and + ( ) - / . only.')).toBeInTheDocument();
    expect(screen.getByText('Choose the organisation, or clear the role.')).toBeInTheDocument();
    expect(within(family.closest('form')!).getByRole('alert')).toHaveTextContent('Please correct the marked fields.');
    expect(family).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('E-mail address 1')).toHaveAttribute('aria-invalid', 'true');
    expect((await backend.call('contacts.list', {})).total).toBe(0);
  });

  it('requires the consent date when consent is the lawful basis', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, <ContactEditor />, { path: '/contacts/new', route: '/contacts/new' });
    const family = await screen.findByLabelText(/Family name/);
    fireEvent.change(family, { target: { value: 'Mensah' } });
    const basis = screen.getByRole('combobox', { name: 'Lawful basis' });
    fireEvent.click(basis);
    fireEvent.click(await screen.findByRole('option', { name: /^Consent/, hidden: true }));
    fireEvent.submit(family.closest('form')!);
    expect(await screen.findByText('With consent as the lawful basis, the consent date is required.')).toBeInTheDocument();
    expect((await backend.call('contacts.list', {})).total).toBe(0);
  });

  it('saves a person with e-mails, a private phone, languages and a first position in one call', async () => {
    const backend = await openTestBackend();
    const embassy = await backend.call('organisations.create', { name: 'Embassy of the Republic of Ghana', kind: 'embassy', country: 'GH', city: 'Berlin' });
    renderWithBackend(backend, <ContactEditor />, { path: '/contacts/new', route: '/contacts/new' });

    fireEvent.change(await screen.findByLabelText('Academic title'), { target: { value: 'Dr.' } });
    fireEvent.change(screen.getByLabelText('Given name'), { target: { value: 'Amina' } });
    fireEvent.change(screen.getByLabelText(/Family name/), { target: { value: 'Mensah' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add e-mail' }));
    fireEvent.change(screen.getByLabelText('E-mail address 1'), { target: { value: 'amina.mensah@example.org' } });
    // An empty row the user added and left is dropped, not refused.
    fireEvent.click(screen.getByRole('button', { name: 'Add e-mail' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add phone' }));
    fireEvent.change(screen.getByLabelText('Phone number 1'), { target: { value: '+233 30 123 4567' } });
    fireEvent.click(screen.getByRole('combobox', { name: 'Kind of phone number 1' }));
    // E-mail kinds offer "Private" too; the phone kinds are the list that also offers "Mobile".
    const mobile = await screen.findByRole('option', { name: 'Mobile', hidden: true });
    fireEvent.click(within(mobile.closest<HTMLElement>('[role="listbox"]')!).getByRole('option', { name: 'Private', hidden: true }));

    const languages = screen.getByRole('combobox', { name: 'Languages' });
    fireEvent.click(languages);
    fireEvent.change(languages, { target: { value: 'swa' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Swahili (sw)', hidden: true }));

    await pick('Organisation', 'ghana', /Embassy of the Republic of Ghana/);
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'Head of Science Section' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2024-09-01' } });

    const form = screen.getByRole('form', { name: 'New person' });
    fireEvent.submit(form);

    await waitFor(async () => expect((await backend.call('contacts.list', {})).total).toBe(1));
    const [row] = (await backend.call('contacts.list', {})).rows;
    expect(row).toMatchObject({ name: 'Dr. Amina Mensah', role: 'Head of Science Section', organisationName: 'Embassy of the Republic of Ghana', country: 'GH' });
    const saved = await backend.call('contacts.get', { id: row!.id });
    expect(saved.emails).toEqual([{ address: 'amina.mensah@example.org', kind: 'work' }]);
    expect(saved.phones).toEqual([{ number: '+233 30 123 4567', kind: 'private' }]);
    expect(saved.languages).toEqual(['sw']);
    const related = await backend.call('contacts.related', { id: row!.id });
    expect(related.positions).toHaveLength(1);
    expect(related.positions[0]!.position).toMatchObject({ organisationId: embassy.id, from: '2024-09-01', to: null });
    expect(within(document.body).queryByText('Please correct the marked fields.')).toBeNull();
  });

  it('speaks German when the language is German', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, <ContactEditor />, { path: '/contacts/new', route: '/contacts/new', language: 'de' });
    expect(await screen.findByRole('heading', { name: 'Neue Person' })).toBeInTheDocument();
    expect(screen.getByLabelText(/Nachname/)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Datenschutz (DSGVO)' })).toBeInTheDocument();
  });
});
