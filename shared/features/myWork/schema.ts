/**
 * The My work screen's view (`myWork.list`): open tasks across every case (debrief follow-ups among
 * them, with the meeting and trip they came from) and follow-up reminders on people, mine or
 * everyone's, in the groups the screen shows — overdue, today, this week, later or undated, done today.
 */
import { z } from 'zod';
import { Id, IsoDate } from '../../schemas/common';

/** How many items one group carries at most; its `total` says how many there are. */
export const MY_WORK_GROUP_LIMIT = 200;

export const myWorkGroups = ['overdue', 'today', 'thisWeek', 'later', 'doneToday'] as const;
export type MyWorkGroupName = (typeof myWorkGroups)[number];

export const MyWorkScope = z.enum(['mine', 'everyone']);
export type MyWorkScope = z.infer<typeof MyWorkScope>;

export const MyWorkQuery = z.object({ scope: MyWorkScope.default('mine') });

/** Where a task came from: the debrief of a meeting on a trip (null for a task typed on its case). */
export const MyWorkSource = z.object({ tripId: Id, tripTitle: z.string(), agendaItemId: Id, meetingTitle: z.string() });

export const MyWorkTask = z.object({
  kind: z.literal('task'),
  id: Id,
  revision: z.number().int().min(1),
  title: z.string(),
  dueOn: IsoDate.nullable(),
  assignee: z.string(),
  done: z.boolean(),
  caseId: Id,
  caseReference: z.string(),
  caseTitle: z.string(),
  from: MyWorkSource.nullable(),
});
export type MyWorkTask = z.infer<typeof MyWorkTask>;

export const MyWorkReminder = z.object({
  kind: z.literal('reminder'),
  id: Id,
  revision: z.number().int().min(1),
  title: z.string(),
  dueOn: IsoDate,
  assignee: z.string(),
  done: z.boolean(),
  contactId: Id,
  contactName: z.string(),
});
export type MyWorkReminder = z.infer<typeof MyWorkReminder>;

export const MyWorkItem = z.discriminatedUnion('kind', [MyWorkTask, MyWorkReminder]);
export type MyWorkItem = z.infer<typeof MyWorkItem>;

export const MyWorkGroup = z.object({ items: z.array(MyWorkItem).max(MY_WORK_GROUP_LIMIT), total: z.number().int().min(0) });
export type MyWorkGroup = z.infer<typeof MyWorkGroup>;

export const MyWorkView = z.object({
  today: IsoDate,
  /** The last day of "this week" (Sunday of today's ISO week). */
  weekEnds: IsoDate,
  scope: MyWorkScope,
  /** Whose work "mine" means: the advisor's name from Settings, or null while it is empty (then mine is everyone's). */
  assignee: z.string().nullable(),
  groups: z.object(Object.fromEntries(myWorkGroups.map((g) => [g, MyWorkGroup])) as Record<MyWorkGroupName, typeof MyWorkGroup>),
});
export type MyWorkView = z.infer<typeof MyWorkView>;

/** What the system notification on the day says: how many tasks and reminders fall due today (or are overdue). */
export const DueToday = z.object({ today: IsoDate, tasks: z.number().int().min(0), reminders: z.number().int().min(0), first: z.string() });
export type DueToday = z.infer<typeof DueToday>;
