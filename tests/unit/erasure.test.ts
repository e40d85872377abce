// Erasing a person (GDPR Art. 17) through the real services on a real data folder: the person, what
// only they own and every copy in the trash go; references elsewhere are cleared, even those a
// delete refuses; the register (id and date only) is in the database and in the sidecar; and the
// person's name is nowhere in the database file afterwards. applyErasures re-applies the register
// to an old copy of the database that still holds them.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyErasures, unionRegisters } from '../../electron/backend/records/erasure';
import { ERASURE_REGISTER_FILE, readErasureRegister } from '../../electron/backend/records/erasure-register';
import { DATABASE_FILE } from '../../electron/backend/store/store';
import { migrations } from '../../electron/backend/store/migrations';
import { DatabaseFile, toDatabaseFile } from '../../shared/schemas/database';
import { openTestBackend, rejection, type TestBackend } from './helpers/workspace';

const clock = () => new Date('2026-11-21T10:00:00Z');
const GIVEN = 'Zuberi';
const FAMILY = 'Wambugu-Kiprotich';

/** A person woven into everything: positions, timeline, a case, a note, a delegation, an agenda, the trash. */
async function scenario(b: TestBackend) {
  const ministry = await b.call('organisations.create', { name: 'Ministry of Water', kind: 'ministry', country: 'KE', city: 'Nairobi' });
  const person = await b.call('contacts.create', {
    contact: { givenName: GIVEN, familyName: FAMILY, emails: [{ address: 'z.w@partner.example', kind: 'work' }], notes: 'Prefers calls in the morning.' },
    positions: [
      { organisationId: ministry.id, role: 'Director for Research', from: '2020-01-01', to: null },
      { organisationId: ministry.id, role: 'Deputy Director', from: '2017-01-01', to: '2019-12-31' },
    ],
  });
  const other = await b.call('contacts.create', { contact: { givenName: 'Grace', familyName: 'Njeri' }, positions: [{ organisationId: ministry.id, role: 'Advisor', from: '2021-01-01', to: null }] });
  const theCase = await b.call('cases.create', { title: 'Water research partners', openedOn: '2026-02-01', clientContactIds: [person.id, other.id] });
  const trashedCase = await b.call('cases.create', { title: 'Old exchange', openedOn: '2025-02-01', clientContactIds: [person.id] });
  const own = await b.call('activities.create', { kind: 'call', date: '2026-10-10', title: `Call with ${GIVEN} ${FAMILY}`, participantIds: [person.id] });
  const ownDeleted = await b.call('activities.create', { kind: 'email', date: '2026-10-11', title: `Mail from ${FAMILY}`, participantIds: [person.id] });
  const shared = await b.call('activities.create', { kind: 'meeting', date: '2026-10-12', title: 'Steering group', participantIds: [person.id, other.id], caseId: theCase.id });
  const note = await b.call('notes.create', { title: 'Kenya water strategy', kind: 'countryStrategy', countries: ['KE'], contactIds: [person.id, other.id] });
  const trip = await b.call('trips.create', {
    title: 'Delegation to Nairobi',
    destinations: [{ country: 'KE', city: 'Nairobi' }],
    startDate: '2027-01-11',
    endDate: '2027-01-13',
    timeZones: ['Africa/Nairobi'],
    members: [
      { kind: 'staff', name: 'A. Berger', function: 'International Bureau', role: 'head' },
      { kind: 'contact', contactId: person.id, role: 'member' },
    ],
  });
  const item = await b.call('agenda.create', {
    tripId: trip.id,
    title: 'Ministry meeting',
    date: '2027-01-12',
    start: '09:00',
    end: '10:00',
    timeZone: 'Africa/Nairobi',
    organisationId: ministry.id,
    counterpartIds: [person.id, other.id],
  });
  // Into the trash: one of their positions, a case naming them, a timeline entry that was theirs alone.
  const related = await b.call('contacts.related', { id: person.id });
  const oldPosition = related.positions.find((p) => p.position.role === 'Deputy Director')!.position;
  await b.call('positions.delete', { id: oldPosition.id, revision: oldPosition.revision });
  await b.call('cases.delete', { id: trashedCase.id, revision: trashedCase.revision });
  await b.call('activities.delete', { id: ownDeleted.id, revision: ownDeleted.revision });
  return { ministry, person: await b.call('contacts.get', { id: person.id }), other, theCase, own, shared, note, trip, item, trashedCase };
}

