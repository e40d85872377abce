/**
 * My work, pure: which tasks and reminders belong to whom, and in which group each falls — overdue,
 * today, this week (to Sunday), later or undated, done today — with `today` from the backend's clock.
 * The service (services/myWork) memoises the result; the same selection tells the system
 * notification on the day what is due (`dueToday`). Collections are read by iteration only.
 */
import type { CaseRecord, TaskRecord } from '../cases/schema';
import { displayName, type ContactRecord } from '../contacts/schema';
import type { ReminderRecord } from '../reminders/schema';
import type { AgendaItemRecord, TripRecord } from '../trips/schema';
import { MY_WORK_GROUP_LIMIT, myWorkGroups, type DueToday, type MyWorkGroupName, type MyWorkItem, type MyWorkView } from './schema';

/** "2026-03-01" plus n days (UTC arithmetic: no time zone can shift a date). */
function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Sunday that ends today's week (weeks start on Monday, as in ISO 8601); a Sunday ends its own. */
export function weekEndOf(today: string): string {
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(today, weekday === 0 ? 0 : 7 - weekday);
}

const fold = (s: string) => s.trim().toLocaleLowerCase();

/** Whose work: an assignee name (case and surrounding spaces aside), or null for everyone's. */
export function assignedTo(assignee: string, who: string | null): boolean {
  return who === null || fold(assignee) === fold(who);
}

/** The group an item falls in today, or null (done on another day). */
export function groupOf(item: { dueOn: string | null; done: boolean; doneOn: string | null }, today: string, weekEnds: string): MyWorkGroupName | null {
  if (item.done) return item.doneOn === today ? 'doneToday' : null;
  if (item.dueOn === null) return 'later';
  if (item.dueOn < today) return 'overdue';
  if (item.dueOn === today) return 'today';
  return item.dueOn <= weekEnds ? 'thisWeek' : 'later';
}

const collator = new Intl.Collator('en');
/** Earliest due first, undated last; then the title, then the id (a stable order on every machine). */
function byDue(a: MyWorkItem, b: MyWorkItem): number {
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface MyWorkInput {
  tasks: Iterable<TaskRecord>;
  reminders: Iterable<ReminderRecord>;
  caseById: (id: string) => CaseRecord | undefined;
  contactById: (id: string) => ContactRecord | undefined;
  agendaItemById: (id: string) => AgendaItemRecord | undefined;
  tripById: (id: string) => TripRecord | undefined;
  /** The advisor's name, or null for everyone's work. */
  who: string | null;
  today: string;
}

/** Every item of the workspace's (or one person's) work, each in its group, sorted, at most MY_WORK_GROUP_LIMIT shown per group. */
export function myWorkGroupsOf(input: MyWorkInput): MyWorkView['groups'] {
  const { today, who } = input;
  const weekEnds = weekEndOf(today);
  const found = Object.fromEntries(myWorkGroups.map((g) => [g, [] as MyWorkItem[]])) as Record<MyWorkGroupName, MyWorkItem[]>;
  for (const t of input.tasks) {
    if (!assignedTo(t.assignee, who)) continue;
    const group = groupOf(t, today, weekEnds);
    if (group === null) continue;
    const c = input.caseById(t.caseId);
    if (!c) continue;
    let from = null;
    if (t.source && t.source.kind === 'debrief') {
      const item = input.agendaItemById(t.source.agendaItemId);
      const trip = input.tripById(t.source.tripId);
      if (item && trip) from = { tripId: trip.id, tripTitle: trip.title, agendaItemId: item.id, meetingTitle: item.title };
    }
    found[group].push({ kind: 'task', id: t.id, revision: t.revision, title: t.title, dueOn: t.dueOn, assignee: t.assignee, done: t.done, caseId: c.id, caseReference: c.reference, caseTitle: c.title, from });
  }
  for (const r of input.reminders) {
    if (!assignedTo(r.assignee, who)) continue;
    const group = groupOf(r, today, weekEnds);
    if (group === null) continue;
    const person = input.contactById(r.contactId);
    if (!person) continue;
    found[group].push({ kind: 'reminder', id: r.id, revision: r.revision, title: r.text, dueOn: r.dueOn, assignee: r.assignee, done: r.done, contactId: person.id, contactName: displayName(person) });
  }
  return Object.fromEntries(
    myWorkGroups.map((g) => {
      const items = found[g].sort(byDue);
      return [g, { items: items.slice(0, MY_WORK_GROUP_LIMIT), total: items.length }];
    }),
  ) as MyWorkView['groups'];
}

/** Open reminders on or after their day (today's and overdue ones), for the dashboard's My work: earliest first. */
export function remindersDue(reminders: Iterable<ReminderRecord>, who: string | null, today: string): ReminderRecord[] {
  const due: ReminderRecord[] = [];
  for (const r of reminders) if (!r.done && r.dueOn <= today && assignedTo(r.assignee, who)) due.push(r);
  return due.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : collator.compare(a.text, b.text)));
}

/**
 * What falls due today — open tasks and reminders whose day is today, of the advisor (everyone's
 * while no name is set) — for the system notification on the day; null when nothing does.
 */
export function dueToday(tasks: Iterable<TaskRecord>, reminders: Iterable<ReminderRecord>, who: string | null, today: string): DueToday | null {
  const titles: string[] = [];
  let taskCount = 0;
  let reminderCount = 0;
  for (const t of tasks) {
    if (t.done || t.dueOn !== today || !assignedTo(t.assignee, who)) continue;
    taskCount++;
    titles.push(t.title);
  }
  for (const r of reminders) {
    if (r.done || r.dueOn !== today || !assignedTo(r.assignee, who)) continue;
    reminderCount++;
    titles.push(r.text);
  }
  if (taskCount + reminderCount === 0) return null;
  return { today, tasks: taskCount, reminders: reminderCount, first: titles.sort((a, b) => collator.compare(a, b))[0]! };
}
