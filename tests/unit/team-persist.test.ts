/**
 * The team mirror's saved copy (attache.team-mirror.state) against the real CouchDB-protocol peer:
 * an idle linked workspace whose sync settled never rewrites it, a stop writes it only when the
 * mirror changed, a download applies the team's documents in a few passes, not one per document,
 * and the status says synced only once what arrived is in the store. At 10× a colleague's
 * workspace queued one pass per downloaded document, each retrying the held documents; the
 * persists queued among them rewrote 230 MB every ~25 s for 15+ minutes after the sync had
 * settled, and its close waited for all of them.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi, type MockInstance } from 'vitest';
import type { ServiceContext } from '../../electron/backend/records/context';
import { MIRROR_STATE, TeamSync } from '../../electron/backend/services/team/sync';
import { teamHostOf } from '../../electron/backend/services/team/team';
import { ALL_KINDS, teamHelpers, teamPeer, WAIT } from './helpers/team';
import { openTestBackend, type TestBackend } from './helpers/workspace';

const peerOf = teamPeer();

const { newTeamDb, link, synced } = teamHelpers(peerOf, 'persist');

const engineOf = (b: TestBackend): TeamSync => teamHostOf({ store: b.store } as ServiceContext).current()!;

/** Counts the writes of the mirror's state file from now on. */
function mirrorWrites(b: TestBackend): { count: () => number; spy: MockInstance } {
  const spy = vi.spyOn(b.store, 'writeState');
  return { count: () => spy.mock.calls.filter(([name]) => name === MIRROR_STATE).length, spy };
}

/** Anna's workspace with `n` organisations, linked; Ben's, empty, linked to the same team database with all of them arrived. */
async function pair(n: number): Promise<{ a: TestBackend; b: TestBackend }> {
  const database = await newTeamDb();
  const a = await openTestBackend();
  for (let i = 0; i < n; i++) await a.call('organisations.create', { name: `Institute ${i}`, country: 'KE' });
  await link(a, database, 'anna');
  const b = await openTestBackend();
  await link(b, database, 'ben');
  await vi.waitFor(() => expect(b.store.db.organisations.length).toBe(n), WAIT);
  await synced(b);
  return { a, b };
}

describe("the team mirror's saved copy", { timeout: 120_000 }, () => {
  it('is not rewritten by an idle, synced workspace: sync rounds and status polls change nothing', async () => {
    const { b } = await pair(20);
    const engine = engineOf(b);
    await engine.persist(); // what the download changed, saved (as the engine's timer would)
    const writes = mirrorWrites(b);
    for (let round = 0; round < 5; round++) {
      await b.call('team.syncNow', {});
      await synced(b);
      await b.call('team.status', {});
      // The timer's work, at once: nothing changed since the last write, so nothing is written.
      await engine.persist();
    }
    expect(writes.count()).toBe(0);
  });

  it('is written at stop only when the mirror changed since its last write', async () => {
    const { b } = await pair(5);
    await engineOf(b).persist();
    const clean = mirrorWrites(b);
    await b.close();
    expect(clean.count()).toBe(0);
    clean.spy.mockRestore();

    const { b: c } = await pair(5);
    const engine = engineOf(c);
    await engine.persist();
    const dirty = mirrorWrites(c);
    const org = c.store.db.organisations.at(0)!;
    await c.call('organisations.update', { id: org.id, revision: org.revision, changes: { name: 'Renamed before closing' } });
    // In the mirror (the out pass ran), not yet in its saved copy.
    await vi.waitFor(async () => expect(((await engine.db.get(`organisations:${org.id}`)) as { record: { name: string } }).record.name).toBe('Renamed before closing'), WAIT);
    await c.close();
    // Once: by the stop, or by the engine's timer if it came first (then the stop writes nothing).
    expect(dirty.count()).toBe(1);
    const saved = await readFile(join(c.dataDir, `attache.${MIRROR_STATE}.state`));
    expect(saved.toString('utf8')).toContain('Renamed before closing');
  });

  it('applies a download in a few passes, not one per document', async () => {
    const passes = vi.spyOn(TeamSync.prototype as unknown as { applyFromMirror: (...a: unknown[]) => Promise<void> }, 'applyFromMirror');
    try {
      const n = 300;
      const { b } = await pair(n);
      const onB = passes.mock.contexts.filter((engine) => engine === engineOf(b)).length;
      // One pass per free turn of the engine's chain: a replicator batch (250 documents) arrives as
      // one or a few. One pass per document would be over 300.
      expect(onB).toBeGreaterThan(0);
      expect(onB).toBeLessThan(n / 5);
    } finally {
      passes.mockRestore();
    }
  });

  it('says syncing, not synced, while documents received are not yet in the store', async () => {
    const database = await newTeamDb();
    const a = await openTestBackend();
    for (let i = 0; i < 3; i++) await a.call('organisations.create', { name: `Institute ${i}`, country: 'KE' });
    await link(a, database, 'anna');
    const b = await openTestBackend();
    // Ben's in passes after the start wait at a gate: the replication is done, the store not yet.
    type Engine = { ctx: { store: unknown }; feed: unknown; applyFromMirror: (...a: unknown[]) => Promise<void> };
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let held = 0;
    const proto = TeamSync.prototype as unknown as Engine;
    const apply = proto.applyFromMirror;
    const spy = vi.spyOn(proto, 'applyFromMirror').mockImplementation(async function (this: Engine, ...args: unknown[]) {
      if (this.ctx.store === b.store && this.feed) {
        held++;
        await gate;
      }
      return apply.apply(this, args);
    });
    try {
      await b.call('team.connect', { url: peerOf().url, database, user: 'ben', password: 'ben-pw', share: [...ALL_KINDS] });
      const engine = engineOf(b);
      await vi.waitFor(() => {
        expect(held).toBeGreaterThan(0);
        expect(engine.state).toBe('synced'); // the replicator paused with the server answering
      }, WAIT);
      expect(b.store.db.organisations.length).toBe(0);
      expect((await b.call('team.status', {})).state).toBe('syncing');
      open();
      await synced(b);
      expect(b.store.db.organisations.length).toBe(3);
    } finally {
      open();
      spy.mockRestore();
    }
  });
});
