// Every dialog, closed every way: focus goes back to the control that opened it (not to the page
// body), and Escape — also from inside a date field — goes through the same question as Cancel
// when typed work would be lost.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { Shell } from '../../renderer/src/app/Shell';
import { ContactDetail } from '../../renderer/src/screens/contacts/ContactDetail';
import { OrganisationDetail } from '../../renderer/src/screens/organisations/OrganisationDetail';
import { TripDetail } from '../../renderer/src/screens/trips/TripDetail';
import { buildTrip } from '../fixtures/trip';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend, loadScreens } from './render';

// The shell's screens are lazy: their code is loaded once for the file, not inside a test's time limit.
beforeAll(loadScreens, 120_000);

const routes = (
  <Routes>
    <Route path="/trips/:id" element={<TripDetail />} />
    <Route path="/contacts/:id" element={<ContactDetail />} />
    <Route path="/organisations/:id" element={<OrganisationDetail />} />
    <Route path="*" element={null} />
  </Routes>
);

/** Clicks a control the way a person does: it takes focus first, then it is activated. */
function activate(control: HTMLElement) {
  control.focus();
  fireEvent.click(control);
}

const escape = (target: HTMLElement) => fireEvent.keyDown(target, { key: 'Escape', code: 'Escape' });

/** A date field of a dialog, focused as by Tab or a click: its calendar opens. */
function focusDate(field: HTMLElement) {
  field.focus();
  fireEvent.click(field);
}

async function tripAgenda(backend: TestBackend) {
  const built = await buildTrip(backend, 1, 2);
  renderWithBackend(backend, routes, { path: `/trips/${built.trip.id}` });
  fireEvent.click(await screen.findByRole('tab', { name: /Agenda/ }));
  return built;
}

async function embassyWithCounsellor(backend: TestBackend) {
  const embassy = await backend.call('organisations.create', { name: 'German Embassy Accra', kind: 'embassy', country: 'GH', city: 'Accra' });
  const person = await backend.call('contacts.create', {
    contact: { givenName: 'Jonas', familyName: 'Weber', academicTitle: 'Dr.' },
    positions: [{ organisationId: embassy.id, role: 'Head of Science Section', from: '2023-03-01' }],
  });
  return { embassy, person };
}

describe('closing a dialog gives focus back to the control that opened it', () => {
  it('the agenda item dialog, cancelled untouched and after creating an item', async () => {
    const backend = await openTestBackend();
    await tripAgenda(backend);
    const add = await screen.findByRole('button', { name: 'Add item' });
    activate(add);
    let dialog = await screen.findByRole('dialog', { name: 'New agenda item' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New agenda item' })).toBeNull());
    await waitFor(() => expect(add).toHaveFocus());

    activate(add);
    dialog = await screen.findByRole('dialog', { name: 'New agenda item' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Title/ }), { target: { value: 'Visit to the drylands station' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New agenda item' })).toBeNull());
    await screen.findByText('Visit to the drylands station');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add item' })).toHaveFocus());
  });

  it('the debrief dialog, closed with its close button', async () => {
    const backend = await openTestBackend();
    const { items } = await tripAgenda(backend);
    const open = await screen.findByRole('button', { name: `Debrief of “${items[0]!.title}”` });
    activate(open);
    const dialog = await screen.findByRole('dialog', { name: /Debrief/ });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /Debrief/ })).toBeNull());
    await waitFor(() => expect(open).toHaveFocus());
  });

  it('the discard question: keeping returns to the dialog’s Cancel, and the dialog keeps the typing', async () => {
    const backend = await openTestBackend();
    await tripAgenda(backend);
    activate(await screen.findByRole('button', { name: 'Add item' }));
    const dialog = await screen.findByRole('dialog', { name: 'New agenda item' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Title/ }), { target: { value: 'Visit to the drylands station' } });
    const cancel = within(dialog).getByRole('button', { name: 'Cancel' });
    activate(cancel);
    fireEvent.click(await screen.findByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).toBeNull());
    await waitFor(() => expect(cancel).toHaveFocus());
    expect(within(dialog).getByDisplayValue('Visit to the drylands station')).toBeInTheDocument();
  });

  it('the position dialog and the end-position dialog on a person', async () => {
    const backend = await openTestBackend();
    const { person } = await embassyWithCounsellor(backend);
    renderWithBackend(backend, routes, { path: `/contacts/${person.id}` });
    const add = await screen.findByRole('button', { name: 'Add position' });
    activate(add);
    const dialog = await screen.findByRole('dialog', { name: 'Add a position' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a position' })).toBeNull());
    await waitFor(() => expect(add).toHaveFocus());

    const end = screen.getByRole('button', { name: 'End position “Head of Science Section”' });
    activate(end);
    const ending = await screen.findByRole('dialog', { name: 'End “Head of Science Section”' });
    fireEvent.click(within(ending).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'End “Head of Science Section”' })).toBeNull());
    await waitFor(() => expect(end).toHaveFocus());
  });

  it('the hand-over dialog and the delete dialog on an organisation', async () => {
    const backend = await openTestBackend();
    const { embassy } = await embassyWithCounsellor(backend);
    renderWithBackend(backend, routes, { path: `/organisations/${embassy.id}` });
    const handOver = await screen.findByRole('button', { name: 'Hand over “Head of Science Section” from Dr. Jonas Weber' });
    activate(handOver);
    const dialog = await screen.findByRole('dialog', { name: 'Hand over “Head of Science Section”' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Hand over “Head of Science Section”' })).toBeNull());
    await waitFor(() => expect(handOver).toHaveFocus());

    const remove = screen.getByRole('button', { name: 'Delete' });
    activate(remove);
    const confirm = await screen.findByRole('dialog', { name: /Delete/ });
    fireEvent.click(await within(confirm).findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: /Delete/ })).toBeNull());
    await waitFor(() => expect(remove).toHaveFocus());
  });

  it('the command palette closed with Escape returns to the button that opened it', async () => {
    const backend = await openTestBackend();
    renderWithBackend(backend, <Shell />, { path: '/cases' });
    await screen.findByRole('heading', { name: 'Advisory cases', level: 1 });
    // Named by what it shows (WCAG 2.5.3), described by its title.
    const opener = screen.getByRole('button', { name: /^Go to\s*Ctrl\s*\+?\s*K$/ });
    expect(opener).toHaveAccessibleDescription('Search and commands (Ctrl+K)');
    activate(opener);
    const search = await screen.findByRole('textbox', { name: 'Go to' });
    await waitFor(() => expect(search).toHaveFocus());
    escape(search);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Go to' })).toBeNull());
    await waitFor(() => expect(opener).toHaveFocus());
  });
});

