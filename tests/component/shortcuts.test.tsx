// The app's keyboard shortcuts as a person meets them: the real shell (its key handlers, its help,
// its palette) over the real screens and the real backend. The same keys must do the same thing in
// every editor, and the help must list exactly what works.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { Shell } from '../../renderer/src/app/Shell';
import { buildTrip } from '../fixtures/trip';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend, loadScreens } from './render';

// The shell's screens are lazy: their code is loaded once for the file, not inside a test's time limit.
beforeAll(loadScreens, 120_000);

const ctrl = (key: string, extra: { shiftKey?: boolean } = {}) => ({ key, code: `Key${key.toUpperCase()}`, ctrlKey: true, ...extra });

/** Ctrl+S where a person types: in the field that has focus. */
function pressSaveIn(field: HTMLElement) {
  field.focus();
  fireEvent.keyDown(field, ctrl('s'));
}

async function shellAt(backend: TestBackend, path: string) {
  renderWithBackend(backend, <Shell />, { path });
}

/** The shell on the cases list, the palette opened with Ctrl+K and `text` typed into it. */
async function paletteWith(backend: TestBackend, text: string) {
  await shellAt(backend, '/cases');
  await screen.findByRole('heading', { name: 'Advisory cases', level: 1 });
  fireEvent.keyDown(document.body, ctrl('k'));
  const palette = await screen.findByRole('dialog', { name: 'Go to' });
  const field = within(palette).getByRole('textbox', { name: 'Go to' });
  fireEvent.change(field, { target: { value: text } });
  return { palette, field };
}

