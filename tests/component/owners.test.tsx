import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContactsScreen } from '../../renderer/src/screens/contacts/ContactsScreen';
import { NotesScreen } from '../../renderer/src/screens/notes/NotesScreen';
import { OrganisationsScreen } from '../../renderer/src/screens/organisations/OrganisationsScreen';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

interface ListCase {
  list: string;
  screen: ReactNode;
  grid: string;
  /** Creates three records: owned by A. Berger, by L. Hoffmann, and by nobody; returns their names as the list shows them. */
  seed: (b: TestBackend) => Promise<[string, string, string]>;
  count: (n: number) => string;
}

const lists: ListCase[] = [
  {
    list: 'organisations',
    screen: <OrganisationsScreen />,
    grid: 'Organisation list',
    seed: async (b) => {
      await b.call('organisations.create', { name: 'Institute of Coastal Research', owner: 'A. Berger' });
      await b.call('organisations.create', { name: 'Water Institute', owner: 'L. Hoffmann' });
      await b.call('organisations.create', { name: 'Embassy in Accra' });
      return ['Institute of Coastal Research', 'Water Institute', 'Embassy in Accra'];
    },
    count: (n) => (n === 1 ? '1 organisation' : `${n} organisations`),
  },
  {
    list: 'contacts',
    screen: <ContactsScreen />,
    grid: 'List of people',
    seed: async (b) => {
      await b.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Mensah', owner: 'A. Berger' } });
      await b.call('contacts.create', { contact: { givenName: 'Rami', familyName: 'Haddad', owner: 'L. Hoffmann' } });
      await b.call('contacts.create', { contact: { givenName: 'Achieng', familyName: 'Otieno' } });
      return ['Amina Mensah', 'Rami Haddad', 'Achieng Otieno'];
    },
    count: (n) => (n === 1 ? '1 person' : `${n} people`),
  },
  {
    list: 'notes',
    screen: <NotesScreen />,
    grid: 'Note list',
    seed: async (b) => {
      await b.call('notes.create', { title: 'Country strategy Ghana', owner: 'A. Berger' });
      await b.call('notes.create', { title: 'Minutes: Jordan water alliance', owner: 'L. Hoffmann' });
      await b.call('notes.create', { title: 'Loose thoughts' });
      return ['Country strategy Ghana', 'Minutes: Jordan water alliance', 'Loose thoughts'];
    },
    count: (n) => (n === 1 ? '1 note' : `${n} notes`),
  },
];

describe('the Owner filter and column of the lists', () => {
  // happy-dom does no layout; give the scroll area a size so the virtualiser renders rows.
  beforeEach(() => {
    localStorage.clear();
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(500);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  });
  afterEach(() => vi.restoreAllMocks());

  it.each(lists)('$list: choosing an owner narrows the list to their records; the Owner column is there to add', async ({ list, screen: ui, grid: gridName, seed, count }) => {
    const backend = await openTestBackend();
    const [berger, hoffmann, nobody] = await seed(backend);
    // A case owner who owns nothing in this list is not offered by its filter.
    await backend.call('cases.create', { title: 'Climate partners', openedOn: '2026-03-01', owner: 'M. Keller' });
    renderWithBackend(backend, ui, { path: `/${list}`, route: `/${list}/*` });

    const grid = await screen.findByRole('grid', { name: gridName });
    for (const name of [berger, hoffmann, nobody]) expect(await within(grid).findByText(name)).toBeInTheDocument();
    expect(screen.getByText(count(3))).toBeInTheDocument();
    expect(within(grid).queryByRole('columnheader', { name: 'Owner' })).toBeNull();

    const owner = await screen.findByRole('combobox', { name: 'Owner' });
    fireEvent.click(owner);
    const option = await screen.findByRole('option', { name: 'L. Hoffmann', hidden: true });
    const offered = within(option.closest<HTMLElement>('[role="listbox"]')!).getAllByRole('option', { hidden: true }).map((o) => o.textContent);
    expect(offered).toEqual(['A. Berger', 'L. Hoffmann']);
    fireEvent.click(option);

    await waitFor(() => expect(within(grid).queryByText(berger)).toBeNull());
    expect(within(grid).queryByText(nobody)).toBeNull();
    expect(within(grid).getByText(hoffmann)).toBeInTheDocument();
    expect(screen.getByText(count(1))).toBeInTheDocument();

    // The column chooser adds the owner to the rows.
    fireEvent.click(screen.getByRole('button', { name: 'Columns' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Owner' }));
    const header = await within(grid).findByRole('columnheader', { name: 'Owner' });
    expect(header).toBeInTheDocument();
    expect(within(grid).getByText(hoffmann).closest('[role="row"]')).toHaveTextContent('L. Hoffmann');
  });
});

/** Types into an owner field and chooses the suggestion from the names already in use. */
const ownerInput = (label: RegExp) => screen.getAllByLabelText(label).find((el) => el.tagName === 'INPUT')!;

async function chooseOwner(label: RegExp, text: string, option: string) {
  const input = ownerInput(label);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.click(await screen.findByRole('option', { name: option, hidden: true }));
  await waitFor(() => expect(input).toHaveValue(option));
}

/** The value a detail screen's facts show for a label. */
const fact = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;

describe('the editors name the owner, and the detail shows it', () => {
  beforeEach(() => localStorage.clear());

  it('organisation: the account owner is suggested from the team and saved', async () => {
    const backend = await openTestBackend();
    await backend.call('cases.create', { title: 'Climate partners', openedOn: '2026-03-01', owner: 'L. Hoffmann' });
    renderWithBackend(backend, <OrganisationsScreen />, { path: '/organisations/new', route: '/organisations/*' });
    fireEvent.change(await screen.findByLabelText(/^Name/), { target: { value: 'Water Institute' } });
    await chooseOwner(/Account owner/, 'hoff', 'L. Hoffmann');
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByRole('heading', { name: 'Water Institute' })).toBeInTheDocument();
    expect(fact('Account owner')).toHaveTextContent('L. Hoffmann');
    expect((await backend.call('organisations.list', { owners: ['L. Hoffmann'] })).rows.map((r) => r.name)).toEqual(['Water Institute']);
  });

  it('person: the relationship owner is changed in the editor; the other fields stay', async () => {
    const backend = await openTestBackend();
    const person = await backend.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Mensah', notes: 'Met in Accra.', owner: 'A. Berger' } });
    await backend.call('notes.create', { title: 'Foresight', owner: 'S. Wagner' });
    renderWithBackend(backend, <ContactsScreen />, { path: `/contacts/${person.id}/edit`, route: '/contacts/*' });
    await waitFor(() => expect(ownerInput(/Relationship owner/)).toHaveValue('A. Berger'));
    await chooseOwner(/Relationship owner/, 'wag', 'S. Wagner');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { name: 'Amina Mensah' })).toBeInTheDocument();
    expect(fact('Relationship owner')).toHaveTextContent('S. Wagner');
    expect(await backend.call('contacts.get', { id: person.id })).toMatchObject({ owner: 'S. Wagner', notes: 'Met in Accra.' });
  });

  it('note: the owner is shown in the facts', async () => {
    const backend = await openTestBackend();
    const note = await backend.call('notes.create', { title: 'Country strategy Ghana', owner: 'D. Nowak' });
    renderWithBackend(backend, <NotesScreen />, { path: `/notes/${note.id}`, route: '/notes/*' });
    expect(await screen.findByRole('heading', { name: 'Country strategy Ghana' })).toBeInTheDocument();
    expect(fact('Owner')).toHaveTextContent('D. Nowak');
  });
});