describe('erasing a person', () => {
  it('shows what goes and what is cleared, then removes them everywhere, clears every reference, records only id and date, and leaves no trace of the name', async () => {
    const b = await openTestBackend({ now: clock });
    const s = await scenario(b);
    // A delete is refused (delegation member); an erasure never is.
    expect((await rejection(b.call('contacts.delete', { id: s.person.id, revision: s.person.revision }))).code).toBe('REFERENCED');

    const impact = await b.call('contacts.eraseImpact', { id: s.person.id });
    expect(impact.label).toBe(`${GIVEN} ${FAMILY}`);
    expect(impact.removes).toEqual(
      expect.arrayContaining([
        { collection: 'positions', count: 1 },
        { collection: 'activities', count: 1 },
      ]),
    );
    expect(impact.removes).toHaveLength(2);
    expect(impact.unlinks).toEqual(
      expect.arrayContaining([
        { collection: 'cases', field: 'clientContactIds', count: 1 },
        { collection: 'activities', field: 'participantIds', count: 1 },
        { collection: 'notes', field: 'contactIds', count: 1 },
        { collection: 'agendaItems', field: 'counterpartIds', count: 1 },
        { collection: 'trips', field: 'members', count: 1 },
      ]),
    );
    expect(impact.unlinks).toHaveLength(5);
    expect(impact.trash).toEqual({ entries: 3, records: 2 });
    const before = structuredClone(toDatabaseFile(b.store.db));

    const summary = await b.call('contacts.erase', { id: s.person.id, revision: s.person.revision });
    expect(summary).toMatchObject({ removes: impact.removes, unlinks: impact.unlinks, trash: impact.trash, erasedAt: clock().toISOString(), registerMovedAside: null });
    expect(summary).not.toHaveProperty('undoId');

    const db = b.store.db;
    expect((await rejection(b.call('contacts.get', { id: s.person.id }))).code).toBe('NOT_FOUND');
    expect(db.positions.filter((p) => p.contactId === s.person.id)).toEqual([]);
    expect(db.positions.filter((p) => p.contactId === s.other.id)).toHaveLength(1);
    expect(db.activities.map((a) => a.id).sort()).toEqual([s.shared.id]);
    expect((await b.call('activities.list', { caseId: s.theCase.id })).map((a) => a.participantIds)).toEqual([[s.other.id]]);
    expect((await b.call('cases.get', { id: s.theCase.id })).clientContactIds).toEqual([s.other.id]);
    expect((await b.call('notes.get', { id: s.note.id })).contactIds).toEqual([s.other.id]);
    const trip = await b.call('trips.get', { id: s.trip.id });
    expect(trip.members).toEqual([{ kind: 'staff', name: 'A. Berger', function: 'International Bureau', role: 'head' }]);
    expect(trip.revision).toBe(s.trip.revision + 1);
    expect(db.agendaItems.find((a) => a.id === s.item.id)!.counterpartIds).toEqual([s.other.id]);
    // The trash: the deleted position and timeline entry are gone with their entries; the deleted
    // case stays undoable, without them.
    expect(db.trash).toHaveLength(1);
    expect(db.trash[0]!.removed.cases![0]!.clientContactIds).toEqual([]);
    await b.call('undo.apply', { undoId: db.trash[0]!.id });
    expect((await b.call('cases.get', { id: s.trashedCase.id })).clientContactIds).toEqual([]);

    // The register: id, collection and date, in the database and beside it.
    const entry = { id: s.person.id, collection: 'contacts', erasedAt: clock().toISOString() };
    expect(b.store.db.erasures).toEqual([entry]);
    expect(await readErasureRegister(b.dataDir)).toEqual({ state: 'ok', erasures: [entry] });
    // A backup taken just before, for the user's safety (the register is re-applied to it on restore).
    expect((await b.store.listBackups(false)).some((x) => x.reason === 'erasure')).toBe(true);

    // Nothing of them in the database file: not the name, not the address, not the id outside the register.
    const bytes = await readFile(join(b.dataDir, DATABASE_FILE), 'utf8');
    for (const trace of [GIVEN, FAMILY, 'z.w@partner.example', 'Prefers calls']) expect(bytes, trace).not.toContain(trace);
    expect(bytes.split(s.person.id)).toHaveLength(2);
    // Everything else is as it was.
    expect(b.store.db.organisations).toEqual(before.organisations);
    expect(DatabaseFile.safeParse(JSON.parse(bytes)).success).toBe(true);

    // And it survives a restart.
    await b.close();
    const again = await openTestBackend({ dataDir: b.dataDir, now: clock });
    expect(again.store.db.contacts.map((c) => c.id)).toEqual([s.other.id]);
    expect(again.store.db.erasures).toEqual([entry]);
  });

  it('is refused with a stale revision (nothing changes) and for an unknown id', async () => {
    const b = await openTestBackend({ now: clock });
    const s = await scenario(b);
    await b.call('contacts.update', { id: s.person.id, revision: s.person.revision, changes: { owner: 'A. Berger' } });
    const before = await readFile(join(b.dataDir, DATABASE_FILE), 'utf8');
    const db = b.store.db;

    const stale = await rejection(b.call('contacts.erase', { id: s.person.id, revision: s.person.revision }));
    expect(stale.code).toBe('CONFLICT');
    expect(b.store.db).toBe(db);
    expect(await readFile(join(b.dataDir, DATABASE_FILE), 'utf8')).toBe(before);
    expect((await readErasureRegister(b.dataDir)).state).toBe('missing');

    const unknown = await rejection(b.call('contacts.erase', { id: '00000000-0000-4000-8000-000000000000', revision: 1 }));
    expect(unknown.code).toBe('NOT_FOUND');
    expect((await rejection(b.call('contacts.eraseImpact', { id: '00000000-0000-4000-8000-000000000000' }))).code).toBe('NOT_FOUND');
    expect(b.store.db).toBe(db);
  });

  it('reports a damaged register file and keeps it aside instead of overwriting it', async () => {
    const b = await openTestBackend({ now: clock });
    const s = await scenario(b);
    await writeFile(join(b.dataDir, ERASURE_REGISTER_FILE), '{"format": "attache-erasures", "version": 1, "erasures": [{"id": 4');
    expect((await readErasureRegister(b.dataDir)).state).toBe('damaged');

    const summary = await b.call('contacts.erase', { id: s.person.id, revision: s.person.revision });
    expect(summary.registerMovedAside).toMatch(/^attache\.erasures\.damaged-.+\.json$/);
    expect(await readFile(join(b.dataDir, summary.registerMovedAside!), 'utf8')).toContain('"id": 4');
    expect(await readErasureRegister(b.dataDir)).toEqual({ state: 'ok', erasures: b.store.db.erasures });
  });
});

