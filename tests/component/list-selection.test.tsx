// Why this file exists: selection in the windowed People and Organisations lists, against the real
// in-process backend: Space and Shift+Space (a range), Ctrl+A under a filter (every matching row, asked
// of the backend, not the DOM), pruning when a filter hides selected rows, the selection bar's actions
// enabled only when they apply, Escape and Clear giving focus to the list, and a merge of the two
// selected records that updates the list and clears the selection.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useFocusAfterNavigation } from '../../renderer/src/app/focus';
import { ContactsScreen } from '../../renderer/src/screens/contacts/ContactsScreen';
import { OrganisationsScreen } from '../../renderer/src/screens/organisations/OrganisationsScreen';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

function Main({ children }: { children: React.ReactNode }) {
  useFocusAfterNavigation();
  return <main id="main-content">{children}</main>;
}

async function people(b: TestBackend) {
  for (const [givenName, familyName] of [
    ['Amina', 'Mwangi'],
    ['Amina', 'Mwangi-Otieno'],
    ['Kofi', 'Mensah'],
    ['Rami', 'Haddad'],
    ['Achieng', 'Otieno'],
  ] as const)
    await b.call('contacts.create', { contact: { givenName, familyName } });
}

const box = (name: string) => screen.getByRole('checkbox', { name: `Select ${name}` });
const status = () => screen.getAllByRole('status').find((s) => /selected|cleared/i.test(s.textContent ?? ''));

