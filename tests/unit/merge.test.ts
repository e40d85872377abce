// Merging duplicates through the real services on a real data folder: every reference to the other
// record moves to the kept one (found through the reference table, so a new reference that is not
// moved fails here), fields follow the choices, the other record is in the trash, one Undo gives
// back exactly the database before, and a stale revision is refused with nothing changed.
import { describe, expect, it } from 'vitest';
import { references } from '../../electron/backend/records/references';
import { referencesTo } from '../../electron/backend/records/merge';
import { contactMergeFieldNames } from '../../shared/features/contacts/merge';
import { ContactFieldsShape } from '../../shared/features/contacts/schema';
import { organisationMergeFieldNames } from '../../shared/features/organisations/merge';
import { OrganisationFields } from '../../shared/features/organisations/schema';
import { toDatabaseFile, type Database } from '../../shared/schemas/database';
import { openTestBackend, rejection, type TestBackend } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:00:00Z');

/** The database without the trash: what the user sees. */
const live = (db: Database) => {
  const { trash: _t, ...rest } = toDatabaseFile(db);
  return rest;
};
/** The database with each table in id order: Undo puts the merged record back at the end of its table, and order in a table carries no meaning. */
const normalised = (db: Database) =>
  Object.fromEntries(Object.entries(toDatabaseFile(db)).map(([k, v]) => [k, Array.isArray(v) ? [...(v as Array<{ id: string }>)].sort((a, b) => a.id.localeCompare(b.id)) : v]));

/** Every place an id still occurs in the live tables (not the trash, which keeps the merged record for Undo). */
const occurrences = (db: Database, id: string) => {
  const hits: string[] = [];
  for (const [name, value] of Object.entries(live(db))) {
    if (!Array.isArray(value)) continue;
    for (const r of value as Array<{ id: string }>) {
      if (r.id === id) continue;
      if (JSON.stringify(r).includes(id)) hits.push(`${name}/${r.id}`);
    }
  }
  return hits;
};

/** Two records of one person, the duplicate woven into everything a person can be part of. */
async function duplicates(b: TestBackend) {
  const ministry = await b.call('organisations.create', { name: 'Ministry of Water', kind: 'ministry', country: 'KE' });
  const keep = await b.call('contacts.create', {
    contact: { givenName: 'Amina', familyName: 'Mensah', emails: [{ address: 'a.mensah@uni.example', kind: 'work' }], expertise: ['Water'], notes: 'Met in Accra.' },
    positions: [{ organisationId: ministry.id, role: 'Advisor', from: '2020-01-01', to: null }],
  });
  const other = await b.call('contacts.create', {
    contact: {
      academicTitle: 'Dr.',
      givenName: 'Amina',
      familyName: 'Mensah-Owusu',
      emails: [{ address: 'A.Mensah@uni.example', kind: 'work' }, { address: 'amina@private.example', kind: 'private' }],
      phones: [{ number: '+233 30 123 4567', kind: 'work' }],
      expertise: ['water', 'Energy'],
      notes: 'Prefers calls.',
    },
    positions: [{ organisationId: ministry.id, role: 'Director for Research', from: '2023-01-01', to: null }],
  });
  const bystander = await b.call('contacts.create', { contact: { givenName: 'Grace', familyName: 'Njeri' }, positions: [] });
  const both = await b.call('cases.create', { title: 'Water partners', openedOn: '2026-02-01', clientContactIds: [keep.id, other.id] });
  const onlyOther = await b.call('cases.create', { title: 'Energy exchange', openedOn: '2026-03-01', clientContactIds: [bystander.id, other.id] });
  const call = await b.call('activities.create', { kind: 'call', date: '2026-10-10', title: 'Call', participantIds: [other.id] });
  const meeting = await b.call('activities.create', { kind: 'meeting', date: '2026-10-12', title: 'Steering group', participantIds: [keep.id, other.id, bystander.id], caseId: both.id });
  const note = await b.call('notes.create', { title: 'Ghana strategy', kind: 'countryStrategy', countries: ['GH'], contactIds: [other.id, bystander.id] });
  const trip = await b.call('trips.create', {
    title: 'Delegation to Accra',
    destinations: [{ country: 'GH', city: 'Accra' }],
    startDate: '2027-01-11',
    endDate: '2027-01-13',
    timeZones: ['Africa/Accra'],
    members: [
      { kind: 'contact', contactId: keep.id, role: 'member' },
      { kind: 'staff', name: 'A. Berger', function: 'International Bureau', role: 'head' },
      { kind: 'contact', contactId: other.id, role: 'member' },
    ],
  });
  const item = await b.call('agenda.create', {
    tripId: trip.id,
    title: 'Ministry meeting',
    date: '2027-01-12',
    start: '09:00',
    end: '10:00',
    timeZone: 'Africa/Accra',
    organisationId: ministry.id,
    counterpartIds: [other.id],
  });
  return { ministry, keep, other, bystander, both, onlyOther, call, meeting, note, trip, item };
}

