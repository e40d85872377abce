/**
 * The subject-access export (GDPR Art. 15): every record that names one person — their own record,
 * their positions, the timeline entries they took part in, the cases they are a client contact of
 * or took part in, the notes linked to them, the trips they travel on and the agenda items they are
 * a counterpart of, the follow-up reminders on them — found through the same reference table the delete planner and the erasure use
 * (records/references.ts), plus the records whose text names them in full. References to other
 * people are taken out of what is exported (only their number stays, Art. 15(4)); free text is kept
 * as written. The JSON is checked against the shared schema before it leaves.
 */
import { displayName, type ContactRecord } from '../../../../shared/features/contacts/schema';
import { SubjectAccessExport, type SubjectAccessReason } from '../../../../shared/features/exports/schema';
import { richTextToPlain } from '../../../../shared/domain/richtext';
import { foldText } from '../../../../shared/domain/text';
import type { Language } from '../../../../shared/i18n';
import type { Rows } from '../../../../shared/schemas/collection';
import type { Database, RecordOf } from '../../../../shared/schemas/database';
import { parseOrThrow } from '../../../../shared/validation';
import { planErasure } from '../../records/erasure';
import { indexes } from '../../records/indexes';
import { references } from '../../records/references';
import { organisationRef } from '../organisations/organisations';

type WithId = { id: string };

/** The collections that hold references to a person, with the reason each reference gives. */
const reasonOf: Record<string, SubjectAccessReason> = {
  'positions/contactId': 'position',
  'cases/clientContactIds': 'clientContact',
  'activities/participantIds': 'participant',
  'notes/contactIds': 'linkedNote',
  'agendaItems/counterpartIds': 'counterpart',
  'trips/members': 'delegationMember',
  'cooperations/ourContacts': 'cooperationContact',
  'cooperations/partnerContacts': 'cooperationContact',
};

/** The whole name (and the name in its own script) as folded text, for finding it in free text. */
function nameNeedles(c: ContactRecord): string[] {
  const needles: string[] = [];
  if (c.givenName.trim() && c.familyName.trim()) needles.push(foldText(`${c.givenName} ${c.familyName}`).replace(/\s+/g, ' '));
  if (c.nativeName.trim().length >= 2) needles.push(foldText(c.nativeName).replace(/\s+/g, ' '));
  return needles;
}

/** Whether a folded text holds the name as whole words (not "Ana Li" inside "Ana Lima"). */
function namesIn(text: string, needles: readonly string[]): boolean {
  const hay = foldText(text).replace(/\s+/g, ' ');
  return needles.some((n) => {
    for (let at = hay.indexOf(n); at >= 0; at = hay.indexOf(n, at + 1)) {
      const before = at === 0 ? '' : hay[at - 1]!;
      const after = hay[at + n.length] ?? '';
      if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    }
    return false;
  });
}

class Found<R extends WithId> {
  readonly byId = new Map<string, { record: R; reasons: Set<SubjectAccessReason> }>();
  add(record: R, reason: SubjectAccessReason) {
    const entry = this.byId.get(record.id) ?? { record, reasons: new Set<SubjectAccessReason>() };
    entry.reasons.add(reason);
    this.byId.set(record.id, entry);
  }
  has(id: string) {
    return this.byId.has(id);
  }
}

/** Keeps the person in a list of contact ids and counts the others taken out. */
function keepOnly(ids: readonly string[], id: string): { ids: string[]; others: number } {
  const kept = ids.filter((x) => x === id);
  return { ids: kept, others: ids.length - kept.length };
}

