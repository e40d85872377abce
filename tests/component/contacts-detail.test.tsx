import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ContactDetail } from '../../renderer/src/screens/contacts/ContactDetail';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

async function counsellor(backend: TestBackend) {
  const institute = await backend.call('organisations.create', { name: 'Institute for Coastal Climate Research', kind: 'researchInstitute', country: 'DE', city: 'Kiel' });
  const embassy = await backend.call('organisations.create', { name: 'Embassy of Kazakhstan', kind: 'embassy', country: 'KZ', city: 'Berlin' });
  const person = await backend.call('contacts.create', {
    contact: {
      honorific: 'Mr',
      academicTitle: 'Dr.',
      givenName: 'Ivan',
      familyName: 'Petrov',
      nativeName: 'Иван Петров',
      transliteration: 'Ivan Petrov',
      emails: [{ address: 'ivan.petrov@example.org', kind: 'work' }],
      phones: [
        { number: '+7 727 000 000', kind: 'work' },
        { number: '+7 701 111 111', kind: 'private' },
      ],
      languages: ['ru', 'kk', 'de'],
      expertise: ['water', 'science diplomacy'],
      gdpr: { lawfulBasis: 'consent', source: 'Science fair 2024', consentOn: '2024-05-02', reviewOn: '2025-01-31' },
    },
    positions: [
      { organisationId: institute.id, role: 'Guest researcher', from: '2019-01-01', to: '2021-12-31' },
      { organisationId: embassy.id, role: 'Science counsellor', from: '2022-02-01' },
    ],
  });
  await backend.call('activities.create', { kind: 'call', date: '2025-03-14', title: 'Call about the water alliance', participantIds: [person.id] });
  return { institute, embassy, person };
}

describe('ContactDetail against the real backend', () => {
  it('says plainly that nothing is on the timeline yet, instead of "— · From the timeline"', async () => {
    const backend = await openTestBackend();
    const person = await backend.call('contacts.create', { contact: { givenName: 'Nadia', familyName: 'Haddad' } });
    renderWithBackend(backend, <ContactDetail />, { path: `/contacts/${person.id}`, route: '/contacts/:id' });

    expect(await screen.findByRole('heading', { name: 'Nadia Haddad' })).toBeInTheDocument();
    const label = await screen.findByText('Last contact');
    const value = label.nextElementSibling ?? label.parentElement!;
    await waitFor(() => expect(value).toHaveTextContent('Nothing on the timeline yet'));
    expect(value).not.toHaveTextContent('From the timeline');
    expect(value).not.toHaveTextContent('—');
  });

  it('shows names in both scripts, positions over time, private numbers, languages, last contact and an overdue GDPR review', async () => {
    const backend = await openTestBackend();
    const { person } = await counsellor(backend);
    renderWithBackend(backend, <ContactDetail />, { path: `/contacts/${person.id}`, route: '/contacts/:id' });

    expect(await screen.findByRole('heading', { name: 'Mr Dr. Ivan Petrov' })).toBeInTheDocument();
    expect(screen.getByText('Иван Петров')).toBeInTheDocument();

    const current = await screen.findByRole('list', { name: 'Current' });
    expect(within(current).getByText('Science counsellor')).toBeInTheDocument();
    expect(within(current).getByRole('link', { name: 'Embassy of Kazakhstan' })).toHaveAttribute('href', expect.stringContaining('/organisations/'));
    const history = screen.getByRole('list', { name: 'History' });
    expect(within(history).getByText('Guest researcher')).toBeInTheDocument();
    expect(within(history).getByText(/1 Jan 2019 – 31 Dec 2021/)).toBeInTheDocument();

    // The private number is marked; the work number is not.
    expect(screen.getByText('+7 701 111 111').parentElement).toHaveTextContent('private');
    expect(screen.getByText('+7 727 000 000').parentElement).not.toHaveTextContent('private');
    expect(screen.getByText('Russian, Kazakh, German')).toBeInTheDocument();
    expect(screen.getByText('14 Mar 2025')).toBeInTheDocument();
    expect(screen.getByText('Review overdue')).toBeInTheDocument();
    expect(screen.getByText('Consent (Art. 6(1)(a))')).toBeInTheDocument();
  });

  it('ends a position, which then moves to the history', async () => {
    const backend = await openTestBackend();
    const { person } = await counsellor(backend);
    renderWithBackend(backend, <ContactDetail />, { path: `/contacts/${person.id}`, route: '/contacts/:id' });

    fireEvent.click(await screen.findByRole('button', { name: 'End position “Science counsellor”' }));
    const dialog = await screen.findByRole('dialog', { name: 'End “Science counsellor”' });
    fireEvent.change(within(dialog).getByLabelText(/Last day/), { target: { value: '2025-04-30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'End' }));

    await waitFor(() => expect(screen.queryByRole('list', { name: 'Current' })).toBeNull());
    const history = screen.getByRole('list', { name: 'History' });
    expect(within(history).getByText(/1 Feb 2022 – 30 Apr 2025/)).toBeInTheDocument();
    const related = await backend.call('contacts.related', { id: person.id });
    expect(related.positions.every((p) => !p.current)).toBe(true);
  });

  it('deletes a position and offers to undo it', async () => {
    const backend = await openTestBackend();
    const { person } = await counsellor(backend);
    renderWithBackend(backend, <ContactDetail />, { path: `/contacts/${person.id}`, route: '/contacts/:id' });

    fireEvent.click(await screen.findByRole('button', { name: 'Delete position “Guest researcher”' }));
    await waitFor(async () => expect((await backend.call('contacts.related', { id: person.id })).positions).toHaveLength(1));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await backend.call('contacts.related', { id: person.id })).positions).toHaveLength(2));
    expect(await screen.findByText('Guest researcher')).toBeInTheDocument();
  });
});