describe('Ctrl+S saves every editor', () => {
  it('a new case, from inside its title field', async () => {
    const backend = await openTestBackend();
    await shellAt(backend, '/cases/new');
    const title = await screen.findByRole('textbox', { name: /^Title/ });
    fireEvent.change(title, { target: { value: 'Vocational training with Mexico' } });
    pressSaveIn(title);
    expect(await screen.findByRole('heading', { name: 'Vocational training with Mexico', level: 2 })).toBeInTheDocument();
    expect((await backend.call('cases.list', {})).rows.map((r) => r.title)).toEqual(['Vocational training with Mexico']);
  });

  it('an organisation being edited', async () => {
    const backend = await openTestBackend();
    const org = await backend.call('organisations.create', { name: 'Weser Technical University', kind: 'university', country: 'DE' });
    await shellAt(backend, `/organisations/${org.id}/edit`);
    const name = await screen.findByDisplayValue('Weser Technical University');
    fireEvent.change(name, { target: { value: 'Weser University of Technology' } });
    pressSaveIn(name);
    expect(await screen.findByRole('heading', { name: 'Weser University of Technology', level: 2 })).toBeInTheDocument();
    expect((await backend.call('organisations.get', { id: org.id })).name).toBe('Weser University of Technology');
  });

  it('a person being edited', async () => {
    const backend = await openTestBackend();
    const person = await backend.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Otieno' }, positions: [] });
    await shellAt(backend, `/contacts/${person.id}/edit`);
    const family = await screen.findByDisplayValue('Otieno');
    fireEvent.change(family, { target: { value: 'Otieno-Kariuki' } });
    pressSaveIn(family);
    await waitFor(async () => expect((await backend.call('contacts.get', { id: person.id })).familyName).toBe('Otieno-Kariuki'));
    expect(await screen.findByRole('heading', { name: /Amina Otieno-Kariuki/, level: 2 })).toBeInTheDocument();
  });

  it('a trip being edited', async () => {
    const backend = await openTestBackend();
    const { trip } = await buildTrip(backend, 1, 2);
    await shellAt(backend, `/trips/${trip.id}/edit`);
    const title = await screen.findByDisplayValue(trip.title);
    fireEvent.change(title, { target: { value: 'Delegation to Nairobi, Accra and Kumasi' } });
    pressSaveIn(title);
    expect(await screen.findByRole('heading', { name: 'Delegation to Nairobi, Accra and Kumasi', level: 2 })).toBeInTheDocument();
    expect((await backend.call('trips.get', { id: trip.id })).title).toBe('Delegation to Nairobi, Accra and Kumasi');
  });

  it('a new agenda item in its dialog', async () => {
    const backend = await openTestBackend();
    const { trip } = await buildTrip(backend, 1, 2);
    const before = (await backend.call('trips.related', { id: trip.id })).agenda.length;
    await shellAt(backend, `/trips/${trip.id}`);
    fireEvent.click(await screen.findByRole('tab', { name: /Agenda/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Add item' }));
    const dialog = await screen.findByRole('dialog', { name: 'New agenda item' });
    const title = within(dialog).getByRole('textbox', { name: /^Title/ });
    fireEvent.change(title, { target: { value: 'Visit to the drylands station' } });
    pressSaveIn(title);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New agenda item' })).toBeNull());
    const agenda = (await backend.call('trips.related', { id: trip.id })).agenda;
    expect(agenda).toHaveLength(before + 1);
    expect(agenda.map((a) => a.title)).toContain('Visit to the drylands station');
  });
});

describe('the same shortcut does the same thing on every screen', () => {
  it('Ctrl+Shift+E exports the briefing book on a trip, as it exports the briefing on a case', async () => {
    const backend = await openTestBackend();
    const { trip } = await buildTrip(backend, 1, 2);
    const exported: unknown[] = [];
    // Watches what the renderer asks for; the real backend still does the work.
    const watched: TestBackend = Object.create(backend, {
      dispatch: {
        value: ((name, input) => {
          if (name === 'book.export') exported.push(input);
          return backend.dispatch(name, input);
        }) satisfies TestBackend['dispatch'],
      },
    });
    await shellAt(watched, `/trips/${trip.id}`);
    await screen.findByRole('heading', { name: trip.title, level: 2 });
    fireEvent.keyDown(document.body, ctrl('E', { shiftKey: true }));
    await waitFor(() => expect(exported).toEqual([{ tripId: trip.id, audience: trip.book.audience, sections: trip.book.sections }]));
  });

  it('the palette offers “New …” for every kind of record, and each opens its form', async () => {
    const backend = await openTestBackend();
    await shellAt(backend, '/cases');
    await screen.findByRole('heading', { name: 'Advisory cases', level: 1 });
    const expected: Array<[string, string]> = [
      ['New case', 'New case'],
      ['New organisation', 'New organisation'],
      ['New person', 'New person'],
      ['New note', 'New note'],
      ['New trip', 'New trip'],
    ];
    for (const [command, heading] of expected) {
      fireEvent.keyDown(document.body, ctrl('k'));
      const palette = await screen.findByRole('dialog', { name: 'Go to' });
      fireEvent.change(within(palette).getByRole('textbox', { name: 'Go to' }), { target: { value: 'new' } });
      fireEvent.click(await within(palette).findByRole('button', { name: command }));
      expect(await screen.findByRole('heading', { name: heading })).toBeInTheDocument();
      await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Go to' })).toBeNull());
    }
  });

  it('Enter while the palette still shows answers to an earlier text goes to the best match for the text typed, not the entry highlighted', async () => {
    const backend = await openTestBackend();
    const kase = await backend.call('cases.create', { title: 'Drylands research network in Kenya', openedOn: '2026-02-01', status: 'advising' });
    await backend.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Otieno' }, positions: [] });
    const { palette, field } = await paletteWith(backend, 'Amina');
    const amina = await within(palette).findByRole('button', { name: /Amina Otieno/ });
    // A letter more: the palette highlights the first entry on screen, still Amina from the answers before.
    fireEvent.change(field, { target: { value: 'Amina O' } });
    await waitFor(() => expect(amina).toHaveAttribute('data-selected'));
    // Typed on and Enter at once: the answers on screen (and the highlighted entry) are still Amina's.
    fireEvent.change(field, { target: { value: 'Drylands' } });
    fireEvent.keyDown(field, { key: 'Enter', code: 'Enter' });
    expect(await screen.findByRole('heading', { name: kase.title, level: 2 })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Amina Otieno/ })).toBeNull();
  });

  it('Enter after choosing an entry with the arrow keys opens that entry', async () => {
    const backend = await openTestBackend();
    await backend.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Otieno' }, positions: [] });
    await backend.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Wanjiru' }, positions: [] });
    const { palette, field } = await paletteWith(backend, 'Amina');
    await within(palette).findAllByRole('button', { name: /Amina (Otieno|Wanjiru)/ });
    await within(palette).findByRole('button', { name: /Amina Wanjiru/ });
    // Down until the entry that is not the best match is chosen: Enter must open that one.
    const chosen = () => within(palette).queryAllByRole('button').find((b) => b.hasAttribute('data-selected'))?.textContent ?? '';
    const best = within(palette).getAllByRole('button', { name: /Amina (Otieno|Wanjiru)/ })[0]!.textContent!.includes('Otieno') ? 'Otieno' : 'Wanjiru';
    const other = best === 'Otieno' ? 'Wanjiru' : 'Otieno';
    for (let i = 0; i < 4 && !chosen().includes(other); i++) fireEvent.keyDown(field, { key: 'ArrowDown', code: 'ArrowDown' });
    expect(chosen()).toContain(other);
    const second = `Amina ${other}`;
    fireEvent.keyDown(field, { key: 'Enter', code: 'Enter' });
    expect(await screen.findByRole('heading', { name: new RegExp(second), level: 2 })).toBeInTheDocument();
  });

  it('the help lists what the keys really do in the browser: Save is there, New case under Alt+N (browsers keep Ctrl+N)', async () => {
    const backend = await openTestBackend();
    await shellAt(backend, '/cases');
    await screen.findByRole('heading', { name: 'Advisory cases', level: 1 });
    fireEvent.keyDown(document.body, { key: 'F1', code: 'F1' });
    const help = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(help)
      .getAllByRole('row')
      .map((row) => row.textContent);
    expect(rows).toContain('SaveCtrl + S');
    expect(rows).toContain('New caseAlt + N');
    expect(rows.join('\n')).not.toMatch(/Ctrl \+ N/);
    expect(rows).toContain('Show this listF1 / ?');
    expect(rows).toContain('Export the briefing (case) or briefing book (trip)Ctrl + Shift + E');
  });
});