describe('selecting rows of a list', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(500);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(900);
  });
  afterEach(() => vi.restoreAllMocks());

  it('Space, Shift+Space, sorting, Escape; Ctrl+A selects every row the filter matches; a filter prunes the selection', async () => {
    const backend = await openTestBackend();
    await people(backend);
    renderWithBackend(
      backend,
      <Main>
        <ContactsScreen />
      </Main>,
      { path: '/contacts', route: '/contacts/*' },
    );
    const grid = await screen.findByRole('grid', { name: 'List of people' });
    expect(grid).toHaveAttribute('aria-multiselectable', 'true');
    await within(grid).findByText('Rami Haddad');
    const all = screen.getByRole('checkbox', { name: 'Select all shown rows' });
    expect(all).not.toBeChecked();
    expect(screen.queryByRole('toolbar', { name: 'Selection' })).toBeNull();

    // Sorted by family name: Haddad, Mensah, Mwangi, Mwangi-Otieno, Otieno.
    grid.focus();
    fireEvent.keyDown(grid, { key: ' ' });
    expect(box('Rami Haddad')).toBeChecked();
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: ' ', shiftKey: true });
    for (const name of ['Rami Haddad', 'Kofi Mensah', 'Amina Mwangi']) expect(box(name)).toBeChecked();
    expect(box('Amina Mwangi-Otieno')).not.toBeChecked();
    const bar = screen.getByRole('toolbar', { name: 'Selection' });
    expect(bar).toHaveTextContent('3 selected');
    await waitFor(() => expect(status()).toHaveTextContent('3 selected'));
    expect(all).toHaveAttribute('data-indeterminate', 'true');
    expect(within(bar).getByRole('button', { name: 'Merge…' })).toHaveAttribute('aria-disabled', 'true');
    expect(within(bar).getByRole('button', { name: 'Export as vCard' })).toBeEnabled();

    // Sorting moves the rows, not the selection.
    fireEvent.click(screen.getByRole('button', { name: /^Name/ }));
    await waitFor(() => expect(within(grid).getAllByRole('row')[1]).toHaveTextContent('Achieng Otieno'));
    expect(screen.getByRole('toolbar', { name: 'Selection' })).toHaveTextContent('3 selected');
    expect(box('Kofi Mensah')).toBeChecked();

    grid.focus();
    fireEvent.keyDown(grid, { key: 'Escape' });
    expect(screen.queryByRole('toolbar', { name: 'Selection' })).toBeNull();
    expect(grid).toHaveFocus();
    await waitFor(() => expect(status()).toHaveTextContent('Selection cleared'));

    // Ctrl+A under a filter: the two Aminas and nobody else.
    fireEvent.change(screen.getByPlaceholderText(/Filter by name/), { target: { value: 'Amina' } });
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(3));
    grid.focus();
    fireEvent.keyDown(grid, { key: 'a', ctrlKey: true });
    await waitFor(() => expect(screen.getByRole('toolbar', { name: 'Selection' })).toHaveTextContent('2 selected'));
    expect(all).toBeChecked();
    expect(box('Amina Mwangi')).toBeChecked();
    expect(box('Amina Mwangi-Otieno')).toBeChecked();

    // A wider filter shows more rows: the selection stays the two; a narrower one prunes it.
    fireEvent.change(screen.getByPlaceholderText(/Filter by name/), { target: { value: '' } });
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(6));
    expect(screen.getByRole('toolbar', { name: 'Selection' })).toHaveTextContent('2 selected');
    expect(all).toHaveAttribute('data-indeterminate', 'true');
    fireEvent.change(screen.getByPlaceholderText(/Filter by name/), { target: { value: 'Otieno' } });
    await waitFor(() => expect(screen.getByRole('toolbar', { name: 'Selection' })).toHaveTextContent('1 selected'));
    expect(box('Amina Mwangi-Otieno')).toBeChecked();
    expect(box('Achieng Otieno')).not.toBeChecked();
  });

  it('merges the two selected people from the bar: the list loses one, the selection is cleared, focus is on the list', async () => {
    const backend = await openTestBackend();
    await people(backend);
    renderWithBackend(
      backend,
      <Main>
        <ContactsScreen />
      </Main>,
      { path: '/contacts', route: '/contacts/*' },
    );
    const grid = await screen.findByRole('grid', { name: 'List of people' });
    await within(grid).findByText('Amina Mwangi-Otieno');
    // The checkboxes: a click toggles, Shift+click extends from the last one toggled.
    fireEvent.click(box('Amina Mwangi'));
    fireEvent.click(box('Amina Mwangi-Otieno'));
    const bar = screen.getByRole('toolbar', { name: 'Selection' });
    expect(bar).toHaveTextContent('2 selected');
    const merge = within(bar).getByRole('button', { name: 'Merge…' });
    expect(merge).toHaveAttribute('aria-disabled', 'false');
    merge.focus();
    fireEvent.click(merge);
    const dialog = await screen.findByRole('dialog', { name: 'Merge duplicates' });
    await within(dialog).findByText('Kept: Amina Mwangi');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Merge' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(within(grid).getAllByRole('row')).toHaveLength(5));
    expect(backend.store.db.contacts).toHaveLength(4);
    expect(screen.queryByRole('toolbar', { name: 'Selection' })).toBeNull();
    await waitFor(() => expect(grid).toHaveFocus());

    // Shift+click: a range from the last one toggled.
    fireEvent.click(box('Rami Haddad'));
    fireEvent.click(box('Amina Mwangi'), { shiftKey: true });
    expect(screen.getByRole('toolbar', { name: 'Selection' })).toHaveTextContent('3 selected');
    expect(box('Kofi Mensah')).toBeChecked();
    fireEvent.click(within(screen.getByRole('toolbar', { name: 'Selection' })).getByRole('button', { name: 'Clear selection' }));
    expect(screen.queryByRole('toolbar', { name: 'Selection' })).toBeNull();
    expect(grid).toHaveFocus();
  });

  it('Organisations: the header checkbox selects all shown and clears; no vCard there; German strings', async () => {
    const backend = await openTestBackend();
    for (const name of ['Aga Khan University', 'Berlin Water Works', 'Coastal Institute']) await backend.call('organisations.create', { name });
    renderWithBackend(
      backend,
      <Main>
        <OrganisationsScreen />
      </Main>,
      { path: '/organisations', route: '/organisations/*', language: 'de' },
    );
    const grid = await screen.findByRole('grid', { name: 'Organisationsliste' });
    await within(grid).findByText('Coastal Institute');
    const all = screen.getByRole('checkbox', { name: 'Alle angezeigten Zeilen auswählen' });
    fireEvent.click(all);
    await waitFor(() => expect(screen.getByRole('toolbar', { name: 'Auswahl' })).toHaveTextContent('3 ausgewählt'));
    expect(screen.getByRole('checkbox', { name: 'Berlin Water Works auswählen' })).toBeChecked();
    const bar = screen.getByRole('toolbar', { name: 'Auswahl' });
    expect(within(bar).getByRole('button', { name: 'Zusammenführen …' })).toHaveAttribute('aria-disabled', 'true');
    expect(within(bar).queryByRole('button', { name: 'Als vCard exportieren' })).toBeNull();
    expect(within(bar).getByRole('button', { name: 'Auswahl exportieren' })).toBeInTheDocument();
    fireEvent.click(all);
    expect(screen.queryByRole('toolbar', { name: 'Auswahl' })).toBeNull();
  });
});