describe('applyErasures', () => {
  it('removes an erased person from an old copy of the database (tables and trash), clears references, and adds the register', async () => {
    const b = await openTestBackend({ now: clock });
    const s = await scenario(b);
    const old = b.store.db; // as an old backup would hold it
    await b.call('contacts.erase', { id: s.person.id, revision: s.person.revision });
    const register = (await readErasureRegister(b.dataDir)).erasures;

    const applied = applyErasures(old, register, clock());
    expect(applied.contacts.map((c) => c.id)).toEqual([s.other.id]);
    expect(applied.positions.map((p) => p.contactId)).toEqual([s.other.id]);
    expect(applied.activities.map((a) => a.id)).toEqual([s.shared.id]);
    expect(applied.cases.find((c) => c.id === s.theCase.id)!.clientContactIds).toEqual([s.other.id]);
    expect(applied.trips.at(0)!.members.some((m) => m.kind === 'contact')).toBe(false);
    expect(applied.agendaItems.at(0)!.counterpartIds).toEqual([s.other.id]);
    expect(applied.erasures).toEqual(register);
    expect(JSON.stringify(applied)).not.toContain(FAMILY);
    expect(JSON.stringify(applied).split(s.person.id)).toHaveLength(2);
    expect(DatabaseFile.safeParse(toDatabaseFile(applied)).success).toBe(true);
    // The same as the erase did, record for record.
    expect(applied.trash).toEqual(b.store.db.trash);
    expect(applied.notes).toEqual(b.store.db.notes);
    // Applying again changes nothing, and a database without them comes back as it was.
    expect(applyErasures(applied, register, clock())).toBe(applied);
    expect(applyErasures(b.store.db, register, clock())).toBe(b.store.db);
  });

  it('finds a person who is only in the trash, and a timeline entry that was theirs alone before the delete cleared it', async () => {
    const b = await openTestBackend({ now: clock });
    const ministry = await b.call('organisations.create', { name: 'Ministry of Water', kind: 'ministry', country: 'KE' });
    const person = await b.call('contacts.create', { contact: { givenName: GIVEN, familyName: FAMILY }, positions: [{ organisationId: ministry.id, role: 'Director', from: null, to: null }] });
    const own = await b.call('activities.create', { kind: 'call', date: '2026-10-10', title: 'A call', participantIds: [person.id] });
    await b.call('contacts.delete', { id: person.id, revision: person.revision });
    expect(b.store.db.activities.find((a) => a.id === own.id)!.participantIds).toEqual([]);

    const applied = applyErasures(b.store.db, [{ id: person.id, collection: 'contacts', erasedAt: clock().toISOString() }], clock());
    expect(applied.trash).toEqual([]);
    expect(applied.activities).toEqual([]);
    expect(applied.positions).toEqual([]);
    expect(JSON.stringify(applied)).not.toContain(FAMILY);
  });

  it('unionRegisters keeps each erased record once, at its first erasure', () => {
    const a = { id: '11111111-1111-4111-8111-111111111111', collection: 'contacts' as const, erasedAt: '2026-01-02T00:00:00.000Z' };
    const b = { ...a, erasedAt: '2026-01-01T00:00:00.000Z' };
    const c = { id: '22222222-2222-4222-8222-222222222222', collection: 'contacts' as const, erasedAt: '2026-01-03T00:00:00.000Z' };
    expect(unionRegisters([a, c], [b])).toEqual([b, c]);
  });

  it('the version 5 → 6 migration adds an empty register', () => {
    expect(migrations.find((m) => m.from === 5)!.up({ contacts: [] })).toEqual({ contacts: [], erasures: [] });
  });
});