export function collectSubjectAccess(db: Database, contactId: string, opts: { generatedAt: Date; language: Language }): SubjectAccessExport {
  const ix = indexes(db);
  const person = ix.contact(contactId)!;
  const needles = nameNeedles(person);

  const positions = ix.positionsOfContact(contactId);
  const activities = new Found<RecordOf<'activities'>>();
  const cases = new Found<RecordOf<'cases'>>();
  const notes = new Found<RecordOf<'notes'>>();
  const agendaItems = new Found<RecordOf<'agendaItems'>>();
  const trips = new Found<RecordOf<'trips'>>();
  const cooperations = new Found<RecordOf<'cooperations'>>();
  const sinks: Record<string, Found<WithId>> = { activities, cases, notes, agendaItems, trips, cooperations } as Record<string, Found<WithId>>;

  // Every reference to a person the reference table declares: the records that hold this one.
  for (const ref of references) {
    if (ref.to !== 'contacts') continue;
    const reason = reasonOf[`${ref.from}/${ref.field}`];
    const sink = sinks[ref.from];
    if (!reason || !sink) continue;
    const only = new Set([contactId]);
    for (const r of (db as unknown as Record<string, Rows<WithId & Record<string, unknown>>>)[ref.from] ?? []) {
      const value = r[ref.field];
      const names = ref.nested ? ref.nested.touches(value, only) : ref.many ? (value as string[]).includes(contactId) : value === contactId;
      if (names) sink.add(r, reason);
    }
  }
  // A timeline entry they took part in belongs to a case they took part in.
  for (const { record } of activities.byId.values()) {
    const c = record.caseId ? ix.caseById(record.caseId) : undefined;
    if (c) cases.add(c, 'participant');
  }
  // A meeting with them is part of a trip.
  for (const { record } of agendaItems.byId.values()) {
    const trip = db.trips.find((t) => t.id === record.tripId);
    if (trip) trips.add(trip, 'tripOfAgendaItem');
  }
  // Free text that names them in full.
  if (needles.length) {
    for (const a of db.activities) if (namesIn(`${a.title}\n${a.text}`, needles)) activities.add(a, 'namedInText');
    for (const c of db.cases) if (namesIn(`${c.title}\n${c.summary}`, needles)) cases.add(c, 'namedInText');
    for (const n of db.notes) if (namesIn(`${n.title}\n${richTextToPlain(n.body)}`, needles)) notes.add(n, 'namedInText');
    for (const c of db.cooperations) if (namesIn(`${c.title}\n${c.notes}`, needles)) cooperations.add(c, 'namedInText');
    for (const a of db.agendaItems) {
      const text = [a.title, a.objectives, a.preparation, richTextToPlain(a.talkingPoints), a.debrief?.agreed ?? ''].join('\n');
      if (namesIn(text, needles)) agendaItems.add(a, 'namedInText');
    }
  }

  const out = <R extends WithId>(found: Found<R>, redact: (r: R) => { record: R; others: number }, order: (a: R, b: R) => number) =>
    [...found.byId.values()]
      .sort((a, b) => order(a.record, b.record))
      .map(({ record, reasons }) => {
        const { record: kept, others } = redact(record);
        return { reasons: [...reasons], otherPeople: others, record: kept };
      });

  const json: SubjectAccessExport = {
    format: 'attache.subject-access',
    version: 1,
    generatedAt: opts.generatedAt.toISOString(),
    language: opts.language,
    subject: { id: person.id, name: displayName(person) },
    person,
    positions: [...positions]
      .sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))
      .map((p) => {
        const o = ix.organisation(p.organisationId);
        return { record: p, organisation: o ? organisationRef(o) : null };
      }),
    activities: out(
      activities,
      (a) => {
        const { ids, others } = keepOnly(a.participantIds, contactId);
        return { record: { ...a, participantIds: ids }, others };
      },
      (a, b) => b.date.localeCompare(a.date),
    ),
    cases: out(
      cases,
      (c) => {
        const { ids, others } = keepOnly(c.clientContactIds, contactId);
        return { record: { ...c, clientContactIds: ids }, others };
      },
      (a, b) => a.reference.localeCompare(b.reference),
    ),
    notes: out(
      notes,
      (n) => {
        const { ids, others } = keepOnly(n.contactIds, contactId);
        return { record: { ...n, contactIds: ids }, others };
      },
      (a, b) => b.updatedAt.localeCompare(a.updatedAt),
    ),
    trips: out(
      trips,
      (t) => {
        const members = t.members.filter((m) => m.kind === 'contact' && m.contactId === contactId);
        return { record: { ...t, members }, others: t.members.length - members.length };
      },
      (a, b) => b.startDate.localeCompare(a.startDate),
    ),
    agendaItems: out(
      agendaItems,
      (a) => {
        const { ids, others } = keepOnly(a.counterpartIds, contactId);
        return { record: { ...a, counterpartIds: ids }, others };
      },
      (a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start),
    ),
    cooperations: out(
      cooperations,
      (c) => {
        const ours = keepOnly(c.ourContacts, contactId);
        const theirs = keepOnly(c.partnerContacts, contactId);
        return { record: { ...c, ourContacts: ours.ids, partnerContacts: theirs.ids }, others: ours.others + theirs.others };
      },
      (a, b) => a.title.localeCompare(b.title),
    ),
    reminders: db.reminders.filter((r) => r.contactId === contactId).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.createdAt.localeCompare(b.createdAt)),
    trash: { entries: planErasure(db, [{ collection: 'contacts', id: contactId }], opts.generatedAt.toISOString()).trash.entries },
    lastContact: ix.lastContact(contactId),
  };
  return parseOrThrow(SubjectAccessExport, json, 'Subject-access export');
}
