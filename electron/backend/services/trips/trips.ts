import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf } from '../../../../shared/contract';
import { isMeetingLike, orderedAgenda, phaseOf } from '../../../../shared/features/trips/rules';
import { countryName } from '../../../../shared/features/countries/names';
import { displayName } from '../../../../shared/features/contacts/schema';
import { AgendaItemFields, TripFields, type AgendaItemRecord, type TripRecord } from '../../../../shared/features/trips/schema';
import type { ActivityRecord } from '../../../../shared/features/cases/activities';
import type { TaskRecord } from '../../../../shared/features/cases/schema';
import { parseOrThrow } from '../../../../shared/validation';
import { type ServiceContext, localDate } from '../../records/context';
import { contactRef } from '../contacts/contacts';
import { byId, indexes } from '../../records/indexes';
import { compareValues, foldedCache, listCache, matchesTerms, queryKey, searchTerms, window } from '../../records/lists';
import { organisationRef } from '../organisations/organisations';
import { assertRevision, findOrThrow, indexOfOrThrow } from '../../records/records';
import { applyDelete, describePlan, planDelete } from '../../records/references';

const tripText = foldedCache((t: TripRecord) =>
  [t.title, t.purpose, ...t.topics, ...t.destinations.flatMap((d) => [d.city, d.country, countryName(d.country, 'en'), countryName(d.country, 'de')])].join('\n'),
);

