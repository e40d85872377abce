import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OrganisationDetail } from '../../renderer/src/screens/organisations/OrganisationDetail';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend, settledOptions } from './render';

async function embassyWithCounsellor(backend: TestBackend) {
  const ministry = await backend.call('organisations.create', { name: 'Federal Foreign Office', kind: 'ministry', country: 'DE', city: 'Berlin' });
  const embassy = await backend.call('organisations.create', {
    name: 'German Embassy Accra',
    shortName: 'GE Accra',
    kind: 'embassy',
    country: 'GH',
    city: 'Accra',
    website: 'https://accra.diplo.example',
    topics: ['science diplomacy'],
    parentId: ministry.id,
  });
  const first = await backend.call('contacts.create', {
    contact: { givenName: 'Jonas', familyName: 'Weber', academicTitle: 'Dr.' },
    positions: [{ organisationId: embassy.id, role: 'Head of Science Section', from: '2023-03-01' }],
  });
  const second = await backend.call('contacts.create', { contact: { givenName: 'Efua', familyName: 'Owusu', nativeName: 'Ɛfua Owusu' } });
  return { ministry, embassy, first, second };
}

describe('OrganisationDetail against the real backend', () => {
  it('shows facts, the parent and the people now', async () => {
    const backend = await openTestBackend();
    const { embassy } = await embassyWithCounsellor(backend);
    renderWithBackend(backend, <OrganisationDetail />, { path: `/organisations/${embassy.id}`, route: '/organisations/:id' });

    expect(await screen.findByRole('heading', { name: /German Embassy Accra/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Federal Foreign Office' })).toBeInTheDocument();
    expect(screen.getByText('https://accra.diplo.example')).toBeInTheDocument();
    const now = await screen.findByRole('list', { name: 'People now' });
    expect(within(now).getByRole('link', { name: 'Dr. Jonas Weber' })).toBeInTheDocument();
    expect(within(now).getByText('Head of Science Section')).toBeInTheDocument();
    expect(screen.getByText('No former positions recorded.')).toBeInTheDocument();
  });

  it('hands a role over: the former holder moves to the history with an end date, the successor starts', async () => {
    const backend = await openTestBackend();
    const { embassy, first, second } = await embassyWithCounsellor(backend);
    renderWithBackend(backend, <OrganisationDetail />, { path: `/organisations/${embassy.id}`, route: '/organisations/:id' });

    fireEvent.click(await screen.findByRole('button', { name: 'Hand over “Head of Science Section” from Dr. Jonas Weber' }));
    const dialog = await screen.findByRole('dialog', { name: 'Hand over “Head of Science Section”' });
    expect(within(dialog).getByText(/Held by Dr. Jonas Weber since/)).toBeInTheDocument();

    // Nothing chosen yet: the form says what is missing and calls nothing.
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hand over' }));
    expect(await within(dialog).findByText('Required.')).toBeInTheDocument();

    const successor = within(dialog).getAllByLabelText(/Successor/).find((el) => el.tagName === 'INPUT')!;
    fireEvent.focus(successor);
    fireEvent.change(successor, { target: { value: 'owusu' } });
    fireEvent.click(within(await settledOptions(/Successor/)).getByRole('option', { name: /Efua Owusu/, hidden: true }));
    fireEvent.change(within(dialog).getByLabelText(/Handover date/), { target: { value: '2025-06-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hand over' }));

    const former = await screen.findByRole('list', { name: 'Former people' });
    expect(within(former).getByRole('link', { name: 'Dr. Jonas Weber' })).toBeInTheDocument();
    expect(within(former).getByText(/1 Mar 2023 – 31 May 2025/)).toBeInTheDocument();
    const now = screen.getByRole('list', { name: 'People now' });
    await waitFor(() => expect(within(now).getByRole('link', { name: 'Efua Owusu' })).toBeInTheDocument());
    expect(within(now).getByText(/since 1 Jun 2025/)).toBeInTheDocument();
    expect(within(now).queryByText('Dr. Jonas Weber')).toBeNull();

    const related = await backend.call('organisations.related', { id: embassy.id });
    expect(related.current.map((h) => [h.contact.id, h.position.from, h.position.to])).toEqual([[second.id, '2025-06-01', null]]);
    expect(related.former.map((h) => [h.contact.id, h.position.from, h.position.to])).toEqual([[first.id, '2023-03-01', '2025-05-31']]);
  });

  it('refuses a hand-over dated before the holder started, at the date field', async () => {
    const backend = await openTestBackend();
    const { embassy } = await embassyWithCounsellor(backend);
    renderWithBackend(backend, <OrganisationDetail />, { path: `/organisations/${embassy.id}`, route: '/organisations/:id' });
    fireEvent.click(await screen.findByRole('button', { name: /^Hand over “Head of Science Section”/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText(/Handover date/), { target: { value: '2022-01-01' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hand over' }));
    expect(await within(dialog).findByText('The handover must be after the current holder started.')).toBeInTheDocument();
  });
});
