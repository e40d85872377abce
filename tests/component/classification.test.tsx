/**
 * Cases and strategy notes carry a classification (issue 15, "need-to-know stays home"), against the
 * real backend on a temp folder: the case editor saves the level chosen in its Classification select,
 * the case page marks a confidential case with a badge and names every level in its details, an edit
 * changes it, the cases list filters by it; the note editor saves its level and the note page shows
 * it; the editor speaks German.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CasesScreen } from '../../renderer/src/screens/cases/CasesScreen';
import { NotesScreen } from '../../renderer/src/screens/notes/NotesScreen';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

/** Opens a select (or a list filter) by its name and chooses an option. */
async function choose(box: HTMLElement, option: string) {
  fireEvent.focus(box);
  fireEvent.click(box);
  await waitFor(() => expect(box).toHaveAttribute('aria-expanded', 'true'));
  const list = document.getElementById(box.getAttribute('aria-controls')!)!;
  fireEvent.click(await within(list).findByRole('option', { name: option, hidden: true }));
}

/** The line above a record page's heading: reference, status and badges. */
const metaOf = (heading: HTMLElement) => heading.previousElementSibling as HTMLElement;

/** The value a detail screen's facts show for a label. */
const fact = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;

// The windowed table renders the rows that fit: give the page a height and width (happy-dom has none).
beforeEach(() => {
  localStorage.clear();
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(500);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});
afterEach(() => vi.restoreAllMocks());

const screenAt = (b: TestBackend, path: string, language: 'en' | 'de' = 'en') =>
  renderWithBackend(
    b,
    <Routes>
      <Route path="/cases/*" element={<CasesScreen />} />
      <Route path="/notes/*" element={<NotesScreen />} />
    </Routes>,
    { path, language },
  );

describe('a case’s classification', () => {
  it('the case editor saves the chosen classification; the case page marks it confidential', async () => {
    const b = await openTestBackend();
    screenAt(b, '/cases/new');
    const form = (await screen.findByRole('heading', { name: 'New case' })).closest('form')!;
    fireEvent.change(within(form).getByRole('textbox', { name: /Title/ }), { target: { value: 'Due diligence Shanghai' } });
    const select = within(form).getByRole('combobox', { name: 'Classification' });
    expect(select).toHaveValue('Internal');
    expect(within(form).getByText('Printed in the header and footer of the case briefing.')).toBeInTheDocument();
    await choose(select, 'Confidential');
    await waitFor(() => expect(select).toHaveValue('Confidential'));
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }));

    const heading = await screen.findByRole('heading', { name: 'Due diligence Shanghai' });
    const stored = b.store.db.cases.find((c) => c.title === 'Due diligence Shanghai')!;
    expect(stored.classification).toBe('confidential');
    const header = metaOf(heading);
    expect(within(header).getByText('Confidential')).toBeInTheDocument();
    expect(fact('Classification')).toHaveTextContent('Confidential');
  });

  it('an edit changes it; a case that is not confidential shows its level in the details, without a badge', async () => {
    const b = await openTestBackend();
    const kase = await b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-03-01', classification: 'confidential' });
    screenAt(b, `/cases/${kase.id}/edit`);
    const form = (await screen.findByRole('heading', { name: 'Edit case' })).closest('form')!;
    const select = within(form).getByRole('combobox', { name: 'Classification' });
    await waitFor(() => expect(select).toHaveValue('Confidential'));
    await choose(select, 'Public');
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(b.store.db.cases.find((c) => c.id === kase.id)!.classification).toBe('public'));

    const heading = await screen.findByRole('heading', { name: 'Partners in Ghana' });
    await waitFor(() => expect(fact('Classification')).toHaveTextContent('Public'));
    const header = metaOf(heading);
    expect(within(header).queryByText('Public')).toBeNull();
    expect(within(header).queryByText('Confidential')).toBeNull();
  });

  it('the cases list filters by classification', async () => {
    const b = await openTestBackend();
    await b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-03-01' });
    await b.call('cases.create', { title: 'Due diligence Shanghai', openedOn: '2026-03-02', classification: 'confidential' });
    screenAt(b, '/cases');
    const grid = await screen.findByRole('grid', { name: 'Case list' });
    await within(grid).findByText('Partners in Ghana');
    expect(screen.getByText('2 cases')).toBeInTheDocument();
    await choose(screen.getByRole('combobox', { name: 'Classification' }), 'Confidential');
    await waitFor(() => expect(within(grid).queryByText('Partners in Ghana')).toBeNull());
    expect(within(grid).getByText('Due diligence Shanghai')).toBeInTheDocument();
    expect(screen.getByText('1 case')).toBeInTheDocument();
  });

  it('speaks German in the editor', async () => {
    const b = await openTestBackend();
    screenAt(b, '/cases/new', 'de');
    const form = (await screen.findByRole('heading', { name: 'Neuer Vorgang' })).closest('form')!;
    const select = within(form).getByRole('combobox', { name: 'Einstufung' });
    expect(select).toHaveValue('Intern');
    await choose(select, 'Vertraulich');
    await waitFor(() => expect(select).toHaveValue('Vertraulich'));
  });
});

describe('a strategy note’s classification', () => {
  it('the note editor saves the chosen classification; the note page shows it', async () => {
    const b = await openTestBackend();
    screenAt(b, '/notes/new');
    const form = (await screen.findByRole('heading', { name: 'New note' })).closest('form')!;
    fireEvent.change(within(form).getByLabelText(/Title/), { target: { value: 'Board minutes on the Shanghai lab' } });
    const select = within(form).getByRole('combobox', { name: 'Classification' });
    expect(select).toHaveValue('Internal');
    await choose(select, 'Confidential');
    fireEvent.click(within(form).getByRole('button', { name: 'Create' }));

    const heading = await screen.findByRole('heading', { name: 'Board minutes on the Shanghai lab' });
    expect(b.store.db.notes.find((n) => n.title === 'Board minutes on the Shanghai lab')!.classification).toBe('confidential');
    const header = metaOf(heading);
    expect(within(header).getByText('Confidential')).toBeInTheDocument();
    expect(fact('Classification')).toHaveTextContent('Confidential');
  });
});
