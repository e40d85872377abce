import { fireEvent, screen, waitFor } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { RichDoc } from '../../shared/schemas/richtext';
import { NoteEditor } from '../../renderer/src/screens/notes/NoteEditor';
import { openTestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

/**
 * The editor's form and its round trip through Tiptap. Typing into the contenteditable is left to
 * the end-to-end test (happy-dom has no real editing); here the text goes in and out unchanged.
 */
const body: RichDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Partners' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'See ' },
        { type: 'text', text: 'the portal', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] },
        { type: 'text', text: ' and ' },
        { type: 'text', text: 'this', marks: [{ type: 'bold' }, { type: 'italic' }] },
      ],
    },
    { type: 'orderedList', attrs: { start: 2 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Second' }] }] }] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Partner' }] }] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'KNUST' }] }] }] },
      ],
    },
  ],
};

/** The editor's routes, and where a save lands. */
const screenRoutes = (
  <Routes>
    <Route path="notes/new" element={<NoteEditor />} />
    <Route path="notes/:id/edit" element={<NoteEditor />} />
    <Route path="notes/:id" element={<p>Note detail</p>} />
  </Routes>
);

describe('NoteEditor against the real backend', () => {
  it('keeps a stored text exactly as it was when only the title changes', async () => {
    const backend = await openTestBackend();
    const note = await backend.call('notes.create', { title: 'Ghana', kind: 'countryStrategy', body });
    renderWithBackend(backend, screenRoutes, { path: `/notes/${note.id}/edit` });
    const title = await screen.findByLabelText(/Title/);
    expect(await screen.findByRole('textbox', { name: 'Text' })).toHaveTextContent('Partners');
    expect(screen.getByRole('toolbar', { name: 'Formatting' })).toBeInTheDocument();
    fireEvent.change(title, { target: { value: 'Ghana 2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect((await backend.call('notes.get', { id: note.id })).title).toBe('Ghana 2026'));
    expect((await backend.call('notes.get', { id: note.id })).body).toEqual(body);
    expect(await screen.findByText('Note detail')).toBeInTheDocument();
  });

  it('shows the schema’s field messages and saves nothing while the title is empty', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, screenRoutes, { path: '/notes/new' });
    await screen.findByRole('textbox', { name: 'Text' });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(await screen.findByText('Required.')).toBeInTheDocument();
    expect(screen.getByText('Please correct the marked fields.')).toBeInTheDocument();
    expect((await backend.call('notes.list', {})).total).toBe(0);

    fireEvent.change(screen.getByLabelText(/Title/), { target: { value: 'Minutes of the Accra meeting' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(async () => expect((await backend.call('notes.list', {})).total).toBe(1));
    const [created] = (await backend.call('notes.list', {})).rows;
    expect((await backend.call('notes.get', { id: created!.id })).body).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('asks before discarding changes', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, screenRoutes, { path: '/notes/new' });
    fireEvent.change(await screen.findByLabelText(/Title/), { target: { value: 'Half-written' } });
    expect(screen.getByText('Unsaved changes')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByRole('dialog', { name: 'Discard your changes?' })).toBeInTheDocument();
  });

  it('reports a conflict when the note was saved elsewhere meanwhile', async () => {
    const backend = await openTestBackend();
    const note = await backend.call('notes.create', { title: 'Shared', body });
    renderWithBackend(backend, screenRoutes, { path: `/notes/${note.id}/edit` });
    const title = await screen.findByLabelText(/Title/);
    await backend.call('notes.update', { id: note.id, revision: note.revision, changes: { title: 'Changed elsewhere' } });
    fireEvent.change(title, { target: { value: 'Mine' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/changed elsewhere meanwhile/)).toBeInTheDocument();
    expect((await backend.call('notes.get', { id: note.id })).title).toBe('Changed elsewhere');
  });
});
