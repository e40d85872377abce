/**
 * A case names its funding programme (issue 13), against the real backend on a temp folder: the
 * case editor picks the programme, the case page shows it with its deadline and links to it, the
 * programme's page lists the case, the cases list filters by it, and deleting the programme says
 * that the case loses it (one Undo puts it back).
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CasesScreen } from '../../renderer/src/screens/cases/CasesScreen';
import { ProgrammesScreen } from '../../renderer/src/screens/programmes/ProgrammesScreen';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend, settledOptions } from './render';

async function programmes(b: TestBackend) {
  const call = await b.call('programmes.create', { name: 'Bilateral Africa Call', funder: 'BMBF', deadline: '2027-02-15' });
  const other = await b.call('programmes.create', { name: 'Open Vietnam Programme', funder: 'DFG' });
  return { call, other };
}

/** Types into a record picker and chooses the option that appears. */
async function pick(label: string, text: string, option: RegExp) {
  const input = screen.getAllByLabelText(label).find((el) => el.tagName === 'INPUT')!;
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  const list = await settledOptions(label);
  fireEvent.click(within(list).getByRole('option', { name: option, hidden: true }));
  await waitFor(() => expect(input.closest('.mantine-PillsInput-root')).toHaveTextContent(option));
}

/** Chooses a value in a list filter (a multi-select named by its placeholder). */
async function filterBy(name: string, option: string | RegExp) {
  // A list's filter menus mount just after its rows (components/list/deferredFilters.tsx).
  const box = await screen.findByRole('combobox', { name });
  fireEvent.focus(box);
  fireEvent.keyDown(box, { key: 'ArrowDown', code: 'ArrowDown' });
  await waitFor(() => expect(box).toHaveAttribute('aria-expanded', 'true'));
  const list = document.getElementById(box.getAttribute('aria-controls')!)!;
  fireEvent.click(await within(list).findByRole('option', { name: option, hidden: true }));
}

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
      <Route path="/programmes/*" element={<ProgrammesScreen />} />
    </Routes>,
    { path, language },
  );

describe('A case names its funding programme', () => {
  it('the editor picks the programme; the case page shows it with its deadline and opens the programme, which lists the case', async () => {
    const b = await openTestBackend();
    const p = await programmes(b);
    screenAt(b, '/cases/new');
    fireEvent.change(await screen.findByRole('textbox', { name: /Title/ }), { target: { value: 'Partners in Ghana' } });
    await pick('Funding programme', 'bilateral', /Bilateral Africa Call/);
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));

    await screen.findByRole('heading', { name: 'Partners in Ghana' });
    const stored = b.store.db.cases.find((c) => c.title === 'Partners in Ghana')!;
    expect(stored.programmeId).toBe(p.call.id);
    const link = await screen.findByRole('link', { name: 'Bilateral Africa Call' });
    expect(link).toHaveAttribute('href', `/programmes/${p.call.id}`);
    expect(screen.getByText(/deadline 15 Feb 2027/)).toBeInTheDocument();

    // The programme's page lists the case (and a link back to it).
    fireEvent.click(link);
    await screen.findByRole('heading', { name: 'Bilateral Africa Call' });
    const cases = screen.getByRole('region', { name: 'Cases naming this programme' });
    expect(await within(cases).findByRole('link', { name: 'Partners in Ghana' })).toHaveAttribute('href', `/cases/${stored.id}`);
  });

  it('editing a case changes its programme; an open programme shows no deadline', async () => {
    const b = await openTestBackend();
    const p = await programmes(b);
    const kase = await b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-03-01', programmeId: p.call.id });
    screenAt(b, `/cases/${kase.id}/edit`);
    expect(await screen.findByRole('textbox', { name: /Title/ })).toHaveValue('Partners in Ghana');
    await waitFor(() => expect(screen.getAllByLabelText('Funding programme').find((el) => el.tagName === 'INPUT')!.closest('.mantine-PillsInput-root')).toHaveTextContent('Bilateral Africa Call'));
    await pick('Funding programme', 'vietnam', /Open Vietnam Programme/);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(b.store.db.cases.find((c) => c.id === kase.id)!.programmeId).toBe(p.other.id));
    expect(await screen.findByRole('link', { name: 'Open Vietnam Programme' })).toHaveAttribute('href', `/programmes/${p.other.id}`);
    // The open programme has no deadline: none is shown.
    expect(screen.queryByText(/deadline/)).toBeNull();
  });

  it('the cases list filters by programme', async () => {
    const b = await openTestBackend();
    const p = await programmes(b);
    await b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-03-01', programmeId: p.call.id });
    await b.call('cases.create', { title: 'Hanoi lab', openedOn: '2026-03-02', programmeId: p.other.id });
    await b.call('cases.create', { title: 'No programme yet', openedOn: '2026-03-03' });
    screenAt(b, '/cases');
    const grid = await screen.findByRole('grid', { name: 'Case list' });
    await within(grid).findByText('Partners in Ghana');
    expect(screen.getByText('3 cases')).toBeInTheDocument();
    await filterBy('Programme', 'Bilateral Africa Call');
    await waitFor(() => expect(within(grid).queryByText('Hanoi lab')).toBeNull());
    expect(within(grid).queryByText('No programme yet')).toBeNull();
    expect(within(grid).getByText('Partners in Ghana')).toBeInTheDocument();
    expect(screen.getByText('1 case')).toBeInTheDocument();
  });

  it('deleting the programme says the case loses it; Undo puts programme and link back', async () => {
    const b = await openTestBackend();
    const p = await programmes(b);
    const kase = await b.call('cases.create', { title: 'Partners in Ghana', openedOn: '2026-03-01', programmeId: p.call.id });
    screenAt(b, `/programmes/${p.call.id}`);
    await screen.findByRole('heading', { name: 'Bilateral Africa Call' });
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: /Bilateral Africa Call/ });
    expect(await within(dialog).findByText('1 case no longer names this programme')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(b.store.db.cases.find((c) => c.id === kase.id)!.programmeId).toBeNull());
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(b.store.db.cases.find((c) => c.id === kase.id)!.programmeId).toBe(p.call.id));
    expect(b.store.db.programmes.some((x) => x.id === p.call.id)).toBe(true);
  });

  it('speaks German on the case page', async () => {
    const b = await openTestBackend();
    const p = await programmes(b);
    const kase = await b.call('cases.create', { title: 'Partner in Ghana', openedOn: '2026-03-01', programmeId: p.call.id });
    screenAt(b, `/cases/${kase.id}`, 'de');
    await screen.findByRole('heading', { name: 'Partner in Ghana' });
    expect(await screen.findByText('Förderprogramm')).toBeInTheDocument();
    expect(await screen.findByText(/Frist 15\.02\.2027/)).toBeInTheDocument();
  });
});
