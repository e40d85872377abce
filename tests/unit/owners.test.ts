import { describe, expect, it } from 'vitest';
import { contactRows } from '../../electron/backend/services/contacts/contacts';
import { createContext } from '../../electron/backend/records/context';
import { openTestBackend, rejection, type TestBackend } from './helpers/workspace';

/** A small workspace where two advisors share the organisations, people and notes, and some have no owner. */
async function team(b: TestBackend) {
  const coastal = await b.call('organisations.create', { name: 'Institute of Coastal Research', country: 'DE', owner: 'A. Berger' });
  const water = await b.call('organisations.create', { name: 'Water Institute', country: 'JO', owner: 'L. Hoffmann' });
  const embassy = await b.call('organisations.create', { name: 'Embassy in Accra', kind: 'embassy', country: 'GH' });
  const mensah = await b.call('contacts.create', { contact: { givenName: 'Amina', familyName: 'Mensah', owner: 'A. Berger' }, positions: [{ organisationId: coastal.id, role: 'Director' }] });
  const haddad = await b.call('contacts.create', { contact: { givenName: 'Rami', familyName: 'Haddad', owner: 'L. Hoffmann' }, positions: [{ organisationId: water.id, role: 'Head of Unit' }] });
  const otieno = await b.call('contacts.create', { contact: { givenName: 'Achieng', familyName: 'Otieno' } });
  const ghana = await b.call('notes.create', { title: 'Country strategy Ghana', countries: ['GH'], owner: 'A. Berger' });
  const jordan = await b.call('notes.create', { title: 'Minutes: Jordan water alliance', countries: ['JO'], owner: 'L. Hoffmann' });
  const loose = await b.call('notes.create', { title: 'Loose thoughts' });
  return { coastal, water, embassy, mensah, haddad, otieno, ghana, jordan, loose };
}

const ids = (rows: ReadonlyArray<{ id: string }>) => rows.map((r) => r.id).sort();

