/**
 * What the team sync tests share: the CouchDB-protocol peer with two advisors (anna, ben), a fresh
 * team database per test, linking a workspace, and waiting until it has nothing left to send.
 */
import { afterAll, beforeAll, expect, vi } from 'vitest';
import { startCouchPeer, type CouchPeer } from '../../peer/couch';
import type { TestBackend } from './workspace';

export const WAIT = { timeout: 30_000, interval: 100 };
export const ALL_KINDS = ['contacts', 'cases', 'notes', 'trips', 'cooperations', 'strategy'] as const;

/** The peer for one test file: pouchdb-server with anna and ben, started before its tests and stopped after them. */
export function teamPeer(): () => CouchPeer {
  let peer: CouchPeer | undefined;
  beforeAll(async () => {
    peer = await startCouchPeer();
    await peer.createUser('anna', 'anna-pw');
    await peer.createUser('ben', 'ben-pw');
  }, 60_000);
  afterAll(async () => {
    await peer?.stop();
  });
  return () => peer!;
}

export function teamHelpers(peer: () => CouchPeer, prefix: string) {
  let serial = 0;
  /** Waits until the workspace has nothing left to send and the replicator is idle. */
  async function synced(b: TestBackend) {
    await vi.waitFor(async () => {
      const s = await b.call('team.status', {});
      expect(s.state).toBe('synced');
      expect(s.pending).toBe(0);
    }, WAIT);
  }
  return {
    synced,
    async newTeamDb(): Promise<string> {
      const name = `${prefix}-${++serial}`;
      await peer().createDatabase(name, ['anna', 'ben']);
      return name;
    },
    async link(b: TestBackend, database: string, user: 'anna' | 'ben', url = peer().url) {
      await b.call('team.connect', { url, database, user, password: `${user}-pw`, share: [...ALL_KINDS] });
      await synced(b);
    },
  };
}
