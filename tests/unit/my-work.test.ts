/**
 * My work (issue 14): tasks across every case — debrief follow-ups with the meeting and trip they
 * came from — and follow-up reminders on people, mine or everyone's, grouped overdue / today / this
 * week / later / done today. The grouping rule on stated days, then the real backend on a temp
 * folder with a fixed clock: reminders (recipe, advisor name, delete with the person and Undo,
 * erasure, subject access), the dashboard's reminders due, and ticking off from My work.
 */
import { describe, expect, it } from 'vitest';
import { collectSubjectAccess } from '../../electron/backend/services/exports/subject-access';
import { groupOf, weekEndOf } from '../../shared/features/myWork/rules';
import { openTestBackend, rejection, type TestBackend } from './helpers/workspace';

/** Wednesday 17 June 2026, 10:00 local time. */
const now = () => new Date('2026-06-17T10:00:00');
const TODAY = '2026-06-17';

describe('the grouping rule', () => {
  it('ends the week on Sunday (a Sunday ends its own)', () => {
    expect(weekEndOf('2026-06-15')).toBe('2026-06-21'); // Monday
    expect(weekEndOf(TODAY)).toBe('2026-06-21');
    expect(weekEndOf('2026-06-21')).toBe('2026-06-21'); // Sunday
    expect(weekEndOf('2026-12-31')).toBe('2027-01-03');
  });

  it('puts each item in one group by its day, and done ones only when done today', () => {
    const week = weekEndOf(TODAY);
    const g = (dueOn: string | null, done = false, doneOn: string | null = null) => groupOf({ dueOn, done, doneOn }, TODAY, week);
    expect(g('2026-06-16')).toBe('overdue');
    expect(g(TODAY)).toBe('today');
    expect(g('2026-06-18')).toBe('thisWeek');
    expect(g('2026-06-21')).toBe('thisWeek');
    expect(g('2026-06-22')).toBe('later');
    expect(g(null)).toBe('later');
    expect(g('2026-06-01', true, TODAY)).toBe('doneToday');
    expect(g('2026-06-01', true, '2026-06-16')).toBeNull();
  });
});

/** A case with tasks for two people, a person with reminders and a debrief follow-up from a meeting. */
async function workspace(): Promise<{ b: TestBackend; caseId: string; personId: string; tripTitle: string; meetingTitle: string; agendaItemId: string }> {
  const b = await openTestBackend({ now });
  await b.call('settings.update', { advisorName: 'Anna Berger' });
  const c = await b.call('cases.create', { title: 'Water partnership', openedOn: '2026-02-01' });
  await b.call('tasks.create', { caseId: c.id, title: 'Send the memo', dueOn: '2026-06-10', assignee: 'anna berger' });
  await b.call('tasks.create', { caseId: c.id, title: 'Book the room', dueOn: TODAY, assignee: 'Ben Ode' });
  await b.call('tasks.create', { caseId: c.id, title: 'Call the embassy', dueOn: null, assignee: 'Anna Berger' });
  const person = await b.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Okafor' }, positions: [] });
  const trip = await b.call('trips.create', {
    title: 'Delegation to Nairobi',
    destinations: [{ country: 'KE', city: 'Nairobi' }],
    startDate: '2026-06-08',
    endDate: '2026-06-12',
    timeZones: ['Africa/Nairobi'],
    caseIds: [c.id],
  });
  const meeting = await b.call('agenda.create', { tripId: trip.id, title: 'Registry visit', date: '2026-06-09', start: '10:00', end: '11:00', timeZone: 'Africa/Nairobi', counterpartIds: [person.id] });
  await b.call('agenda.debrief', { agendaItemId: meeting.id, revision: meeting.revision, agreed: 'A joint call.', followUps: [{ title: 'Draft the call text', dueOn: '2026-06-19', assignee: 'Anna Berger' }] });
  return { b, caseId: c.id, personId: person.id, tripTitle: trip.title, meetingTitle: meeting.title, agendaItemId: meeting.id };
}

const titles = (g: { items: Array<{ title: string }> }) => g.items.map((i) => i.title);