export function createTripService(ctx: ServiceContext) {
  const { store } = ctx;
  const sorted = listCache<TripRecord>();
  const today = () => localDate(ctx.now());

  function assertTripLinks(t: { members: TripRecord['members']; caseIds: readonly string[]; noteIds: readonly string[] }) {
    const contacts = byId(store.db.contacts);
    const cases = byId(store.db.cases);
    const notes = byId(store.db.notes);
    const fail = (field: string) => {
      throw new AppError('VALIDATION', `A linked record in ${field} does not exist.`, { fields: { [field]: { key: 'validation.unknownRecord' } } });
    };
    if (t.members.some((m) => m.kind === 'contact' && !contacts.has(m.contactId))) fail('members');
    if (t.caseIds.some((id) => !cases.has(id))) fail('caseIds');
    if (t.noteIds.some((id) => !notes.has(id))) fail('noteIds');
  }

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

  /**
   * Agenda times are entered in one of the trip's zones, so a zone that items still use cannot be
   * taken off the trip. Only zones this change removes are checked: an edit that leaves the zones
   * alone is never refused for items that were inconsistent before.
   */
  function assertZonesKept(tripId: string, before: readonly string[], after: readonly string[]) {
    const removed = new Set(before.filter((z) => !after.includes(z)));
    if (!removed.size) return;
    const used = [...new Set(store.db.agendaItems.filter((a) => a.tripId === tripId && removed.has(a.timeZone)).map((a) => a.timeZone))];
    if (!used.length) return;
    const zones = used.join(', ');
    throw new AppError('VALIDATION', `Agenda items still use ${zones}; move them to another time zone first.`, { fields: { timeZones: { key: 'trips.errors.timeZoneInUse', params: { zones } } } });
  }

  const service = {
    list(query: ParsedInputOf<'trips.list'>) {
      const day = today();
      const rows = sorted(store.db.trips, queryKey(query) + day, () => {
        const terms = searchTerms(query.text);
        const hits = store.db.trips.filter(
          (t) =>
            (query.phases.length === 0 || query.phases.includes(phaseOf(t, day))) &&
            (query.countries.length === 0 || t.destinations.some((d) => query.countries.includes(d.country))) &&
            (terms.length === 0 || matchesTerms(terms, [tripText(t)])),
        );
        return hits.sort((a, b) => compareValues(a[query.sort], b[query.sort], query.direction) || compareValues(a.title, b.title, 'asc'));
      });
      const ix = indexes(store.db);
      const page = window(rows, query.offset, query.limit);
      return {
        ...page,
        rows: page.rows.map((t) => {
          const head = t.members.find((m) => m.role === 'head');
          return {
            id: t.id,
            revision: t.revision,
            title: t.title,
            startDate: t.startDate,
            endDate: t.endDate,
            destinations: t.destinations,
            classification: t.classification,
            phase: phaseOf(t, day),
            head: head ? (head.kind === 'staff' ? head.name : ix.contact(head.contactId) ? displayName(ix.contact(head.contactId)!) : null) : null,
            meetings: store.db.agendaItems.filter((a) => a.tripId === t.id && isMeetingLike(a)).length,
            updatedAt: t.updatedAt,
          };
        }),
      };
    },

    get(id: string): TripRecord {
      return findOrThrow(store.db.trips, id, 'trip');
    },

    /** The trip screen: members, cases and notes resolved, and the agenda in time order with warnings. */
    related(id: string) {
      const db = store.db;
      const trip = findOrThrow(db.trips, id, 'trip');
      const ix = indexes(db);
      const day = today();
      const items = db.agendaItems.filter((a) => a.tripId === id);
      return {
        members: trip.members.map((m) =>
          m.kind === 'contact'
            ? { role: m.role, kind: 'contact' as const, contact: ix.contact(m.contactId) ? contactRef(db, ix.contact(m.contactId)!, day) : null, name: ix.contact(m.contactId) ? displayName(ix.contact(m.contactId)!) : '' }
            : { role: m.role, kind: 'staff' as const, contact: null, name: m.name },
        ),
        cases: trip.caseIds.map((cid) => ix.caseById(cid)).filter((c) => !!c).map((c) => ({ id: c!.id, reference: c!.reference, title: c!.title, status: c!.status })),
        notes: trip.noteIds.map((nid) => ix.note(nid)).filter((n) => !!n).map((n) => ({ id: n!.id, title: n!.title, kind: n!.kind, status: n!.status, updatedAt: n!.updatedAt })),
        agenda: orderedAgenda(items, trip).map(({ item, warnings }) => ({
          ...item,
          warnings,
          organisation: item.organisationId && ix.organisation(item.organisationId) ? organisationRef(ix.organisation(item.organisationId)!) : null,
          counterparts: item.counterpartIds.map((cid) => ix.contact(cid)).filter((c) => !!c).map((c) => contactRef(db, c!, day)),
        })),
      };
    },

    create(input: ParsedInputOf<'trips.create'>): Promise<TripRecord> {
      return store.update((draft) => {
        const fields = parseOrThrow(TripFields, input, 'Trip');
        assertTripLinks(fields);
        const stamp = ctx.now().toISOString();
        const record: TripRecord = { id: ctx.newId(), createdAt: stamp, updatedAt: stamp, revision: 1, ...fields };
        draft.trips.push(record);
        return record;
      });
    },

    update(input: ParsedInputOf<'trips.update'>): Promise<TripRecord> {
      return store.update((draft) => {
        const i = indexOfOrThrow(store.db.trips, input.id, 'trip');
        const current = store.db.trips[i]!;
        assertRevision(current, input.revision, 'trip');
        const { id: _i, createdAt: _c, updatedAt: _u, revision: _r, ...fields } = current;
        const next = parseOrThrow(TripFields, { ...fields, ...input.changes }, 'Trip');
        assertTripLinks(next);
        assertZonesKept(current.id, current.timeZones, next.timeZones);
        const record: TripRecord = { ...current, ...next, revision: current.revision + 1, updatedAt: ctx.now().toISOString() };
        draft.trips[i] = record;
        return record;
      });
    },

    deleteImpact(id: string) {
      const t = findOrThrow(store.db.trips, id, 'trip');
      return describePlan(planDelete(store.db, 'trips', id), t.title, 'trips');
    },

    remove(id: string, revision: number): Promise<{ undoId: string }> {
      return store.update((draft) => {
        const t = findOrThrow(store.db.trips, id, 'trip');
        assertRevision(t, revision, 'trip');
        return { undoId: applyDelete(ctx, draft, planDelete(store.db, 'trips', id), t.title) };
      });
    },

    // ——— agenda ———

    createItem(input: ParsedInputOf<'agenda.create'>): Promise<AgendaItemRecord> {
      return store.update((draft) => {
        const fields = parseOrThrow(AgendaItemFields, input, 'Agenda item');
        assertItemLinks(fields);
        const stamp = ctx.now().toISOString();
        const record: AgendaItemRecord = { id: ctx.newId(), createdAt: stamp, updatedAt: stamp, revision: 1, ...fields };
        draft.agendaItems.push(record);
        return record;
      });
    },

    updateItem(input: ParsedInputOf<'agenda.update'>): Promise<AgendaItemRecord> {
      return store.update((draft) => {
        const i = indexOfOrThrow(store.db.agendaItems, input.id, 'agenda item');
        const current = store.db.agendaItems[i]!;
        assertRevision(current, input.revision, 'agenda item');
        const { id: _i, createdAt: _c, updatedAt: _u, revision: _r, ...fields } = current;
        const next = parseOrThrow(AgendaItemFields, { ...fields, ...input.changes }, 'Agenda item');
        assertItemLinks(next);
        const record: AgendaItemRecord = { ...current, ...next, revision: current.revision + 1, updatedAt: ctx.now().toISOString() };
        draft.agendaItems[i] = record;
        return record;
      });
    },

    itemDeleteImpact(id: string) {
      const a = findOrThrow(store.db.agendaItems, id, 'agenda item');
      return describePlan(planDelete(store.db, 'agendaItems', id), a.title, 'agendaItems');
    },

    removeItem(id: string, revision: number): Promise<{ undoId: string }> {
      return store.update((draft) => {
        const a = findOrThrow(store.db.agendaItems, id, 'agenda item');
        assertRevision(a, revision, 'agenda item');
        return { undoId: applyDelete(ctx, draft, planDelete(store.db, 'agendaItems', id), a.title) };
      });
    },

    /**
     * After the meeting: what was agreed goes to each counterpart's and each linked case's timeline,
     * follow-ups become tasks. Saving again updates the same entries — never duplicates them.
     */
    saveDebrief(input: ParsedInputOf<'agenda.debrief'>): Promise<AgendaItemRecord> {
      return store.update((draft) => {
        const db = store.db;
        const i = indexOfOrThrow(db.agendaItems, input.agendaItemId, 'agenda item');
        const item = db.agendaItems[i]!;
        assertRevision(item, input.revision, 'agenda item');
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
          return prev ? { ...prev, ...fields, revision: prev.revision + 1, updatedAt: stamp } : { id: ctx.newId(), createdAt: stamp, updatedAt: stamp, revision: 1, ...fields };
        });
        const nextIds = new Set(nextActivities.map((a) => a.id));
        draft.activities = [...db.activities.filter((a) => !isMine(a.source) || nextIds.has(a.id)).map((a) => nextActivities.find((x) => x.id === a.id) ?? a), ...nextActivities.filter((a) => !existing.some((e) => e.id === a.id))];

        // Tasks: the n-th follow-up is the same task on every save; removed follow-ups go unless done.
        const mineTasks = db.tasks.filter((t) => t.source && t.source.kind === 'debrief' && t.source.tripId === trip.id && t.source.agendaItemId === item.id);
        const byIndex = new Map(mineTasks.map((t) => [t.source!.index, t]));
        const nextTasks: TaskRecord[] = input.followUps.map((f, index) => {
          const prev = byIndex.get(index);
          const fields = { caseId: f.caseId ?? linkedCases[0] ?? trip.caseIds[0]!, title: f.title, dueOn: f.dueOn, assignee: f.assignee };
          return prev
            ? { ...prev, ...fields, revision: prev.revision + 1, updatedAt: stamp }
            : { id: ctx.newId(), createdAt: stamp, updatedAt: stamp, revision: 1, ...fields, done: false, doneOn: null, source: { kind: 'debrief' as const, tripId: trip.id, agendaItemId: item.id, index } };
        });
        const nextTaskIds = new Set(nextTasks.map((t) => t.id));
        const dropped = new Set(mineTasks.filter((t) => !nextTaskIds.has(t.id) && !t.done).map((t) => t.id));
        draft.tasks = [
          ...db.tasks.filter((t) => !dropped.has(t.id)).map((t) => nextTasks.find((x) => x.id === t.id) ?? t),
          ...nextTasks.filter((t) => !mineTasks.some((m) => m.id === t.id)),
        ];

        const record: AgendaItemRecord = {
          ...item,
          debrief: { agreed: input.agreed, followUps: input.followUps.map((f) => ({ ...f, caseId: f.caseId ?? null })), recordedOn: day },
          revision: item.revision + 1,
          updatedAt: stamp,
        };
        draft.agendaItems[i] = record;
        return record;
      });
    },
  };
  return service;
}
