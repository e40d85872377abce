/**
 * The reminders service (`reminders.*`): follow-up reminders on people by the record recipe. A new
 * reminder goes to the advisor's name from Settings unless another is given; ticking one off
 * records the day (My work lists what was done today). Deleting the person takes their reminders
 * with them (records/references.ts), and so does their erasure.
 */
import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { MAX_REMINDERS_PER_PERSON, ReminderFields, type ReminderRecord } from '../../../../shared/features/reminders/schema';
import { type ServiceContext, localDate } from '../../records/context';
import { byId } from '../../records/indexes';
import { collection } from '../../records/recipe';

/** A person's reminders in the order their page lists them: open ones by day, then the done ones, latest first. */
export function byReminderOrder(a: ReminderRecord, b: ReminderRecord): number {
  if (a.done !== b.done) return a.done ? 1 : -1;
  if (a.done) return (b.doneOn ?? '').localeCompare(a.doneOn ?? '') || b.updatedAt.localeCompare(a.updatedAt);
  return a.dueOn.localeCompare(b.dueOn) || a.createdAt.localeCompare(b.createdAt);
}

export function createReminderService(ctx: ServiceContext) {
  const { store } = ctx;
  const today = () => localDate(ctx.now());

  const records = collection(ctx, {
    collection: 'reminders',
    what: 'reminder',
    fields: ReminderFields,
    title: 'Reminder',
    label: (r) => r.text,
    check: (r) => {
      if (!byId(store.db.contacts).has(r.contactId)) {
        throw new AppError('VALIDATION', 'The person does not exist.', { fields: { contactId: { key: 'validation.unknownRecord' } } });
      }
    },
    // The day a reminder is ticked off is recorded; unticking clears it.
    derive: (next, current) => ({ ...next, doneOn: next.done ? (current?.done ? current.doneOn : today()) : null }),
  });

  return {
    list: ({ contactId }: ParsedInputOf<'reminders.list'>) =>
      store.db.reminders
        .filter((r) => r.contactId === contactId)
        .sort(byReminderOrder)
        .slice(0, MAX_REMINDERS_PER_PERSON),

    create: ({ assignee, ...input }) =>
      store.update((draft) => records.insert(draft, { ...input, assignee: assignee ?? store.db.settings.advisorName ?? '' })),

    update: (input) => store.update((draft) => records.patch(draft, input)),

    delete: (input) => records.remove(input),
  } satisfies ServiceOf<'reminders'>;
}