describe('myWork.list', () => {
  it('groups my tasks, debrief follow-ups (with where they came from) and reminders; everyone’s on request', async () => {
    const w = await workspace();
    const r = await w.b.call('reminders.create', { contactId: w.personId, text: 'Ask about the call results', dueOn: '2026-06-15' });
    expect(r.assignee).toBe('Anna Berger');
    await w.b.call('reminders.create', { contactId: w.personId, text: 'Send the report', dueOn: '2026-07-01', assignee: 'Ben Ode' });

    const mine = await w.b.call('myWork.list', { scope: 'mine' });
    expect(mine).toMatchObject({ today: TODAY, weekEnds: '2026-06-21', scope: 'mine', assignee: 'Anna Berger' });
    expect(titles(mine.groups.overdue)).toEqual(['Send the memo', 'Ask about the call results']);
    expect(titles(mine.groups.today)).toEqual([]);
    expect(titles(mine.groups.thisWeek)).toEqual(['Draft the call text']);
    expect(titles(mine.groups.later)).toEqual(['Call the embassy']);
    expect(mine.groups.doneToday.total).toBe(0);
    const followUp = mine.groups.thisWeek.items[0]!;
    expect(followUp).toMatchObject({ kind: 'task', caseId: w.caseId, from: { agendaItemId: w.agendaItemId, meetingTitle: w.meetingTitle, tripTitle: w.tripTitle } });
    expect(mine.groups.overdue.items[0]).toMatchObject({ kind: 'task', from: null });
    expect(mine.groups.overdue.items[1]).toMatchObject({ kind: 'reminder', contactId: w.personId, contactName: 'Amina Okafor' });

    const all = await w.b.call('myWork.list', { scope: 'everyone' });
    expect(all.assignee).toBe('Anna Berger');
    expect(titles(all.groups.today)).toEqual(['Book the room']);
    expect(titles(all.groups.later)).toEqual(['Send the report', 'Call the embassy']);
  });

  it('moves a task ticked off (tasks.update with its revision) to Done today, and back when unticked', async () => {
    const w = await workspace();
    const task = (await w.b.call('myWork.list', { scope: 'mine' })).groups.overdue.items[0]!;
    const stale = await rejection(w.b.call('tasks.update', { id: task.id, revision: task.revision + 1, changes: { done: true } }));
    expect(stale.code).toBe('CONFLICT');
    const done = await w.b.call('tasks.update', { id: task.id, revision: task.revision, changes: { done: true } });
    expect(done.doneOn).toBe(TODAY);
    let mine = await w.b.call('myWork.list', { scope: 'mine' });
    expect(titles(mine.groups.overdue)).toEqual([]);
    expect(titles(mine.groups.doneToday)).toEqual(['Send the memo']);
    await w.b.call('tasks.update', { id: task.id, revision: done.revision, changes: { done: false } });
    mine = await w.b.call('myWork.list', { scope: 'mine' });
    expect(titles(mine.groups.overdue)).toEqual(['Send the memo']);
    expect(mine.groups.doneToday.total).toBe(0);
  });

  it('lists everyone’s work as mine while no advisor name is set', async () => {
    const w = await workspace();
    await w.b.call('settings.update', { advisorName: '' });
    const mine = await w.b.call('myWork.list', { scope: 'mine' });
    expect(mine.assignee).toBeNull();
    expect(titles(mine.groups.today)).toEqual(['Book the room']);
  });
});