describe('merging two people', () => {
  it('previews the fields and what moves, merges by the choices, moves every reference, and one Undo restores exactly the database before', async () => {
    const b = await openTestBackend({ now: clock });
    const s = await duplicates(b);
    const before = b.store.db;

    const preview = await b.call('contacts.mergePreview', { keepId: s.keep.id, otherId: s.other.id });
    expect(preview.keep.id).toBe(s.keep.id);
    expect(preview.proposed.academicTitle).toBe('other'); // empty on the kept record
    expect(preview.proposed.emails).toBe('both');
    expect(preview.proposed.familyName).toBe('keep');
    expect(preview.moves).toEqual(
      expect.arrayContaining([
        { collection: 'positions', field: 'contactId', count: 1 },
        { collection: 'cases', field: 'clientContactIds', count: 2 },
        { collection: 'activities', field: 'participantIds', count: 2 },
        { collection: 'notes', field: 'contactIds', count: 1 },
        { collection: 'agendaItems', field: 'counterpartIds', count: 1 },
        { collection: 'trips', field: 'members', count: 1 },
      ]),
    );

    const { record, undoId } = await b.call('contacts.merge', {
      keepId: s.keep.id,
      keepRevision: s.keep.revision,
      otherId: s.other.id,
      otherRevision: s.other.revision,
      choices: { familyName: 'other', notes: 'both', expertise: 'both' },
    });
    expect(record.familyName).toBe('Mensah-Owusu');
    expect(record.academicTitle).toBe('Dr.');
    // The same address in another case is one address; the private one joins.
    expect(record.emails.map((e) => e.address)).toEqual(['a.mensah@uni.example', 'amina@private.example']);
    expect(record.phones).toHaveLength(1);
    expect(record.expertise).toEqual(['Water', 'Energy']);
    expect(record.notes).toBe('Met in Accra.\n\nPrefers calls.');
    expect(record.revision).toBe(s.keep.revision + 1);

    const db = b.store.db;
    expect(db.contacts.map((c) => c.id)).not.toContain(s.other.id);
    expect(occurrences(db, s.other.id)).toEqual([]);
    expect(db.positions.filter((p) => p.contactId === s.keep.id)).toHaveLength(2);
    expect(db.cases.find((c) => c.id === s.both.id)!.clientContactIds).toEqual([s.keep.id]);
    expect(db.cases.find((c) => c.id === s.onlyOther.id)!.clientContactIds).toEqual([s.bystander.id, s.keep.id]);
    expect(db.activities.find((a) => a.id === s.meeting.id)!.participantIds).toEqual([s.keep.id, s.bystander.id]);
    expect(db.activities.find((a) => a.id === s.call.id)!.participantIds).toEqual([s.keep.id]);
    expect(db.notes.find((n) => n.id === s.note.id)!.contactIds).toEqual([s.keep.id, s.bystander.id]);
    expect(db.agendaItems.find((i) => i.id === s.item.id)!.counterpartIds).toEqual([s.keep.id]);
    // Both on one delegation: one member now.
    expect(db.trips.find((t) => t.id === s.trip.id)!.members.filter((m) => m.kind === 'contact')).toEqual([{ kind: 'contact', contactId: s.keep.id, role: 'member' }]);
    // The person's page shows what came from the other record.
    const related = await b.call('contacts.related', { id: s.keep.id });
    expect(related.positions.map((p) => p.position.role).sort()).toEqual(['Advisor', 'Director for Research']);
    expect(related.notes.map((n) => n.id)).toEqual([s.note.id]);

    const undone = await b.call('undo.apply', { undoId });
    expect(undone.label).toBe('Amina Mensah + Dr. Amina Mensah-Owusu');
    expect(normalised(b.store.db)).toEqual(normalised(before));
    // And on disk, after a restart.
    await b.close();
    const again = await openTestBackend({ dataDir: b.dataDir, now: clock });
    expect(normalised(again.store.db)).toEqual(normalised(before));
  });

  it('refuses a stale revision of either record, or a record merged with itself, and changes nothing', async () => {
    const b = await openTestBackend({ now: clock });
    const s = await duplicates(b);
    await b.call('contacts.update', { id: s.other.id, revision: s.other.revision, changes: { owner: 'K. Weber' } });
    const before = b.store.db;
    const stale = await rejection(b.call('contacts.merge', { keepId: s.keep.id, keepRevision: s.keep.revision, otherId: s.other.id, otherRevision: s.other.revision }));
    expect(stale.code).toBe('CONFLICT');
    const staleKeep = await rejection(b.call('contacts.merge', { keepId: s.keep.id, keepRevision: s.keep.revision + 5, otherId: s.other.id, otherRevision: s.other.revision + 1 }));
    expect(staleKeep.code).toBe('CONFLICT');
    const self = await rejection(b.call('contacts.merge', { keepId: s.keep.id, keepRevision: s.keep.revision, otherId: s.keep.id, otherRevision: s.keep.revision }));
    expect(self.code).toBe('VALIDATION');
    expect(b.store.db).toBe(before);
  });

  it('refuses the Undo when a record the merge changed has been edited since, with nothing changed', async () => {
    const b = await openTestBackend({ now: clock });
    const s = await duplicates(b);
    const { record, undoId } = await b.call('contacts.merge', { keepId: s.keep.id, keepRevision: s.keep.revision, otherId: s.other.id, otherRevision: s.other.revision });
    await b.call('contacts.update', { id: record.id, revision: record.revision, changes: { owner: 'K. Weber' } });
    const before = b.store.db;
    expect((await rejection(b.call('undo.apply', { undoId }))).code).toBe('CONFLICT');
    expect(b.store.db).toBe(before);
  });

  it('erasing either person afterwards leaves no copy of them in the merge’s Undo (the merge can no longer be undone)', async () => {
    const b = await openTestBackend({ now: clock });
    const s = await duplicates(b);
    const { record, undoId } = await b.call('contacts.merge', { keepId: s.keep.id, keepRevision: s.keep.revision, otherId: s.other.id, otherRevision: s.other.revision });
    expect(JSON.stringify(b.store.db.trash)).toContain('Mensah-Owusu');
    await b.call('contacts.erase', { id: record.id, revision: record.revision });
    expect(JSON.stringify(b.store.db)).not.toContain('Mensah');
    expect(b.store.db.trash.find((e) => e.id === undoId)).toBeUndefined();
    expect((await rejection(b.call('undo.apply', { undoId }))).code).toBe('NOT_FOUND');
  });

  it('moves every reference to a person in the sample workspace, whichever reference it is', async () => {
    const b = await openTestBackend({ now: clock, sample: true });
    const db = b.store.db;
    // The most referenced person goes into another: nothing in the live tables may name them afterwards.
    const [other, keep] = [...db.contacts].sort((x, y) => occurrences(db, y.id).length - occurrences(db, x.id).length);
    expect(occurrences(db, other!.id).length).toBeGreaterThan(3);
    const before = b.store.db;
    const { undoId } = await b.call('contacts.merge', { keepId: keep!.id, keepRevision: keep!.revision, otherId: other!.id, otherRevision: other!.revision });
    expect(occurrences(b.store.db, other!.id)).toEqual([]);
    await b.call('undo.apply', { undoId });
    expect(normalised(b.store.db)).toEqual(normalised(before));
  });

  it('knows how to move every reference to people and organisations, and offers every field', () => {
    // A new nested reference needs a merge rule, or merging would leave it pointing at the trash.
    for (const ref of [...referencesTo('contacts'), ...referencesTo('organisations')]) {
      if (ref.nested) expect(ref.nested.move, `${ref.from}.${ref.field} → ${ref.to}`).toBeTypeOf('function');
    }
    expect(referencesTo('contacts').length).toBe(references.filter((r) => r.to === 'contacts').length);
    expect([...contactMergeFieldNames].sort()).toEqual(Object.keys(ContactFieldsShape.shape).sort());
    expect([...organisationMergeFieldNames].sort()).toEqual(Object.keys(OrganisationFields.shape).sort());
  });
});

