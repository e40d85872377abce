// The import screen against the real in-process backend: a CSV with a bad row and a duplicate goes
// through mapping and preview; the Import button counts only the rows that will be imported; the
// Done page counts organisations and positions without a plural trap; its Undo and the notice's
// Undo / Ctrl+Z know about each other, and focus stays on the page; Cancel and Escape leave.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router';
import { notifications } from '@mantine/notifications';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emitCommand } from '../../renderer/src/app/commands';
import { sectionOf } from '../../renderer/src/app/sections';
import { ImportScreen } from '../../renderer/src/screens/imports/ImportScreen';
import { csv } from '../fixtures/imports';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend, loadScreens } from './render';

// The shell's screens are lazy: their code is loaded once for the file, not inside a test's time limit.
beforeAll(loadScreens, 120_000);

function Where() {
  const location = useLocation();
  return <p data-testid="where">{location.pathname + location.search}</p>;
}

function App() {
  return (
    <main id="main-content">
      <Routes>
        <Route path="/import" element={<ImportScreen />} />
        <Route path="*" element={<Where />} />
      </Routes>
    </main>
  );
}

const rows = [
  ['First Name', 'Last Name', 'Company', 'Job Title', 'E-mail Address'],
  ['Kofi', 'Boateng', 'University of Ghana', 'Dean', 'kofi@ug.example'],
  ['Ama', 'Owusu', 'University of Ghana', 'Lecturer', 'not-an-email'],
  ['Lena', 'Vogel', 'TU Berlin', '', 'lena@tu.example'],
  ['Anna', 'Müller', 'TU Berlin', 'Professor', 'anna@tu.example'],
  ['Anne', 'Mueller', 'Elsewhere', 'Professor', 'ANNA@tu.example'],
];

