// Why this file exists: issue 11 found the workspace lock judged by pid alone, so a reused pid or a lock
// from another host blocked the start for good, and the message never named attache.lock. These tests
// fake each kind of leftover lock with real files and real processes, and drive time through the
// lock's options instead of waiting.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireWorkspaceLock, LOCK_FILE } from '../../electron/backend/store/lock';
import { rejection, tempDir } from './helpers/workspace';

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) {
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await exited;
    }
  }
});

/** A real process that stays alive until the test ends. */
async function livePid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  return child.pid!;
}

/** The pid of a real process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  const pid = child.pid!;
  await new Promise((r) => child.once('exit', r));
  return pid;
}

/** Writes a lock file as another process would have left it, with its mtime `ageMs` in the past. */
async function leftLock(dir: string, content: string | object, ageMs: number): Promise<string> {
  const path = join(dir, LOCK_FILE);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  const t = new Date(Date.now() - ageMs);
  await utimes(path, t, t);
  return path;
}

const holder = (pid: number, host = hostname()) => ({ pid, host, shell: 'web', since: '2026-01-01T08:00:00.000Z', token: 'theirs' });
const SECOND = 1000;
const MINUTE = 60 * SECOND;

describe('workspace lock: what it records', () => {
  it('pid, host, shell, start time and a token of its own per run; release removes it', async () => {
    const dir = await tempDir();
    const lock = await acquireWorkspaceLock(dir, 'web');
    const info = JSON.parse(await readFile(lock.path, 'utf8'));
    expect(info).toMatchObject({ pid: process.pid, host: hostname(), shell: 'web', token: lock.token });
    expect(Number.isNaN(Date.parse(info.since))).toBe(false);
    await lock.release();
    const again = await acquireWorkspaceLock(dir, 'web');
    expect(again.token).not.toBe(lock.token);
    await again.release();
    await expect(stat(again.path)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('workspace lock: a live owner keeps it', () => {
  it('a running process with a fresh heartbeat is refused, and the message names attache.lock and what to do', async () => {
    const dir = await tempDir();
    const pid = await livePid();
    const path = await leftLock(dir, holder(pid), 5 * SECOND);
    const err = await rejection(acquireWorkspaceLock(dir, 'web'));
    expect(err.code).toBe('WORKSPACE_LOCKED');
    expect(err.message).toContain(path);
    expect(err.message).toContain(`pid ${pid}`);
    expect(err.message).toMatch(/Close Attaché there first/);
    expect(err.messageKey).toEqual({ key: 'errors.locked', params: { pid, host: hostname(), path } });
    expect(path.endsWith('attache.lock')).toBe(true);
    expect(JSON.parse(await readFile(path, 'utf8')).token).toBe('theirs');
  });

  it('another host with a recent heartbeat is refused', async () => {
    const dir = await tempDir();
    await leftLock(dir, holder(4242, 'laptop-elsewhere'), 2 * MINUTE);
    const err = await rejection(acquireWorkspaceLock(dir, 'web'));
    expect(err.messageKey?.params).toMatchObject({ host: 'laptop-elsewhere' });
  });

  it('an unreadable lock that is seconds old may still be being written: refused, naming the file', async () => {
    const dir = await tempDir();
    const path = await leftLock(dir, '', 0);
    const err = await rejection(acquireWorkspaceLock(dir, 'web'));
    expect(err.messageKey).toEqual({ key: 'errors.lockUnreadable', params: { path } });
  });

  it('the holder heartbeats: its timer and heartbeat() keep the mtime fresh, so a reused-pid check never fires', async () => {
    const dir = await tempDir();
    const lock = await acquireWorkspaceLock(dir, 'web', { heartbeatMs: 5 });
    const old = new Date(Date.now() - 10 * MINUTE);
    await utimes(lock.path, old, old);
    // The timer touches the file; poll with a deadline.
    const deadline = Date.now() + 10_000;
    while ((await stat(lock.path)).mtimeMs <= old.getTime() + 1000) {
      if (Date.now() > deadline) throw new Error('the heartbeat timer never touched the lock');
      await new Promise((r) => setImmediate(r));
    }
    await utimes(lock.path, old, old);
    expect(await lock.heartbeat()).toBe(true);
    expect((await stat(lock.path)).mtimeMs).toBeGreaterThan(Date.now() - MINUTE);
    expect((await rejection(acquireWorkspaceLock(dir, 'web'))).code).toBe('WORKSPACE_LOCKED');
    await lock.release();
  });
});

describe('workspace lock: a gone owner is taken over', () => {
  it('this host, pid no longer running', async () => {
    const dir = await tempDir();
    await leftLock(dir, holder(await deadPid()), 0);
    const lock = await acquireWorkspaceLock(dir, 'web');
    expect(JSON.parse(await readFile(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, token: lock.token });
    await lock.release();
  });

  it('this host, pid running but without a heartbeat for over a minute: the pid was reused', async () => {
    const dir = await tempDir();
    await leftLock(dir, holder(await livePid()), 2 * MINUTE);
    const lock = await acquireWorkspaceLock(dir, 'web');
    expect(JSON.parse(await readFile(lock.path, 'utf8')).token).toBe(lock.token);
    await lock.release();
  });

  it('time is judged by the options: the same fresh lock is held now and stale a minute later', async () => {
    const dir = await tempDir();
    await leftLock(dir, holder(await livePid()), 0);
    expect((await rejection(acquireWorkspaceLock(dir, 'web', { staleMs: 60_000 }))).code).toBe('WORKSPACE_LOCKED');
    const later = () => Date.now() + 61 * SECOND;
    const lock = await acquireWorkspaceLock(dir, 'web', { now: later, staleMs: 60_000 });
    await lock.release();
  });

  it('another host without a heartbeat for over ten minutes', async () => {
    const dir = await tempDir();
    await leftLock(dir, holder(4242, 'laptop-elsewhere'), 11 * MINUTE);
    const lock = await acquireWorkspaceLock(dir, 'web');
    expect(JSON.parse(await readFile(lock.path, 'utf8')).host).toBe(hostname());
    await lock.release();
  });

  it.each([
    ['empty', ''],
    ['garbage', '\u0000\u0000not json'],
    ['a pid that would address a process group', JSON.stringify(holder(0))],
  ])('an unreadable lock older than a few seconds: %s', async (_, content) => {
    const dir = await tempDir();
    await leftLock(dir, content, 10 * SECOND);
    const lock = await acquireWorkspaceLock(dir, 'web');
    await lock.release();
  });

  it('a holder whose lock was taken over neither touches nor removes the new one', async () => {
    const dir = await tempDir();
    const first = await acquireWorkspaceLock(dir, 'web');
    const second = await acquireWorkspaceLock(dir, 'web', { now: () => Date.now() + 2 * MINUTE });
    expect(await first.heartbeat()).toBe(false);
    await first.release();
    expect(JSON.parse(await readFile(second.path, 'utf8')).token).toBe(second.token);
    await second.release();
  });
});
