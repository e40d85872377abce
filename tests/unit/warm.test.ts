/**
 * Work done ahead while idle (electron/backend/warm.ts): after a pause in calls, matchmaking's
 * prepared indexes are built, so the first "Find partners" finds them ready.
 */
import { describe, expect, it, vi } from 'vitest';
import { preparedCacheOf } from '../../electron/backend/services/matchmaking/prepared';
import { openTestBackend } from './helpers/workspace';

describe('idle warm-up', () => {
  it('builds the matchmaking indexes once the backend is idle, and the next query uses them', async () => {
    const b = await openTestBackend({ sample: true, warmWhenIdleMs: 20 });
    const cache = preparedCacheOf(b.store);
    const before = cache.builds;
    await b.call('dashboard.get', {});
    await vi.waitFor(() => expect(cache.builds).toBe(before + 1), { timeout: 5000, interval: 10 });
    const institute = b.store.db.organisations.find((o) => o.name.includes('Institute'))!;
    await b.call('matchmaking.find', { subject: { kind: 'organisation', id: institute.id }, direction: 'partners' });
    // The query found the indexes ready: nothing was built for it.
    expect(cache.builds).toBe(before + 1);
  });
});