describe('erasure: the register outlives a restore', () => {
  it('restoring a backup made before the erasure does not bring the person back, also when the database is damaged', async () => {
    const b = await openTestBackend({ now: clock });
    const person = await b.call('contacts.create', { contact: { givenName: GIVEN, familyName: FAMILY } });
    const before = (await b.call('workspace.backupNow', {})).backups.find((x) => x.reason === 'manual')!;
    await b.call('contacts.erase', { id: person.id, revision: person.revision });

    await b.call('workspace.restoreBackup', { file: before.file });
    expect(b.store.db.contacts.map((c) => c.familyName)).toEqual([]);
    expect(b.store.db.erasures.map((e) => e.id)).toEqual([person.id]);

    // The database itself is lost: the register beside it still holds the erasure.
    await b.close();
    await writeFile(join(b.dataDir, DATABASE_FILE), 'not a database');
    const again = await openTestBackend({ dataDir: b.dataDir, now: clock, init: false });
    expect((await again.call('workspace.status', {})).state).toBe('damaged');
    await again.call('workspace.restoreBackup', { file: before.file });
    expect(again.store.db.contacts.map((c) => c.familyName)).toEqual([]);
    expect((await readFile(join(b.dataDir, DATABASE_FILE), 'utf8')).includes(FAMILY)).toBe(false);
  });
});
