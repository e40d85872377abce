/**
 * A trip's programme: agenda items (meetings, visits, travel) in the trip's time zones, and the
 * debrief after a meeting (agenda.debrief), which writes timeline entries and follow-up tasks.
 */
import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { AgendaItemFields, type AgendaItemRecord } from '../../../../shared/features/trips/schema';
import type { ActivityRecord } from '../../../../shared/features/cases/activities';
import type { TaskRecord } from '../../../../shared/features/cases/schema';
import { type ServiceContext, localDate } from '../../records/context';
import { byId } from '../../records/indexes';
import { collection } from '../../records/recipe';
import { bumped, findOrThrow, newRecord } from '../../records/records';

export function createAgendaService(ctx: ServiceContext) {
  const { store } = ctx;
  const today = () => localDate(ctx.now());

  function assertItemLinks(a: { tripId: string; organisationId: string | null; counterpartIds: readonly string[]; caseIds: readonly string[]; timeZone: string }) {
    const trip = byId(store.db.trips).get(a.tripId);
    if (!trip) throw new AppError('VALIDATION', 'The trip does not exist.', { fields: { tripId: { key: 'validation.unknownRecord' } } });
    const fail = (field: string) => {
      throw new AppError('VALIDATION', `A linked record in ${field} does not exist.`, { fields: { [field]: { key: 'validation.unknownRecord' } } });
    };
    if (a.organisationId && !byId(store.db.organisations).has(a.organisationId)) fail('organisationId');
    const contacts = byId(store.db.contacts);
    if (a.counterpartIds.some((id) => !contacts.has(id))) fail('counterpartIds');
    const cases = byId(store.db.cases);
    if (a.caseIds.some((id) => !cases.has(id))) fail('caseIds');
    if (!trip.timeZones.includes(a.timeZone)) {
      throw new AppError('VALIDATION', 'The time zone is not one of the trip’s.', { fields: { timeZone: { key: 'validation.tripTimeZone' } } });
    }
  }

  const records = collection(ctx, { collection: 'agendaItems', what: 'agenda item', title: 'Agenda item', fields: AgendaItemFields, label: (a) => a.title, check: assertItemLinks });

  return {
    create: (input) => store.update((draft) => records.insert(draft, input)),

    update: (input) => store.update((draft) => records.patch(draft, input)),

    deleteImpact: ({ id }) => records.deleteImpact(id),

    delete: (input) => records.remove(input),

    /**
     * After the meeting: what was agreed goes to each counterpart's and each linked case's timeline,
     * follow-ups become tasks. Saving again updates the same entries — never duplicates them.
     */
    debrief(input: ParsedInputOf<'agenda.debrief'>): Promise<AgendaItemRecord> {
      return store.update((draft) => {
        const db = store.db;
        const { record: item, index } = records.current(input.agendaItemId, input.revision);
        const trip = findOrThrow(db.trips, item.tripId, 'trip');
        const caseIds = new Set(db.cases.map((c) => c.id));
        const linkedCases = item.caseIds.filter((id) => caseIds.has(id));
        for (const [n, f] of input.followUps.entries()) {
          const target = f.caseId ?? linkedCases[0] ?? trip.caseIds[0] ?? null;
          if (!target || !caseIds.has(target)) {
            throw new AppError('VALIDATION', 'A follow-up needs a case to become a task.', { fields: { [`followUps.${n}.caseId`]: { key: 'validation.followUpCase' } } });
          }
        }
        const stamp = ctx.now().toISOString();
        const day = today();
        const isMine = (s: { kind: string; tripId: string; agendaItemId: string } | null) => !!s && s.kind === 'debrief' && s.tripId === trip.id && s.agendaItemId === item.id;

        // Activities: one per linked case (or one without a case), counterparts as participants of
        // each, so every case's timeline says who was there. A person's timeline shows one debrief
        // once: contacts.related folds the entries of one debrief into one.
        const text = input.agreed;
        const title = item.title;
        const wanted = linkedCases.length ? linkedCases : [null];
        const existing = db.activities.filter((a) => isMine(a.source));
        const keep = new Map(existing.map((a) => [a.caseId, a]));
        const nextActivities: ActivityRecord[] = wanted.map((caseId) => {
          const prev = keep.get(caseId);
          const fields = { kind: 'meeting' as const, date: item.date, title, text, caseId, participantIds: item.counterpartIds, source: { kind: 'debrief' as const, tripId: trip.id, agendaItemId: item.id } };
          return prev ? bumped(prev, fields, stamp) : newRecord(ctx, fields, stamp);
        });
        const nextIds = new Set(nextActivities.map((a) => a.id));
        draft.activities = db.activities.rebuild(
          (a) => (isMine(a.source) && !nextIds.has(a.id) ? null : (nextActivities.find((x) => x.id === a.id) ?? a)),
          nextActivities.filter((a) => !existing.some((e) => e.id === a.id)),
        );

        // Tasks: the n-th follow-up is the same task on every save; removed follow-ups go unless done.
        const mineTasks = db.tasks.filter((t) => t.source && t.source.kind === 'debrief' && t.source.tripId === trip.id && t.source.agendaItemId === item.id);
        const byIndex = new Map(mineTasks.map((t) => [t.source!.index, t]));
        const nextTasks: TaskRecord[] = input.followUps.map((f, index) => {
          const prev = byIndex.get(index);
          const fields = { caseId: f.caseId ?? linkedCases[0] ?? trip.caseIds[0]!, title: f.title, dueOn: f.dueOn, assignee: f.assignee };
          return prev ? bumped(prev, fields, stamp) : newRecord(ctx, { ...fields, done: false, doneOn: null, source: { kind: 'debrief' as const, tripId: trip.id, agendaItemId: item.id, index } }, stamp);
        });
        const nextTaskIds = new Set(nextTasks.map((t) => t.id));
        const dropped = new Set(mineTasks.filter((t) => !nextTaskIds.has(t.id) && !t.done).map((t) => t.id));
        draft.tasks = db.tasks.rebuild(
          (t) => (dropped.has(t.id) ? null : (nextTasks.find((x) => x.id === t.id) ?? t)),
          nextTasks.filter((t) => !mineTasks.some((m) => m.id === t.id)),
        );

        const record = bumped(item, { debrief: { agreed: input.agreed, followUps: input.followUps.map((f) => ({ ...f, caseId: f.caseId ?? null })), recordedOn: day } }, stamp);
        draft.agendaItems.set(index, record);
        return record;
      });
    },
  } satisfies ServiceOf<'agenda'>;
}
