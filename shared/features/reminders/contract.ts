/** The reminders slice of the contract: follow-up reminders on a person (their page's list and editor). */
import { z } from 'zod';
import { op, type Operation } from '../../contract/define';
import { Revisioned } from '../../schemas/common';
import { UndoToken } from '../workspace/schema';
import { MAX_REMINDERS_PER_PERSON, ReminderCreateInput, ReminderRecord, ReminderUpdateInput, RemindersOfPerson } from './schema';

export const remindersContract = {
  /** One person's reminders: open ones by day first, then the done ones (latest first). */
  'reminders.list': op(RemindersOfPerson, z.array(ReminderRecord).max(MAX_REMINDERS_PER_PERSON)),
  'reminders.create': op(ReminderCreateInput, ReminderRecord),
  'reminders.update': op(ReminderUpdateInput, ReminderRecord),
  'reminders.delete': op(Revisioned, UndoToken),
} as const satisfies Record<string, Operation>;