describe('owners of organisations, people and notes', () => {
  it('each list filters by owner, alone and with other filters; no owner chosen lists everyone', async () => {
    const b = await openTestBackend();
    const t = await team(b);

    expect(ids((await b.call('organisations.list', { owners: ['A. Berger'] })).rows)).toEqual([t.coastal.id]);
    expect(ids((await b.call('organisations.list', { owners: ['A. Berger', 'L. Hoffmann'] })).rows)).toEqual(ids([t.coastal, t.water]));
    expect(ids((await b.call('organisations.list', { owners: ['L. Hoffmann'], countries: ['DE'] })).rows)).toEqual([]);
    expect((await b.call('organisations.list', { owners: [] })).total).toBe(3);

    expect(ids((await b.call('contacts.list', { owners: ['L. Hoffmann'] })).rows)).toEqual([t.haddad.id]);
    expect(ids((await b.call('contacts.list', { owners: ['A. Berger'], countries: ['DE'] })).rows)).toEqual([t.mensah.id]);
    expect((await b.call('contacts.list', {})).total).toBe(3);

    expect(ids((await b.call('notes.list', { owners: ['A. Berger'] })).rows)).toEqual([t.ghana.id]);
    expect(ids((await b.call('notes.list', { owners: ['A. Berger', 'L. Hoffmann'], countries: ['JO'] })).rows)).toEqual([t.jordan.id]);
    expect((await b.call('notes.list', {})).total).toBe(3);

    // The rows carry the owner for the optional column.
    expect((await b.call('organisations.list', { owners: ['A. Berger'] })).rows[0]!.owner).toBe('A. Berger');
    expect((await b.call('contacts.list', { owners: ['L. Hoffmann'] })).rows[0]!.owner).toBe('L. Hoffmann');
    expect((await b.call('notes.list', { owners: ['L. Hoffmann'] })).rows[0]!.owner).toBe('L. Hoffmann');
  });

  it('the vocabulary offers each list the owners used there, and editors every owner of the team', async () => {
    const b = await openTestBackend();
    await team(b);
    await b.call('cases.create', { title: 'Climate partners', openedOn: '2026-03-01', owner: 'M. Keller' });
    await b.call('notes.create', { title: 'Foresight', owner: 'S. Wagner' });
    const v = await b.call('cases.vocabulary', {});
    expect(v.listOwners).toEqual({
      cases: ['M. Keller'],
      organisations: ['A. Berger', 'L. Hoffmann'],
      contacts: ['A. Berger', 'L. Hoffmann'],
      notes: ['A. Berger', 'L. Hoffmann', 'S. Wagner'],
    });
    expect(v.owners).toEqual(['A. Berger', 'L. Hoffmann', 'M. Keller', 'S. Wagner']);
  });

  it('owners are kept in the file: after reopening, the filters find the same records', async () => {
    const first = await openTestBackend();
    const t = await team(first);
    await first.close();
    const b = await openTestBackend({ dataDir: first.dataDir });
    expect(ids((await b.call('organisations.list', { owners: ['L. Hoffmann'] })).rows)).toEqual([t.water.id]);
    expect(ids((await b.call('contacts.list', { owners: ['A. Berger'] })).rows)).toEqual([t.mensah.id]);
    expect(ids((await b.call('notes.list', { owners: ['L. Hoffmann'] })).rows)).toEqual([t.jordan.id]);
  });

  it('an update of other fields keeps the owner; changing the owner moves the record to the other filter', async () => {
    const b = await openTestBackend();
    const t = await team(b);

    const org = await b.call('organisations.update', { id: t.coastal.id, revision: t.coastal.revision, changes: { notes: 'Principal partner on the coast.' } });
    expect(org.owner).toBe('A. Berger');
    const person = await b.call('contacts.update', { id: t.mensah.id, revision: t.mensah.revision, changes: { notes: 'Met in Accra.' } });
    expect(person.owner).toBe('A. Berger');
    const note = await b.call('notes.update', { id: t.ghana.id, revision: t.ghana.revision, changes: { title: 'Country strategy Ghana 2027' } });
    expect(note.owner).toBe('A. Berger');

    await b.call('contacts.update', { id: person.id, revision: person.revision, changes: { owner: 'L. Hoffmann' } });
    expect(ids((await b.call('contacts.list', { owners: ['A. Berger'] })).rows)).toEqual([]);
    expect(ids((await b.call('contacts.list', { owners: ['L. Hoffmann'] })).rows)).toEqual(ids([t.mensah, t.haddad]));
    await b.call('notes.update', { id: note.id, revision: note.revision, changes: { owner: '' } });
    expect(ids((await b.call('notes.list', { owners: ['A. Berger'] })).rows)).toEqual([]);
  });

  it('an owner is trimmed and at most 120 characters long', async () => {
    const b = await openTestBackend();
    expect((await b.call('organisations.create', { name: 'Trimmed', owner: '  A. Berger ' })).owner).toBe('A. Berger');
    const err = await rejection(b.call('contacts.create', { contact: { familyName: 'Long', owner: 'x'.repeat(121) } }));
    expect(err.code).toBe('VALIDATION');
  });

  it('a new owner rebuilds only that person’s row: the others are reused from the cache', async () => {
    const b = await openTestBackend();
    const t = await team(b);
    const ctx = createContext(b.store);
    const before = new Map(contactRows(ctx).map((r) => [r.id, r]));
    await b.call('contacts.update', { id: t.otieno.id, revision: t.otieno.revision, changes: { owner: 'D. Nowak' } });
    const after = new Map(contactRows(ctx).map((r) => [r.id, r]));
    expect(after.get(t.otieno.id)).not.toBe(before.get(t.otieno.id));
    expect(after.get(t.otieno.id)!.owner).toBe('D. Nowak');
    expect(after.get(t.mensah.id)).toBe(before.get(t.mensah.id));
    expect(after.get(t.haddad.id)).toBe(before.get(t.haddad.id));
    expect(ids((await b.call('contacts.list', { owners: ['D. Nowak'] })).rows)).toEqual([t.otieno.id]);
  });
});
