import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CaseEditor } from '../../renderer/src/screens/cases/CaseEditor';
import { openTestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

describe('CaseEditor against the real backend', () => {
  it('shows field messages from the shared schema and saves nothing while invalid', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, <CaseEditor />, { path: '/cases/new', route: '/cases/new' });
    const title = await screen.findByLabelText(/Title/);
    fireEvent.change(screen.getByLabelText(/^Opened/), { target: { value: '2026-05-10' } });
    fireEvent.submit(title.closest('form')!);
    expect(await screen.findByText('Required.')).toBeInTheDocument();
    // The form's own message; a toast from another file's late save may be on screen too.
    expect(within(title.closest('form')!).getByRole('alert')).toHaveTextContent('Please correct the marked fields.');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect((await backend.call('cases.list', {})).rows).toEqual([]);
  });

  it('creates the case through the contract when the form is valid', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, <CaseEditor />, { path: '/cases/new', route: '/cases/new' });
    const title = await screen.findByLabelText(/Title/);
    fireEvent.change(title, { target: { value: 'Vocational training with Mexico' } });
    fireEvent.submit(title.closest('form')!);
    await waitFor(async () => expect((await backend.call('cases.list', {})).rows).toHaveLength(1));
    const [created] = (await backend.call('cases.list', {})).rows;
    expect(created!.title).toBe('Vocational training with Mexico');
    expect(created!.reference).toMatch(/^AC-\d{4}-001$/);
  });

  it('speaks German when the language is German', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, <CaseEditor />, { path: '/cases/new', route: '/cases/new', language: 'de' });
    expect(await screen.findByRole('heading', { name: 'Neuer Vorgang' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Partnerländer' })).toBeInTheDocument();
  });
});