describe('reminders on people', () => {
  it('are checked: text up to 300 characters, a day, a person that exists', async () => {
    const w = await workspace();
    expect((await rejection(w.b.call('reminders.create', { contactId: w.personId, text: 'x'.repeat(301), dueOn: TODAY }))).code).toBe('VALIDATION');
    expect((await rejection(w.b.call('reminders.create', { contactId: w.personId, text: '', dueOn: TODAY }))).code).toBe('VALIDATION');
    expect((await rejection(w.b.call('reminders.create', { contactId: 'nobody', text: 'Call', dueOn: TODAY }))).code).toBe('VALIDATION');
    const ok = await w.b.call('reminders.create', { contactId: w.personId, text: 'x'.repeat(300), dueOn: TODAY, assignee: '' });
    expect(ok).toMatchObject({ assignee: '', done: false, doneOn: null, revision: 1 });
  });

  it('list open ones by day, then done ones; ticking off records the day; delete has one Undo', async () => {
    const w = await workspace();
    const late = await w.b.call('reminders.create', { contactId: w.personId, text: 'Later one', dueOn: '2026-09-01' });
    const soon = await w.b.call('reminders.create', { contactId: w.personId, text: 'Soon one', dueOn: '2026-06-20' });
    const done = await w.b.call('reminders.update', { id: soon.id, revision: soon.revision, changes: { done: true } });
    expect(done.doneOn).toBe(TODAY);
    await w.b.call('reminders.create', { contactId: w.personId, text: 'First one', dueOn: '2026-06-18' });
    expect((await w.b.call('reminders.list', { contactId: w.personId })).map((r) => r.text)).toEqual(['First one', 'Later one', 'Soon one']);
    expect(titles((await w.b.call('myWork.list', { scope: 'mine' })).groups.doneToday)).toEqual(['Soon one']);

    const { undoId } = await w.b.call('reminders.delete', { id: late.id, revision: late.revision });
    expect((await w.b.call('reminders.list', { contactId: w.personId })).map((r) => r.text)).toEqual(['First one', 'Soon one']);
    await w.b.call('undo.apply', { undoId });
    expect((await w.b.call('reminders.list', { contactId: w.personId })).map((r) => r.text)).toEqual(['First one', 'Later one', 'Soon one']);
  });

  it('go with their person: the impact names them, one Undo brings both back', async () => {
    const w = await workspace();
    await w.b.call('reminders.create', { contactId: w.personId, text: 'Call back', dueOn: TODAY });
    const person = await w.b.call('contacts.get', { id: w.personId });
    const impact = await w.b.call('contacts.deleteImpact', { id: w.personId });
    expect(impact.removes).toContainEqual({ collection: 'reminders', count: 1 });
    const { undoId } = await w.b.call('contacts.delete', { id: w.personId, revision: person.revision });
    expect(w.b.store.db.reminders.length).toBe(0);
    expect(titles((await w.b.call('myWork.list', { scope: 'mine' })).groups.today)).toEqual([]);
    await w.b.call('undo.apply', { undoId });
    expect((await w.b.call('reminders.list', { contactId: w.personId })).map((r) => r.text)).toEqual(['Call back']);
  });

  it('are erased with their person, trash included, and are part of what we hold about them', async () => {
    const w = await workspace();
    await w.b.call('reminders.create', { contactId: w.personId, text: 'Call back about the grant', dueOn: TODAY });
    const held = collectSubjectAccess(w.b.store.db, w.personId, { generatedAt: now(), language: 'en' });
    expect(held.reminders.map((r) => r.text)).toEqual(['Call back about the grant']);

    const other = await w.b.call('reminders.create', { contactId: w.personId, text: 'A deleted one', dueOn: TODAY });
    await w.b.call('reminders.delete', { id: other.id, revision: other.revision });
    const impact = await w.b.call('contacts.eraseImpact', { id: w.personId });
    expect(impact.removes).toContainEqual({ collection: 'reminders', count: 1 });
    const person = await w.b.call('contacts.get', { id: w.personId });
    await w.b.call('contacts.erase', { id: w.personId, revision: person.revision });
    expect(w.b.store.db.reminders.length).toBe(0);
    expect(JSON.stringify(w.b.store.db.trash)).not.toContain('A deleted one');
    expect(JSON.stringify(w.b.store.db.trash)).not.toContain('Call back about the grant');
  });

  it('move to the kept person when two are merged, and back with the merge’s Undo', async () => {
    const w = await workspace();
    const twin = await w.b.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Okafor-Mensah' }, positions: [] });
    const r = await w.b.call('reminders.create', { contactId: twin.id, text: 'Call back', dueOn: TODAY });
    const keep = await w.b.call('contacts.get', { id: w.personId });
    const { undoId } = await w.b.call('contacts.merge', { keepId: keep.id, keepRevision: keep.revision, otherId: twin.id, otherRevision: twin.revision, choices: {} });
    expect((await w.b.call('reminders.list', { contactId: w.personId })).map((x) => x.id)).toEqual([r.id]);
    await w.b.call('undo.apply', { undoId });
    expect((await w.b.call('reminders.list', { contactId: twin.id })).map((x) => x.id)).toEqual([r.id]);
  });

  it('appear on the dashboard from their day on, the advisor’s only', async () => {
    const w = await workspace();
    await w.b.call('reminders.create', { contactId: w.personId, text: 'Tomorrow', dueOn: '2026-06-18' });
    await w.b.call('reminders.create', { contactId: w.personId, text: 'Today', dueOn: TODAY });
    await w.b.call('reminders.create', { contactId: w.personId, text: 'Last week', dueOn: '2026-06-10' });
    await w.b.call('reminders.create', { contactId: w.personId, text: 'Ben’s', dueOn: '2026-06-10', assignee: 'Ben Ode' });
    const d = await w.b.call('dashboard.get', {});
    expect(d.remindersDue.total).toBe(2);
    expect(d.remindersDue.reminders.map((r) => [r.text, r.overdue, r.contactName])).toEqual([
      ['Last week', true, 'Amina Okafor'],
      ['Today', false, 'Amina Okafor'],
    ]);
  });
});
