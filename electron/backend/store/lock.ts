import { randomBytes } from 'node:crypto';
import { link, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

export const LOCK_FILE = 'attache.lock';

/** What the lock file says about its holder. `token` is new per run, so two runs of one pid differ. */
interface LockInfo {
  pid: number;
  host: string;
  shell: string;
  since: string;
  /** Missing in locks written before the token existed. */
  token?: string;
}

/** How time is judged; production uses the defaults, tests drive the clock instead of waiting. */
export interface LockOptions {
  /** The clock, in ms since the epoch (Date.now). */
  now?: () => number;
  /** How often the holder touches the lock file's mtime (10 s). */
  heartbeatMs?: number;
  /** On this host: a lock whose pid is alive but whose heartbeat is older than this belongs to a reused pid (60 s). */
  staleMs?: number;
  /** Another host's lock (a shared or synced folder) is stale after this long without a heartbeat (10 min). */
  foreignStaleMs?: number;
  /** An empty or unreadable lock file older than this is left over, not being written (5 s). */
  unreadableStaleMs?: number;
}

const defaults: Required<LockOptions> = {
  now: Date.now,
  heartbeatMs: 10_000,
  staleMs: 60_000,
  foreignStaleMs: 10 * 60_000,
  unreadableStaleMs: 5_000,
};

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The holder, or null when the file is empty or not a lock (a pid of 0 or below would address a process group). */
function parseLock(text: string): LockInfo | null {
  try {
    const v = JSON.parse(text) as Partial<LockInfo> | null;
    if (!v || typeof v !== 'object' || !Number.isInteger(v.pid) || (v.pid as number) <= 0 || typeof v.host !== 'string') return null;
    return { pid: v.pid as number, host: v.host, shell: String(v.shell ?? '?'), since: String(v.since ?? '?'), ...(typeof v.token === 'string' ? { token: v.token } : {}) };
  } catch {
    return null;
  }
}

interface Found {
  holder: LockInfo | null;
  mtimeMs: number;
  text: string;
}

async function readLock(path: string): Promise<Found | null> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { holder: parseLock(text), mtimeMs: info.mtimeMs, text };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

type Verdict = { stale: true; why: string } | { stale: false };

/** Whether the lock's owner is gone, judged by host, pid and the heartbeat (the file's mtime). */
function judge(found: Found, me: { host: string }, o: Required<LockOptions>): Verdict {
  const age = o.now() - found.mtimeMs;
  const { holder } = found;
  if (!holder) return age > o.unreadableStaleMs ? { stale: true, why: 'unreadable and old' } : { stale: false };
  if (holder.host !== me.host) return age > o.foreignStaleMs ? { stale: true, why: `no heartbeat from ${holder.host}` } : { stale: false };
  if (!processAlive(holder.pid)) return { stale: true, why: `pid ${holder.pid} no longer runs` };
  // The pid runs, but a live holder touches the file every heartbeat: an old mtime means the pid was reused.
  return age > o.staleMs ? { stale: true, why: `pid ${holder.pid} was reused` } : { stale: false };
}

/**
 * Creates the lock file only if none exists, with its content complete from the first moment: written
 * beside it, then hard-linked into place (link fails if the name exists). Where the file system has
 * no hard links, an exclusive create is used instead.
 */
async function createExclusive(path: string, content: string, token: string): Promise<boolean> {
  const temp = `${path}.${token}.tmp`;
  await writeFile(temp, content, { mode: 0o600 });
  try {
    await link(temp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw e;
    try {
      await writeFile(path, content, { flag: 'wx', mode: 0o600 });
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Removes a stale lock, but only the one that was judged: it is first moved aside, and if what was
 * moved is not that lock (another process took over meanwhile), it is put back.
 */
async function removeStale(path: string, judged: Found, token: string): Promise<void> {
  const aside = `${path}.${token}.stale`;
  try {
    await rename(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = await readFile(aside, 'utf8').catch(() => null);
  if (moved !== judged.text) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

export interface WorkspaceLock {
  readonly path: string;
  /** This run's token, as written in the lock file. */
  readonly token: string;
  /** Touches the lock file's mtime if it is still ours (the timer does this every heartbeat); false if it is not. */
  heartbeat(): Promise<boolean>;
  release(): Promise<void>;
}

function lockedError(dataDir: string, path: string, found: Found, o: Required<LockOptions>): AppError {
  const h = found.holder;
  if (!h) {
    return new AppError(
      'WORKSPACE_LOCKED',
      `The workspace ${dataDir} is locked by ${path}, which another process is writing or which is damaged. Try again in a few seconds; if no Attaché uses this folder, delete ${path}.`,
      { messageKey: { key: 'errors.lockUnreadable', params: { path } } },
    );
  }
  const after = h.host === hostname() ? `${o.staleMs / 1000} s` : `${o.foreignStaleMs / 60_000} min`;
  return new AppError(
    'WORKSPACE_LOCKED',
    `The workspace ${dataDir} is already open in another Attaché process (${h.shell}, pid ${h.pid} on ${h.host}, since ${h.since}); its lock file is ${path}. ` +
      `Close Attaché there first, or choose another --data-dir. If that process has ended, the lock is taken over once its heartbeat is older than ${after}; ` +
      `if you are sure no Attaché uses this folder, delete ${path}.`,
    { messageKey: { key: 'errors.locked', params: { pid: h.pid, host: h.host, path } } },
  );
}

/**
 * One process owns a workspace. The lock file (attache.lock) records pid, host, shell, start time and
 * a per-run token; the holder touches its mtime every heartbeat. A lock is taken over when its owner
 * is gone: on this host when its pid no longer runs, or runs but has not touched the file for
 * `staleMs` (the pid was reused); from another host after `foreignStaleMs` without a heartbeat; an
 * unreadable one after `unreadableStaleMs`. Electron adds its single-instance lock on top.
 */
export async function acquireWorkspaceLock(dataDir: string, shell: string, options: LockOptions = {}): Promise<WorkspaceLock> {
  const o: Required<LockOptions> = { ...defaults, ...options };
  const path = join(dataDir, LOCK_FILE);
  const token = randomBytes(16).toString('hex');
  const mine: LockInfo = { pid: process.pid, host: hostname(), shell, since: new Date(o.now()).toISOString(), token };
  const content = JSON.stringify(mine);

  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createExclusive(path, content, token)) return held(path, token, o);
    const found = await readLock(path);
    if (!found) continue; // released meanwhile
    const verdict = judge(found, mine, o);
    if (!verdict.stale) throw lockedError(dataDir, path, found, o);
    console.warn(`[attache] taking over the stale lock ${path} (${verdict.why})`);
    await removeStale(path, found, token);
  }
  throw new AppError('WORKSPACE_LOCKED', `Could not take the lock ${path}: other processes keep taking it.`, {
    messageKey: { key: 'errors.lockUnreadable', params: { path } },
  });
}

function held(path: string, token: string, o: Required<LockOptions>): WorkspaceLock {
  const ours = async () => parseLock(await readFile(path, 'utf8').catch(() => ''))?.token === token;
  const heartbeat = async () => {
    if (!(await ours())) return false;
    const t = new Date(o.now());
    await utimes(path, t, t);
    return true;
  };
  // Unref'd: the heartbeat never keeps a process alive that would otherwise end.
  const timer = setInterval(() => void heartbeat().catch(() => undefined), o.heartbeatMs);
  timer.unref();
  return {
    path,
    token,
    heartbeat,
    async release() {
      clearInterval(timer);
      if (await ours()) await unlink(path).catch(() => undefined);
    },
  };
}