async function toPreview(backend: TestBackend) {
  const view = renderWithBackend(backend, <App />, { path: '/import?target=people', route: '/*' });
  const input = await waitFor(() => {
    const el = document.querySelector('input[type="file"]');
    expect(el).not.toBeNull();
    return el as HTMLInputElement;
  });
  const file = new File([csv(rows)], 'people.csv', { type: 'text/csv' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
  fireEvent.click(await screen.findByRole('button', { name: 'Next' }));
  await screen.findByRole('heading', { name: 'Preview' });
  return view;
}

async function toDone(backend: TestBackend) {
  const view = await toPreview(backend);
  fireEvent.click(screen.getByRole('button', { name: /^Import 3 of 5 rows$/ }));
  await screen.findByRole('heading', { name: '3 created, 0 updated, 2 skipped.' });
  return view;
}

describe('the import screen', () => {
  // Mantine keeps its notices in a module store; each test starts without the last one's.
  beforeEach(() => notifications.clean());

  it('counts on its Import button only the rows that will be imported, and recounts when a duplicate’s choice changes', async () => {
    const backend = await openTestBackend();
    await toPreview(backend);
    // 5 rows: one with a bad e-mail, one duplicate of row 4 set to Skip.
    expect(screen.getByRole('button', { name: 'Import 3 of 5 rows' })).toBeInTheDocument();
    // Each row's status as a badge; a row without a job title shows the default role greyed, not as typed.
    const table = screen.getByRole('table', { name: 'Preview of the rows as they will be stored' });
    expect(within(table).getByRole('columnheader', { name: 'Status' })).toBeInTheDocument();
    expect(within(table).getAllByText('Ready')).toHaveLength(3);
    expect(within(table).getByText('Error')).toBeInTheDocument();
    expect(within(table).getByText('Duplicate of row 4, Anna Müller (same e-mail)')).toBeInTheDocument();
    expect(within(table).getByText('(Contact, default)')).toBeInTheDocument();
    const choice = screen.getAllByLabelText('What to do with row 5').find((el) => el.tagName === 'INPUT')!;
    fireEvent.click(choice);
    const list = await waitFor(() => {
      const el = document.getElementById(choice.getAttribute('aria-controls') ?? '');
      expect(el).not.toBeNull();
      return el!;
    });
    fireEvent.click(within(list).getByRole('option', { name: 'Create anyway', hidden: true }));
    expect(await screen.findByRole('button', { name: 'Import 4 of 5 rows' })).toBeInTheDocument();
  });

  it('says “1 organisation” and “2 positions” on the Done page', async () => {
    const backend = await openTestBackend();
    await backend.call('organisations.create', { name: 'University of Ghana', country: 'GH' });
    await toDone(backend);
    expect(screen.getByText('1 organisation and 3 positions created. A backup was taken before.')).toBeInTheDocument();
  });

  it('undoes from the page: the notice goes, Ctrl+Z no longer applies it, the heading says so and has focus', async () => {
    const backend = await openTestBackend();
    const before = structuredClone(backend.store.db.contacts.toArray());
    await toDone(backend);
    const notice = await screen.findByText('3 created, 0 updated, 2 skipped.', { selector: '.mantine-Notification-description *' });
    expect(notice).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Undo the import' }));
    const heading = await screen.findByRole('heading', { name: 'The import was undone.' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(backend.store.db.contacts).toEqual(before);
    await waitFor(() => expect(screen.queryByText('3 created, 0 updated, 2 skipped.', { selector: '.mantine-Notification-description *' })).toBeNull());
    // Ctrl+Z is disarmed: nothing is applied, no error appears.
    emitCommand('undo.last');
    expect(screen.queryByText(/no longer exists|already undone/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Undo the import' })).toBeNull();
  });

  it('follows an undo by Ctrl+Z: the page says the import was undone and offers no second undo', async () => {
    const backend = await openTestBackend();
    const before = structuredClone(backend.store.db.contacts.toArray());
    await toDone(backend);
    emitCommand('undo.last');
    const heading = await screen.findByRole('heading', { name: 'The import was undone.' });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(backend.store.db.contacts).toEqual(before);
    expect(screen.queryByRole('button', { name: 'Undo the import' })).toBeNull();
  });

  it('says an undo applied a second time was already undone, not that a record is missing', async () => {
    const backend = await openTestBackend();
    await toDone(backend);
    const undoButton = screen.getByRole('button', { name: 'Undo the import' });
    // The notice's Undo first; the page's button is still on screen in the same instant.
    const notice = await screen.findByText('3 created, 0 updated, 2 skipped.', { selector: '.mantine-Notification-description *' });
    const noticeUndo = within(notice.closest('.mantine-Notification-root') as HTMLElement).getByRole('button', { name: 'Undo' });
    fireEvent.click(noticeUndo);
    fireEvent.click(undoButton);
    expect(await screen.findByText('This was already undone.')).toBeInTheDocument();
    expect(screen.queryByText('This record no longer exists.')).toBeNull();
  });

  it('highlights the list the import belongs to in the navigation', () => {
    const sections = [
      { path: '/organisations', label: 'Organisations', icon: null },
      { path: '/contacts', label: 'People', icon: null },
    ];
    expect(sectionOf(sections, '/import', '?target=organisations')).toBe('/organisations');
    expect(sectionOf(sections, '/import', '?target=people')).toBe('/contacts');
    expect(sectionOf(sections, '/contacts/abc', '')).toBe('/contacts');
  });

  it('Cancel and Escape go back to the list the import was opened from', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, <App />, { path: '/import?target=organisations', route: '/*' });
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect((await screen.findByTestId('where')).textContent).toBe('/organisations');

    const again = renderWithBackend(backend, <App />, { path: '/import?target=people', route: '/*' });
    await screen.findAllByRole('heading', { name: 'Choose a file' });
    fireEvent.keyDown(again.container.querySelector('.import-screen')!, { key: 'Escape', code: 'Escape' });
    await waitFor(() => expect(within(again.container).getByTestId('where').textContent).toBe('/contacts'));
  });
});
