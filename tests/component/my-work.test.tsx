/**
 * The My work screen and the reminders on a person's page against the real in-process backend
 * (clock fixed): the groups with their items (a debrief follow-up says where it came from), a tick
 * moves an item to Done today and Undo puts it back, the Mine/Everyone switch is remembered, German
 * strings; a reminder added on the person's page is assigned to the advisor's name and listed.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { RemindersPanel } from '../../renderer/src/screens/contacts/RemindersPanel';
import { MyWorkScreen } from '../../renderer/src/screens/myWork/MyWorkScreen';
import { openTestBackend, type TestBackend } from '../unit/helpers/workspace';
import { renderWithBackend } from './render';

const TODAY = '2026-06-17';

async function workspace(): Promise<{ backend: TestBackend; personId: string }> {
  const backend = await openTestBackend({ now: () => new Date(`${TODAY}T10:00:00`) });
  await backend.call('settings.update', { advisorName: 'Anna Berger' });
  const c = await backend.call('cases.create', { title: 'Water partnership', openedOn: '2026-02-01' });
  await backend.call('tasks.create', { caseId: c.id, title: 'Send the memo', dueOn: '2026-06-10', assignee: 'Anna Berger' });
  await backend.call('tasks.create', { caseId: c.id, title: 'Book the room', dueOn: TODAY, assignee: 'Ben Ode' });
  const trip = await backend.call('trips.create', { title: 'Nairobi visit', destinations: [{ country: 'KE', city: 'Nairobi' }], startDate: '2026-06-08', endDate: '2026-06-12', timeZones: ['Africa/Nairobi'], caseIds: [c.id] });
  const meeting = await backend.call('agenda.create', { tripId: trip.id, title: 'Registry visit', date: '2026-06-09', start: '10:00', end: '11:00', timeZone: 'Africa/Nairobi' });
  await backend.call('agenda.debrief', { agendaItemId: meeting.id, revision: meeting.revision, agreed: '', followUps: [{ title: 'Draft the call text', dueOn: '2026-06-19', assignee: 'Anna Berger' }] });
  const person = await backend.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Okafor' }, positions: [] });
  await backend.call('reminders.create', { contactId: person.id, text: 'Ask about the call results', dueOn: TODAY });
  return { backend, personId: person.id };
}

const rowsOf = (region: HTMLElement) => within(region).queryAllByRole('listitem').map((li) => within(li).getByRole('link').textContent);

describe('MyWorkScreen', () => {
  beforeEach(() => localStorage.clear());

  it('groups my tasks, debrief follow-ups and reminders; each row links to its case or person', async () => {
    const { backend, personId } = await workspace();
    renderWithBackend(backend, <MyWorkScreen />, { path: '/my-work' });
    expect(await screen.findByRole('heading', { name: 'My work', level: 1 })).toBeInTheDocument();
    const overdue = await screen.findByRole('region', { name: 'Overdue' });
    await waitFor(() => expect(rowsOf(overdue)).toEqual(['Send the memo']));
    expect(rowsOf(screen.getByRole('region', { name: 'Today' }))).toEqual(['Ask about the call results']);
    const week = screen.getByRole('region', { name: 'This week' });
    expect(rowsOf(week)).toEqual(['Draft the call text']);
    expect(within(week).getByText(/From the debrief of “Registry visit” on Nairobi visit/)).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Today' })).getByRole('link').getAttribute('href')).toBe(`/contacts/${personId}`);
    expect(within(overdue).getByRole('link').getAttribute('href')).toMatch(/^\/cases\/[\w-]+$/);
    expect(screen.getByText('Assigned to Anna Berger')).toBeInTheDocument();
  });

  it('ticks an item off into Done today, and Undo puts it back', async () => {
    const { backend } = await workspace();
    renderWithBackend(backend, <MyWorkScreen />, { path: '/my-work' });
    const tick = await screen.findByRole('checkbox', { name: 'Mark “Send the memo” done' });
    fireEvent.click(tick);
    const done = screen.getByRole('region', { name: 'Done today' });
    await waitFor(() => expect(rowsOf(done)).toEqual(['Send the memo']));
    expect(rowsOf(screen.getByRole('region', { name: 'Overdue' }))).toEqual([]);
    expect(backend.store.db.tasks.find((t) => t.title === 'Send the memo')!.doneOn).toBe(TODAY);
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(rowsOf(screen.getByRole('region', { name: 'Overdue' }))).toEqual(['Send the memo']));
    expect(backend.store.db.tasks.find((t) => t.title === 'Send the memo')!.done).toBe(false);
  });

  it('shows everyone’s work on request and remembers the choice', async () => {
    const { backend } = await workspace();
    const view = renderWithBackend(backend, <MyWorkScreen />, { path: '/my-work' });
    await waitFor(() => expect(rowsOf(screen.getByRole('region', { name: 'Today' }))).toEqual(['Ask about the call results']));
    fireEvent.click(screen.getByRole('radio', { name: 'Everyone' }));
    await waitFor(() => expect(rowsOf(screen.getByRole('region', { name: 'Today' }))).toEqual(['Ask about the call results', 'Book the room']));
    view.unmount();
    renderWithBackend(backend, <MyWorkScreen />, { path: '/my-work' });
    expect(await screen.findByRole('radio', { name: 'Everyone' })).toBeChecked();
  });

  it('speaks German', async () => {
    const { backend } = await workspace();
    renderWithBackend(backend, <MyWorkScreen />, { path: '/my-work', language: 'de' });
    expect(await screen.findByRole('heading', { name: 'Meine Arbeit', level: 1 })).toBeInTheDocument();
    await screen.findByRole('region', { name: 'Überfällig' });
    for (const name of ['Überfällig', 'Heute', 'Diese Woche', 'Später oder ohne Frist', 'Heute erledigt']) expect(screen.getByRole('region', { name })).toBeInTheDocument();
    expect(await screen.findByText(/Aus der Nachbereitung von „Registry visit“ auf Nairobi visit/)).toBeInTheDocument();
  });
});

describe('RemindersPanel', () => {
  it('adds a reminder for the advisor by default, ticks it off and deletes it with Undo', async () => {
    const { backend, personId } = await workspace();
    renderWithBackend(backend, <RemindersPanel contactId={personId} />);
    const region = await screen.findByRole('region', { name: 'Reminders' });
    const list = await within(region).findByRole('list', { name: 'Reminders on this person' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    await waitFor(() => expect(within(region).getByRole('combobox', { name: 'For' })).toHaveValue('Anna Berger'));
    fireEvent.change(within(region).getByRole('textbox', { name: 'Reminder' }), { target: { value: 'Send her the call text' } });
    fireEvent.change(within(region).getByLabelText('On'), { target: { value: '2026-07-01' } });
    fireEvent.blur(within(region).getByLabelText('On'));
    fireEvent.click(within(region).getByRole('button', { name: 'Add reminder' }));
    await waitFor(() => expect(backend.store.db.reminders.length).toBe(2));
    const added = backend.store.db.reminders.find((r) => r.text === 'Send her the call text')!;
    expect(added).toMatchObject({ dueOn: '2026-07-01', assignee: 'Anna Berger', contactId: personId });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));

    fireEvent.click(within(region).getByRole('checkbox', { name: 'Mark reminder “Ask about the call results” done' }));
    await waitFor(() => expect(within(region).getByRole('checkbox', { name: 'Mark reminder “Ask about the call results” open again' })).toBeChecked());

    fireEvent.click(within(region).getByRole('button', { name: 'Delete reminder “Send her the call text”' }));
    await waitFor(() => expect(backend.store.db.reminders.length).toBe(1));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(backend.store.db.reminders.length).toBe(2));
  });
});