describe('Escape in a dialog goes through the same question as Cancel', () => {
  it('in a position’s date field: the first Escape closes the calendar, the next asks before the typed role is lost', async () => {
    const backend = await openTestBackend();
    const { person } = await embassyWithCounsellor(backend);
    renderWithBackend(backend, routes, { path: `/contacts/${person.id}` });
    activate(await screen.findByRole('button', { name: 'Add position' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a position' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Role/ }), { target: { value: 'Science Attaché' } });
    const from = within(dialog).getByRole('textbox', { name: /^From/ });
    focusDate(from);
    escape(from);
    expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).toBeNull();
    expect(screen.getByRole('dialog', { name: 'Add a position' })).toBeInTheDocument();

    escape(from);
    const question = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).toBeNull());
    expect(within(dialog).getByDisplayValue('Science Attaché')).toBeInTheDocument();

    // Focus is back in the date field, whose calendar opens again: Escape for it, then for the dialog.
    await waitFor(() => expect(from).toHaveFocus());
    escape(from);
    escape(from);
    fireEvent.click(await screen.findByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a position' })).toBeNull());
    expect((await backend.call('contacts.related', { id: person.id })).positions.map((p) => p.position.role)).toEqual(['Head of Science Section']);
  });

  it('in an agenda item with a typed title: Escape from the date field asks, and keeping keeps the title', async () => {
    const backend = await openTestBackend();
    await tripAgenda(backend);
    activate(await screen.findByRole('button', { name: 'Add item' }));
    const dialog = await screen.findByRole('dialog', { name: 'New agenda item' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /^Title/ }), { target: { value: 'Visit to the drylands station' } });
    const date = within(dialog).getByRole('textbox', { name: /^Date/ });
    focusDate(date);
    escape(date); // the calendar
    escape(date); // the dialog: asked, not silently ignored or thrown away
    const question = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).toBeNull());
    expect(within(dialog).getByDisplayValue('Visit to the drylands station')).toBeInTheDocument();
  });

  it('in a debrief saved once and typed in again: Escape asks before the new text is lost', async () => {
    const backend = await openTestBackend();
    const { items } = await tripAgenda(backend);
    activate(await screen.findByRole('button', { name: `Debrief of “${items[0]!.title}”` }));
    const dialog = await screen.findByRole('dialog', { name: /Debrief/ });
    const agreed = within(dialog).getByRole('textbox', { name: 'What was agreed' });
    fireEvent.change(agreed, { target: { value: 'A joint call in spring.' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save debrief' }));
    await within(dialog).findByText('Written to the cases');
    fireEvent.change(agreed, { target: { value: 'A joint call in spring, and a summer school.' } });
    escape(agreed);
    expect(await screen.findByRole('dialog', { name: 'Discard your changes?' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).toBeNull());
    expect(within(dialog).getByDisplayValue('A joint call in spring, and a summer school.')).toBeInTheDocument();
  });

  it('in a hand-over with a date typed: Escape asks; an untouched dialog just closes', async () => {
    const backend = await openTestBackend();
    const { embassy } = await embassyWithCounsellor(backend);
    renderWithBackend(backend, routes, { path: `/organisations/${embassy.id}` });
    const handOver = await screen.findByRole('button', { name: 'Hand over “Head of Science Section” from Dr. Jonas Weber' });
    activate(handOver);
    let dialog = await screen.findByRole('dialog', { name: 'Hand over “Head of Science Section”' });
    let on = within(dialog).getByRole('textbox', { name: /^Handover date/ });
    focusDate(on);
    escape(on);
    escape(on);
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Hand over “Head of Science Section”' })).toBeNull());
    expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).toBeNull();

    activate(handOver);
    dialog = await screen.findByRole('dialog', { name: 'Hand over “Head of Science Section”' });
    on = within(dialog).getByRole('textbox', { name: /^Handover date/ });
    focusDate(on);
    fireEvent.change(on, { target: { value: '2026-09-01' } });
    escape(on);
    escape(on);
    expect(await screen.findByRole('dialog', { name: 'Discard your changes?' })).toBeInTheDocument();
  });
});
