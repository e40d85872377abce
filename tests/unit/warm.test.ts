/**
 * Work done ahead (electron/backend/warm.ts): right after opening and after a pause in calls, the
 * dashboard, matchmaking's prepared indexes and the people list's rows and order are built, so the
 * first screen, the first "Find partners" and the first list of people find them ready.
 */
import { describe, expect, it, vi } from 'vitest';
import { preparedCacheOf } from '../../electron/backend/services/matchmaking/prepared';
import { keptIndexOf } from '../../electron/backend/services/search/kept';
import { contactRows, orderBuilds, preparedOrder } from '../../electron/backend/services/contacts/rows';
import { createContext } from '../../electron/backend/records/context';
import { openTestBackend } from './helpers/workspace';

describe('idle warm-up', () => {
  it('builds the dashboard and the matchmaking indexes right after opening and again once idle after a change; the next query uses them', async () => {
    const first = await openTestBackend({ sample: true });
    await first.close();
    const b = await openTestBackend({ dataDir: first.dataDir, warmWhenIdleMs: 20 });
    const cache = preparedCacheOf(b.store);
    // At open, before any call.
    await vi.waitFor(() => expect(b.warmer?.runs).toEqual({ dashboard: 1, matchmaking: 1, contacts: 1, search: 1 }), { timeout: 5000, interval: 10 });
    expect(cache.builds).toBe(1);
    // The search index is built in slices after that, once.
    const search = keptIndexOf(b.store);
    await vi.waitFor(() => expect(search.ready).toBe(true), { timeout: 5000, interval: 10 });
    expect(search.counts.builds).toBe(1);
    // A change, then a pause: built again for the changed workspace.
    const org = await b.call('organisations.create', { name: 'Kenya Soil Centre', country: 'KE' });
    await vi.waitFor(() => expect(b.warmer?.runs).toEqual({ dashboard: 2, matchmaking: 2, contacts: 2, search: 2 }), { timeout: 5000, interval: 10 });
    const before = cache.builds;
    expect(before).toBe(2);
    expect(org.name).toBe('Kenya Soil Centre');
    const institute = b.store.db.organisations.find((o) => o.name.includes('Institute'))!;
    await b.call('matchmaking.find', { subject: { kind: 'organisation', id: institute.id }, direction: 'partners' });
    // The query found the indexes ready: nothing was built for it.
    expect(cache.builds).toBe(before);
    // The search index took the new organisation in as a change, not by building again.
    expect((await b.call('search.global', { text: 'kenya soil' })).groups.map((g) => [g.kind, g.count])).toEqual([['organisation', 1]]);
    expect(search.counts.builds).toBe(1);
  });

  it("prepares the people list's row table and its default order after open and after a change; the list query then sorts nothing", async () => {
    const first = await openTestBackend({ sample: true });
    await first.close();
    const b = await openTestBackend({ dataDir: first.dataDir, warmWhenIdleMs: 20 });
    const ctx = createContext(b.store);
    await vi.waitFor(() => expect(b.warmer?.runs.contacts).toBe(1), { timeout: 5000, interval: 10 });
    const rows = contactRows(ctx);
    const order = preparedOrder(rows, 'name', 'asc');
    expect(order).toBeDefined();
    expect(order).toHaveLength(b.store.db.contacts.length);
    // The first list as the screen asks for it: answered from the prepared order, nothing built.
    const builds = orderBuilds.count;
    const list = await b.call('contacts.list', { sort: 'name', direction: 'asc', offset: 0, limit: 100 });
    expect(orderBuilds.count).toBe(builds);
    expect(contactRows(ctx)).toBe(rows);
    expect(list.total).toBe(b.store.db.contacts.length);
    expect(list.rows.map((r) => r.id)).toEqual(order!.slice(0, 100).map((r) => r.id));

    // A new person, then a pause: a new table, prepared again before anyone asks.
    await b.call('contacts.create', { contact: { givenName: 'Ama', familyName: 'Aaaberg' }, positions: [] });
    const after = contactRows(ctx);
    expect(after).not.toBe(rows);
    await vi.waitFor(() => expect(preparedOrder(after, 'name', 'asc')).toBeDefined(), { timeout: 5000, interval: 10 });
    expect(preparedOrder(after, 'name', 'asc')?.[0]?.name).toContain('Aaaberg');
    const again = orderBuilds.count;
    const first2 = await b.call('contacts.list', { sort: 'name', direction: 'asc', offset: 0, limit: 1 });
    expect(first2.rows[0]?.name).toContain('Aaaberg');
    expect(orderBuilds.count).toBe(again);
    await b.close();
  });
});
