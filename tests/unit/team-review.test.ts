/**
 * Team sync, the cases a review of the engine found wrong, each proven here against the real peer
 * (pouchdb-server on 127.0.0.1, one workspace switched offline by the proxy): an erasure made
 * offline while a colleague edited the person, a colleague's delete (of a record this copy still
 * names), a change the server refused, and the status right after a save.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestBackend, rejection, type TestBackend } from './helpers/workspace';
import { teamHelpers, WAIT } from './helpers/team';
import { teamHostOf } from '../../electron/backend/services/team/team';
import type { ServiceContext } from '../../electron/backend/records/context';
import { startCouchPeer, type CouchPeer } from '../peer/couch';
import { startProxy, type Proxy } from '../peer/proxy';

let peer: CouchPeer;
let proxy: Proxy;

beforeAll(async () => {
  peer = await startCouchPeer();
  await peer.createUser('anna', 'anna-pw');
  await peer.createUser('ben', 'ben-pw');
  proxy = await startProxy(peer.url);
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await peer?.stop();
});

const { newTeamDb, link, synced } = teamHelpers(() => peer, 'review');

async function offline(b: TestBackend) {
  await proxy.down();
  await vi.waitFor(async () => expect((await b.call('team.status', {})).state).toBe('offline'), WAIT);
}

async function online(b: TestBackend) {
  await proxy.up();
  await b.call('team.syncNow', {});
}

describe('team sync review', { timeout: 120_000 }, () => {
  it('does not bring back a person erased offline when a colleague edited them meanwhile', async () => {
    const database = await newTeamDb();
    const a = await openTestBackend();
    const b = await openTestBackend();
    const person = await a.call('contacts.create', { contact: { givenName: 'Erik', familyName: 'Zuberi-Erased' }, positions: [] });
    await link(a, database, 'anna', proxy.url);
    await link(b, database, 'ben');
    await vi.waitFor(async () => expect((await b.call('contacts.get', { id: person.id })).familyName).toBe('Zuberi-Erased'), WAIT);

    // Anna is offline; Ben edits the person and closes his laptop; Anna erases the person.
    await offline(a);
    const onB = await b.call('contacts.get', { id: person.id });
    await b.call('contacts.update', { id: person.id, revision: onB.revision, changes: { academicTitle: 'Dr.' } });
    await vi.waitFor(async () => {
      const doc = (await peer.allDocs(database)).find((d) => d._id === `contacts:${person.id}`) as { record?: { academicTitle?: string } } | undefined;
      expect(doc?.record?.academicTitle).toBe('Dr.');
    }, WAIT);
    await b.close();
    const current = await a.call('contacts.get', { id: person.id });
    await a.call('contacts.erase', { id: person.id, revision: current.revision });

    // Back online: the erasure wins over Ben's edit, on the server and on Anna's copy.
    await online(a);
    await vi.waitFor(async () => {
      const docs = await peer.allDocs(database);
      expect(docs.find((d) => d._id === `erasure:contacts:${person.id}`)).toBeDefined();
      expect(docs.find((d) => d._id === `contacts:${person.id}`)).toBeUndefined();
    }, WAIT);
    await synced(a);
    expect(await rejection(a.call('contacts.get', { id: person.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(JSON.stringify(a.store.db)).not.toContain('Zuberi-Erased');
  });

  it("applies a colleague's delete: the record goes here too, nothing is held aside", async () => {
    const database = await newTeamDb();
    const a = await openTestBackend();
    const b = await openTestBackend();
    const org = await a.call('organisations.create', { name: 'Short-lived Institute', country: 'KE' });
    // A position there: Ben's delete takes it too (cascade), and Anna's copy must not keep the organisation for it.
    const person = await a.call('contacts.create', { contact: { givenName: 'Amani', familyName: 'Otieno' }, positions: [{ organisationId: org.id, role: 'Director' }] });
    await link(a, database, 'anna');
    await link(b, database, 'ben');
    await vi.waitFor(async () => expect((await b.call('organisations.get', { id: org.id })).name).toBe('Short-lived Institute'), WAIT);

    await b.call('organisations.delete', { id: org.id, revision: (await b.call('organisations.get', { id: org.id })).revision });
    await vi.waitFor(async () => expect(await rejection(a.call('organisations.get', { id: org.id }))).toMatchObject({ code: 'NOT_FOUND' }), WAIT);
    expect(a.store.db.positions.filter((p) => p.contactId === person.id)).toEqual([]);
    await synced(a);
    await synced(b);
    expect(await a.call('team.held', {})).toEqual([]);
    expect(await b.call('team.held', {})).toEqual([]);
  });

  it("keeps a record a colleague deleted while this copy's own record still names it: no reference left pointing at nothing", async () => {
    const database = await newTeamDb();
    const a = await openTestBackend();
    const b = await openTestBackend();
    const org = await a.call('organisations.create', { name: 'Nairobi Water Board', country: 'KE' });
    await link(a, database, 'anna', proxy.url);
    await link(b, database, 'ben');
    await vi.waitFor(async () => expect((await b.call('organisations.get', { id: org.id })).name).toBe('Nairobi Water Board'), WAIT);

    // Anna, offline, opens a case for the organisation; Ben, online, deletes the organisation.
    await offline(a);
    const kase = await a.call('cases.create', { title: 'Water board advisory', openedOn: '2026-04-01', clientId: org.id });
    await b.call('organisations.delete', { id: org.id, revision: (await b.call('organisations.get', { id: org.id })).revision });
    await vi.waitFor(async () => expect((await peer.allDocs(database)).find((d) => d._id === `organisations:${org.id}`)).toBeUndefined(), WAIT);

    // Anna back online: her case arrives on the server, Ben's delete reaches her copy.
    await online(a);
    await vi.waitFor(async () => expect((await peer.allDocs(database)).find((d) => d._id === `cases:${kase.id}`)).toBeDefined(), WAIT);
    await synced(a);
    // Ben's delete has been dealt with on Anna's copy: applied, or kept aside.
    await vi.waitFor(async () => {
      const held = (await a.call('team.held', {})).map((h) => h.docId);
      expect(held.includes(`organisations:${org.id}`) || a.store.locate('organisations', org.id) < 0).toBe(true);
    }, WAIT);
    // No case names an organisation that is not there; Anna's case keeps its client.
    for (const c of a.store.db.cases) if (c.clientId) expect(a.store.locate('organisations', c.clientId), c.title).toBeGreaterThanOrEqual(0);
    expect((await a.call('cases.get', { id: kase.id })).clientId).toBe(org.id);
    expect((await a.call('organisations.get', { id: org.id })).name).toBe('Nairobi Water Board');
    // The delete waits, listed for Anna, until no record here names the organisation.
    expect(await a.call('team.held', {})).toEqual([expect.objectContaining({ docId: `organisations:${org.id}`, reason: 'missingReference' })]);
  });

  it('does not report synced when the server refused a change: the refusal stays in the status', async () => {
    const database = await newTeamDb();
    // The server's validation (as IT may install their own) refuses one organisation.
    const ddoc = await peer.request('PUT', `/${database}/_design/refuse`, {
      validate_doc_update: "function (newDoc) { if (newDoc.record && newDoc.record.name === 'Refused Institute') throw({ forbidden: 'refused by the team rules' }); }",
    });
    expect(ddoc.status).toBeLessThan(300);
    const a = await openTestBackend();
    await link(a, database, 'anna');
    const refused = await a.call('organisations.create', { name: 'Refused Institute' });
    const accepted = await a.call('organisations.create', { name: 'Accepted Institute' });
    await vi.waitFor(async () => expect((await peer.allDocs(database)).map((d) => d._id)).toContain(`organisations:${accepted.id}`), WAIT);
    await vi.waitFor(async () => expect((await a.call('team.status', {})).state).not.toBe('syncing'), WAIT);
    expect((await peer.allDocs(database)).map((d) => d._id)).not.toContain(`organisations:${refused.id}`);
    const status = await a.call('team.status', {});
    expect(status.state).toBe('error');
    expect(status.error?.detail).toContain('refused by the team rules');
    expect(status.pending).toBe(1);

    // Renamed so the rules accept it: it goes up, and sync is synced again.
    const again = await a.call('organisations.get', { id: refused.id });
    await a.call('organisations.update', { id: refused.id, revision: again.revision, changes: { name: 'Renamed Institute' } });
    await vi.waitFor(async () => expect((await peer.allDocs(database)).map((d) => d._id)).toContain(`organisations:${refused.id}`), WAIT);
    await synced(a);
    expect((await a.call('team.status', {})).error).toBeNull();
  });

  it('does not say synced while a save has not gone out yet', async () => {
    const database = await newTeamDb();
    const a = await openTestBackend();
    await link(a, database, 'anna');
    const org = await a.call('organisations.create', { name: 'Just saved Institute' });
    const right = await a.call('team.status', {});
    expect([right.state, right.pending]).not.toEqual(['synced', 0]);
    await synced(a);
    expect((await peer.allDocs(database)).map((d) => d._id)).toContain(`organisations:${org.id}`);
  });

  it('a kind shared again after a pause: changes made on both sides meanwhile meet and merge, none silently replaced', async () => {
    const database = await newTeamDb();
    const a = await openTestBackend();
    const b = await openTestBackend();
    const kase = await a.call('cases.create', { title: 'Shared case', openedOn: '2026-03-01', summary: 'Start' });
    const kase2 = await a.call('cases.create', { title: 'Both change the title', openedOn: '2026-03-01' });
    await link(a, database, 'anna');
    await link(b, database, 'ben');
    await vi.waitFor(async () => expect((await b.call('cases.get', { id: kase2.id })).title).toBe('Both change the title'), WAIT);

    await a.call('team.share', { share: ['contacts', 'notes', 'trips', 'cooperations', 'strategy'] });
    const c = await a.call('cases.get', { id: kase.id });
    await a.call('cases.update', { id: kase.id, revision: c.revision, changes: { title: 'Anna title while unshared' } });
    const c2 = await a.call('cases.get', { id: kase2.id });
    await a.call('cases.update', { id: kase2.id, revision: c2.revision, changes: { title: 'Title by Anna' } });
    const cb = await b.call('cases.get', { id: kase.id });
    await b.call('cases.update', { id: kase.id, revision: cb.revision, changes: { summary: 'Ben summary' } });
    const cb2 = await b.call('cases.get', { id: kase2.id });
    await b.call('cases.update', { id: kase2.id, revision: cb2.revision, changes: { title: 'Title by Ben' } });
    const onServer = async (id: string) => ((await peer.allDocs(database)).find((d) => d._id === `cases:${id}`) as { record?: { summary?: string; title?: string } } | undefined)?.record;
    await vi.waitFor(async () => expect((await onServer(kase2.id))?.title).toBe('Title by Ben'), WAIT);
    await vi.waitFor(async () => expect((await onServer(kase.id))?.summary).toBe('Ben summary'), WAIT);
    // Anna stayed online: her mirror has Ben's versions (kept, not applied) before she shares cases again.
    const mirror = () => teamHostOf({ store: a.store } as ServiceContext).current()!.db;
    await vi.waitFor(async () => {
      for (const id of [kase.id, kase2.id]) expect(((await mirror().get(`cases:${id}`)) as { by?: { user: string } }).by?.user).toBe('ben');
    }, WAIT);

    await a.call('team.share', { share: ['contacts', 'cases', 'notes', 'trips', 'cooperations', 'strategy'] });
    // Different fields: merged on both copies.
    for (const side of [a, b]) {
      await vi.waitFor(async () => {
        const k = await side.call('cases.get', { id: kase.id });
        expect([k.title, k.summary]).toEqual(['Anna title while unshared', 'Ben summary']);
      }, WAIT);
    }
    // The same field: a conflict with both titles, on both copies.
    for (const side of [a, b]) {
      await vi.waitFor(async () => {
        const list = await side.call('team.conflicts', {});
        expect(list.map((x) => [x.id, x.fields])).toEqual([[kase2.id, ['title']]]);
      }, WAIT);
    }
    const detail = await a.call('team.conflict', { collection: 'cases', id: kase2.id });
    expect([...detail.values.title!].sort()).toEqual(['Title by Anna', 'Title by Ben']);
  });
});
