/**
 * Follow-up reminders on people ("get back to her after the call for proposals closes"): a small
 * record kind of its own, so a reminder syncs, goes to the trash and is erased like any other
 * record, and deleting (or erasing) the person takes their reminders with them
 * (records/references.ts). They show on My work and on the dashboard from their day on.
 */
import { z } from 'zod';
import { Id, IsoDate, RecordMeta, patchOf } from '../../schemas/common';
import { text } from '../../schemas/text';

/** How many reminders one person's list returns at most (more is a sign of a wrong tool). */
export const MAX_REMINDERS_PER_PERSON = 500;

export const ReminderFields = z.object({
  contactId: Id,
  text: text(300).min(1, { message: 'validation.required' }),
  dueOn: IsoDate,
  /** Who is to follow up: the advisor's own name from Settings unless another is given. */
  assignee: text(120).default(''),
  done: z.boolean().default(false),
  /** The day it was ticked off (unticking clears it): My work lists what was done today. */
  doneOn: IsoDate.nullable().default(null),
});
export type ReminderFields = z.output<typeof ReminderFields>;

export const ReminderRecord = RecordMeta.extend(ReminderFields.shape);
export type ReminderRecord = z.infer<typeof ReminderRecord>;

/** A new reminder: without an assignee it goes to the advisor's name from Settings. */
export const ReminderCreateInput = ReminderFields.omit({ done: true, doneOn: true, assignee: true }).extend({ assignee: text(120).optional() });
export const ReminderUpdateInput = z.object({ id: Id, revision: z.number().int().min(1), changes: patchOf(ReminderFields.omit({ contactId: true, doneOn: true })) });
export const RemindersOfPerson = z.object({ contactId: Id });
