import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { docFromPlainText } from '../../shared/domain/richtext';
import type { RichDoc } from '../../shared/schemas/richtext';
import { RevisionsPanel } from '../../renderer/src/screens/notes/RevisionsPanel';
import { openTestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

/** The version buttons, in the list the panel's heading names. */
const versionButtons = async () => within(await screen.findByRole('list', { name: 'Saved versions' })).findAllByRole('button');

const first: RichDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'First draft' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Water research comes first.' }] },
  ],
};

describe('RevisionsPanel against the real backend', () => {
  it('shows an earlier version read-only and restores it as the newest one', async () => {
    // Distinct save times, so the versions are told apart by their date.
    let clock = Date.UTC(2026, 2, 1, 9, 0);
    const backend = await openTestBackend({ now: () => new Date((clock += 60_000)) });
    const created = await backend.call('notes.create', { title: 'Ghana strategy', kind: 'countryStrategy', body: first });
    const updated = await backend.call('notes.update', {
      id: created.id,
      revision: created.revision,
      changes: { title: 'Ghana strategy 2026', status: 'final', body: docFromPlainText('Energy transition comes first now.') },
    });

    renderWithBackend(backend, <RevisionsPanel noteId={created.id} />);
    const versions = await versionButtons();
    expect(versions).toHaveLength(2);
    // Newest first, marked as the current text; the excerpt says what each holds.
    expect(versions[0]).toHaveTextContent('Current');
    // Named by what it shows (WCAG 2.5.3, label in name): its date, "Current" and the excerpt.
    expect(versions[0]).toHaveAccessibleName(/Current.*Energy transition/);
    expect(versions[0]).toHaveTextContent('Energy transition');
    expect(versions[1]).toHaveTextContent('Water research');

    fireEvent.click(versions[1]!);
    expect(versions[1]).toHaveAttribute('aria-pressed', 'true');
    const preview = await screen.findByRole('region', { name: /^Version of/ });
    expect(await within(preview).findByRole('heading', { name: 'First draft' })).toBeInTheDocument();
    expect(within(preview).getByText('Ghana strategy')).toBeInTheDocument();
    expect(within(preview).getByText('Read-only')).toBeInTheDocument();
    fireEvent.click(within(preview).getByRole('button', { name: 'Restore this version' }));

    await waitFor(async () => {
      const note = await backend.call('notes.get', { id: created.id });
      expect(note.revision).toBe(updated.revision + 1);
    });
    const note = await backend.call('notes.get', { id: created.id });
    expect(note.title).toBe('Ghana strategy');
    expect(note.status).toBe('draft');
    expect(note.body).toEqual(first);
    // The restored text is the newest version; the one it replaced stays.
    const saved = await backend.call('notes.revisions', { id: created.id });
    expect(saved.map((r) => r.title)).toEqual(['Ghana strategy', 'Ghana strategy 2026', 'Ghana strategy']);
    expect(await versionButtons()).toHaveLength(3);
    expect(await screen.findByText(/is now the current text/)).toBeInTheDocument();
  });

  it('offers no restore for the current version', async () => {
    const backend = await openTestBackend();
    const created = await backend.call('notes.create', { title: 'Only version', body: first });
    renderWithBackend(backend, <RevisionsPanel noteId={created.id} />);
    fireEvent.click((await versionButtons())[0]!);
    const preview = await screen.findByRole('region', { name: /^Version of/ });
    expect(await within(preview).findByText(/This is the current text/)).toBeInTheDocument();
    expect(within(preview).queryByRole('button', { name: 'Restore this version' })).toBeNull();
  });
});
