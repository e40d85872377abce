/**
 * The Strategy priorities screen against the real backend: the list highest level first with its
 * place, the detail with goals and the strategy note, and an edit through the editor saved back.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PrioritiesScreen } from '../../renderer/src/screens/priorities/PrioritiesScreen';
import { openTestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

beforeEach(() => {
  localStorage.clear();
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(500);
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1200);
});
afterEach(() => vi.restoreAllMocks());

describe('Strategy priorities screen', () => {
  it('lists priorities by level, shows one with its goals and note, and saves an edit', async () => {
    const b = await openTestBackend();
    const note = await b.call('notes.create', { title: 'Africa strategy 2026–2030' });
    const region = await b.call('priorities.create', { title: 'Sub-Saharan Africa', region: '202', level: 3 });
    const ghana = await b.call('priorities.create', { title: 'Ghana', country: 'GH', level: 1, goals: ['Young scientists'], noteIds: [note.id] });
    renderWithBackend(b, <Routes><Route path="/priorities/*" element={<PrioritiesScreen />} /></Routes>, { path: `/priorities/${ghana.id}` });

    const table = await screen.findByRole('table', { name: 'Priority list' });
    await within(table).findByRole('link', { name: 'Ghana' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual(['Ghana', 'Sub-Saharan Africa']);
    expect(rows[1]).toHaveTextContent('Sub-Saharan Africa');

    const detail = await screen.findByRole('article', { name: 'Ghana' });
    expect(within(detail).getByText('Young scientists')).toBeInTheDocument();
    expect(await within(detail).findByRole('link', { name: 'Africa strategy 2026–2030' })).toHaveAttribute('href', `/notes/${note.id}`);
    expect(within(detail).getByText('Level 1 — highest')).toBeInTheDocument();
    expect(region.level).toBe(3);

    fireEvent.click(within(detail).getByRole('button', { name: 'Edit' }));
    const title = await screen.findByLabelText(/^Title/);
    await waitFor(() => expect(title).toHaveValue('Ghana'));
    fireEvent.change(title, { target: { value: 'Africa strategy: Ghana' } });
    fireEvent.click(screen.getByRole('button', { name: /^Save/ }));
    await waitFor(async () => expect((await b.call('priorities.get', { id: ghana.id })).title).toBe('Africa strategy: Ghana'));
    const saved = await b.call('priorities.get', { id: ghana.id });
    expect(saved).toMatchObject({ country: 'GH', region: null, level: 1, goals: ['Young scientists'], noteIds: [note.id] });
  });
});
