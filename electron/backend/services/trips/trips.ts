import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { isMeetingLike, orderedAgenda, phaseOf } from '../../../../shared/features/trips/rules';
import { countryName } from '../../../../shared/features/countries/names';
import { displayName } from '../../../../shared/features/contacts/schema';
import { TripFields, type TripRecord } from '../../../../shared/features/trips/schema';
import { warmBookAssets } from '../../pdf/documents/briefing-book';
import type { Platform } from '../../platform';
import type { Database } from '../../../../shared/schemas/database';
import { matchesTerms, searchTerms } from '../../../../shared/domain/text';
import { type ServiceContext, localDate } from '../../records/context';
import { contactRef } from '../contacts/contacts';
import { byId, indexes, memoOn } from '../../records/indexes';
import { compareValues, foldedCache, listCache, queryKey, window } from '../../records/lists';
import { organisationRef } from '../organisations/organisations';
import { collection } from '../../records/recipe';
import { tripCalendar } from './calendar';
import { tripMentions } from './mentions';

const tripText = foldedCache((t: TripRecord) =>
  [t.title, t.purpose, ...t.topics, ...t.destinations.flatMap((d) => [d.city, d.country, countryName(d.country, 'en'), countryName(d.country, 'de')])].join('\n'),
);

const groupsCache = memoOn<Map<string, Set<string>>>();
/** Per trip, the groups of the organisations its agenda items are at. */
function groupsPerTrip(db: Database): Map<string, Set<string>> {
  return groupsCache([db.agendaItems, db.organisations], () => {
    const orgs = byId(db.organisations);
    const out = new Map<string, Set<string>>();
    for (const a of db.agendaItems) {
      const o = a.organisationId ? orgs.get(a.organisationId) : undefined;
      if (!o?.groupIds.length) continue;
      let set = out.get(a.tripId);
      if (!set) out.set(a.tripId, (set = new Set()));
      for (const g of o.groupIds) set.add(g);
    }
    return out;
  });
}

export function createTripService(ctx: ServiceContext, platform: Platform) {
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

  const records = collection(ctx, {
    collection: 'trips',
    what: 'trip',
    title: 'Trip',
    fields: TripFields,
    label: (t) => t.title,
    check: (t, current) => {
      assertTripLinks(t);
      if (current) assertZonesKept(current.id, current.timeZones, t.timeZones);
    },
  });

  const service = {
    list(query: ParsedInputOf<'trips.list'>) {
      const day = today();
      const filter = () => {
        const terms = searchTerms(query.text);
        const groups = query.groups.length ? groupsPerTrip(store.db) : null;
        const hits = store.db.trips.filter(
          (t) =>
            (query.phases.length === 0 || query.phases.includes(phaseOf(t, day))) &&
            (query.countries.length === 0 || t.destinations.some((d) => query.countries.includes(d.country))) &&
            (groups === null || query.groups.some((g) => groups.get(t.id)?.has(g))) &&
            (terms.length === 0 || matchesTerms(terms, [tripText(t)])),
        );
        return hits.sort((a, b) => compareValues(a[query.sort], b[query.sort], query.direction) || compareValues(a.title, b.title, 'asc'));
      };
      // The cache is per trips table; the group filter also reads agenda items and organisations, so it is computed afresh (a few hundred trips).
      const rows = query.groups.length ? filter() : sorted(store.db.trips, queryKey(query) + day, filter);
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

    get({ id }): TripRecord {
      return records.get(id);
    },

    /** The trip screen: members, cases and notes resolved, and the agenda in time order with warnings. */
    related({ id }) {
      const db = store.db;
      const trip = records.get(id);
      warmBookAssets(trip.destinations.map((d) => d.country));
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

    create: (input) => store.update((draft) => records.insert(draft, input)),

    update: (input) => store.update((draft) => records.patch(draft, input)),

    deleteImpact: ({ id }) => records.deleteImpact(id),

    delete: (input) => records.remove(input),

    mentions: ({ kind, id }) => tripMentions(store.db, kind, id),

    exportCalendar: ({ id }) => platform.deliverFile(tripCalendar(ctx, id)),

  } satisfies ServiceOf<'trips'>;
  return service;
}
