import type { Database } from '../../../../shared/schemas/database';
import type { MentionedKind, TripMention } from '../../../../shared/features/trips/contract';
import type { AgendaItemRecord, TripRecord } from '../../../../shared/features/trips/schema';
import { indexes } from '../../records/indexes';

function itemNames(item: AgendaItemRecord, kind: MentionedKind, id: string): boolean {
  if (kind === 'contact') return item.counterpartIds.includes(id);
  if (kind === 'organisation') return item.organisationId === id;
  if (kind === 'case') return item.caseIds.includes(id);
  return false;
}

function tripMembership(trip: TripRecord, kind: MentionedKind, id: string) {
  const member = kind === 'contact' ? trip.members.find((m) => m.kind === 'contact' && m.contactId === id) : undefined;
  const linked = (kind === 'case' && trip.caseIds.includes(id)) || (kind === 'note' && trip.noteIds.includes(id));
  return { memberRole: member?.role ?? null, linked };
}

/**
 * The delegation trips that refer to a record, the reverse of the links a trip and its agenda hold,
 * so a person, case, organisation or note shows where it comes up on a trip. Latest trip first.
 */
export function tripMentions(db: Database, kind: MentionedKind, id: string): TripMention[] {
  const ix = indexes(db);
  const out: TripMention[] = [];
  for (const trip of db.trips) {
    const { memberRole, linked } = tripMembership(trip, kind, id);
    const items = ix
      .agendaOfTrip(trip.id)
      .filter((a) => itemNames(a, kind, id))
      .sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start))
      .map((a) => ({ id: a.id, title: a.title, date: a.date }));
    if (!memberRole && !linked && !items.length) continue;
    out.push({ id: trip.id, title: trip.title, startDate: trip.startDate, endDate: trip.endDate, memberRole, linked, items });
  }
  return out.sort((a, b) => b.startDate.localeCompare(a.startDate));
}