describe('merging two organisations', () => {
  it('moves people, cases, agenda items and sub-organisations to the kept one; one Undo restores it all', async () => {
    const b = await openTestBackend({ now: clock });
    const keep = await b.call('organisations.create', { name: 'University of Ghana', country: 'GH', topics: ['Health'] });
    const other = await b.call('organisations.create', { name: 'Univ. of Ghana, Legon', shortName: 'UG', country: 'GH', city: 'Accra', topics: ['health', 'Water'], parentId: keep.id });
    const child = await b.call('organisations.create', { name: 'School of Public Health', parentId: other.id });
    const person = await b.call('contacts.create', { contact: { familyName: 'Owusu' }, positions: [{ organisationId: other.id, role: 'Dean', from: null, to: null }] });
    const theCase = await b.call('cases.create', { title: 'Health exchange', openedOn: '2026-02-01', clientId: other.id, partnerOrganisationIds: [keep.id, other.id] });
    const before = b.store.db;

    const preview = await b.call('organisations.mergePreview', { keepId: keep.id, otherId: other.id });
    expect(preview.proposed.city).toBe('other');
    expect(preview.proposed.topics).toBe('both');
    const { record, undoId } = await b.call('organisations.merge', { keepId: keep.id, keepRevision: keep.revision, otherId: other.id, otherRevision: other.revision, choices: { parentId: 'other' } });
    expect(record.shortName).toBe('UG');
    expect(record.topics).toEqual(['Health', 'Water']);
    expect(record.parentId).toBeNull(); // the other one was under the kept one: not under itself
    const db = b.store.db;
    expect(occurrences(db, other.id)).toEqual([]);
    expect(db.organisations.find((o) => o.id === child.id)!.parentId).toBe(keep.id);
    expect(db.positions.find((p) => p.contactId === person.id)!.organisationId).toBe(keep.id);
    const c = db.cases.find((x) => x.id === theCase.id)!;
    expect(c.clientId).toBe(keep.id);
    expect(c.partnerOrganisationIds).toEqual([keep.id]);

    await b.call('undo.apply', { undoId });
    expect(normalised(b.store.db)).toEqual(normalised(before));
  });

  it('refuses a merge that would put the kept organisation under one of its own', async () => {
    const b = await openTestBackend({ now: clock });
    const keep = await b.call('organisations.create', { name: 'Institute' });
    const other = await b.call('organisations.create', { name: 'Institute (dup)' });
    const below = await b.call('organisations.create', { name: 'Department', parentId: keep.id });
    const o = await b.call('organisations.update', { id: other.id, revision: other.revision, changes: { parentId: below.id } });
    const before = b.store.db;
    const e = await rejection(b.call('organisations.merge', { keepId: keep.id, keepRevision: keep.revision, otherId: other.id, otherRevision: o.revision, choices: { parentId: 'other' } }));
    expect(e.code).toBe('VALIDATION');
    expect(b.store.db).toBe(before);
  });
});
