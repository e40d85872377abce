/**
 * Work done ahead (electron/backend/warm.ts): right after opening and after a pause in calls, the
 * dashboard and matchmaking's prepared indexes are built, so the first screen and the first "Find
 * partners" find them ready.
 */
import { describe, expect, it, vi } from 'vitest';
import { preparedCacheOf } from '../../electron/backend/services/matchmaking/prepared';
import { keptIndexOf } from '../../electron/backend/services/search/kept';
import { openTestBackend } from './helpers/workspace';

describe('idle warm-up', () => {
  it('builds the dashboard and the matchmaking indexes right after opening and again once idle after a change; the next query uses them', async () => {
    const first = await openTestBackend({ sample: true });
    await first.close();
    const b = await openTestBackend({ dataDir: first.dataDir, warmWhenIdleMs: 20 });
    const cache = preparedCacheOf(b.store);
    // At open, before any call.
    await vi.waitFor(() => expect(b.warmer?.runs).toEqual({ dashboard: 1, matchmaking: 1, search: 1 }), { timeout: 5000, interval: 10 });
    expect(cache.builds).toBe(1);
    // The search index is built in slices after that, once.
    const search = keptIndexOf(b.store);
    await vi.waitFor(() => expect(search.ready).toBe(true), { timeout: 5000, interval: 10 });
    expect(search.counts.builds).toBe(1);
    // A change, then a pause: built again for the changed workspace.
    const org = await b.call('organisations.create', { name: 'Kenya Soil Centre', country: 'KE' });
    await vi.waitFor(() => expect(b.warmer?.runs).toEqual({ dashboard: 2, matchmaking: 2, search: 2 }), { timeout: 5000, interval: 10 });
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
});
