/**
 * kill -9 during team sync: a writer process (tests/crash/team-writer.ts) saves organisations while
 * its sync engine mirrors and replicates them, and is killed at random points. Every acknowledged
 * save must still be in the workspace, sync must resume at the next start, and in the end the
 * server — and a colleague's workspace linked to it — holds every one of them, each exactly once.
 */
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleWriter } from '../crash/harness';
import { startCouchPeer, type CouchPeer } from '../peer/couch';
import { openTestBackend, tempDir } from './helpers/workspace';

let peer: CouchPeer;
beforeAll(async () => {
  peer = await startCouchPeer();
  await peer.createUser('anna', 'anna-pw');
  await peer.createUser('ben', 'ben-pw');
  await peer.createDatabase('crash', ['anna', 'ben']);
}, 60_000);
afterAll(async () => {
  await peer?.stop();
});

function runAndKill(writer: string, dataDir: string, acks: number, delayMs: number, onAck: (id: string, name: string) => void): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir, peer.url, 'crash', 'anna', 'anna-pw'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffered = '';
    let stderr = '';
    let seen = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        const [kind, id, name] = line.split('\t');
        if (kind !== 'put') continue;
        onAck(id!, name!);
        if (++seen === acks) setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('kill -9 during team sync', () => {
  it('loses no acknowledged save and resumes: the server and a colleague end with every one, once', async () => {
    const writer = await bundleWriter('team-writer');
    const dataDir = await tempDir();
    const acked = new Map<string, string>();
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let k = 0; k < 6; k++) {
      const run = await runAndKill(writer, dataDir, 5 + Math.floor(rand() * 40), Math.floor(rand() * 30), (id, name) => acked.set(id, name));
      expect(run.stderr).not.toContain('writer failed');
      expect(run.code).toBeNull(); // killed, not crashed
    }
    expect(acked.size).toBeGreaterThan(30);

    // The next start: the workspace has every acknowledged save, and sync resumes once the password is given.
    const anna = await openTestBackend({ dataDir, init: false });
    const local = new Map(anna.store.db.organisations.map((o) => [o.id, o.name]));
    for (const [id, name] of acked) expect(local.get(id), id).toBe(name);
    expect((await anna.call('team.status', {})).state).toBe('needsPassword');
    await anna.call('team.unlock', { password: 'anna-pw' });
    await vi.waitFor(async () => {
      const s = await anna.call('team.status', {});
      expect([s.state, s.pending]).toEqual(['synced', 0]);
      const onServer = (await peer.allDocs('crash')).filter((d) => d._id.startsWith('organisations:'));
      expect(onServer.map((d) => d._id.slice('organisations:'.length)).sort()).toEqual([...local.keys()].sort());
    }, { timeout: 60_000, interval: 200 });

    const ben = await openTestBackend();
    await ben.call('team.connect', { url: peer.url, database: 'crash', user: 'ben', password: 'ben-pw', share: ['contacts', 'cases'] });
    await vi.waitFor(async () => {
      const names = ben.store.db.organisations.map((o) => o.name).sort();
      expect(names).toEqual([...local.values()].sort());
    }, { timeout: 60_000, interval: 200 });
    expect(await anna.call('team.conflicts', {})).toEqual([]);
  }, 300_000);
});
