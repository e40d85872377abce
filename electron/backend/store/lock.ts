import { readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

export const LOCK_FILE = 'attache.lock';

interface LockInfo {
  pid: number;
  host: string;
  shell: string;
  since: string;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readLock(path: string): Promise<LockInfo | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockInfo;
  } catch {
    return null;
  }
}

export interface WorkspaceLock {
  readonly path: string;
  release(): Promise<void>;
}

/**
 * One process owns a workspace. The lock file is created exclusively; a lock left by a process
 * that no longer runs on this host is taken over. Electron adds its single-instance lock on top.
 */
export async function acquireWorkspaceLock(dataDir: string, shell: string): Promise<WorkspaceLock> {
  const path = join(dataDir, LOCK_FILE);
  const mine: LockInfo = { pid: process.pid, host: hostname(), shell, since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await writeFile(path, JSON.stringify(mine), { flag: 'wx', mode: 0o600 });
      return {
        path,
        async release() {
          const current = await readLock(path);
          if (current?.pid === mine.pid && current.host === mine.host) await unlink(path).catch(() => undefined);
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder = await readLock(path);
    if (holder === null) {
      // Another process may be between creating the file and writing its content.
      await new Promise((r) => setTimeout(r, 100));
      holder = await readLock(path);
    }
    const stale = holder === null || (holder.host === mine.host && !processAlive(holder.pid));
    if (!stale && holder) {
      throw new AppError(
        'WORKSPACE_LOCKED',
        `The workspace ${dataDir} is already open in another Attaché process (${holder.shell}, pid ${holder.pid} on ${holder.host}, since ${holder.since}). Close it first, or choose another --data-dir.`,
        { messageKey: { key: 'errors.locked', params: { pid: holder.pid, host: holder.host } } },
      );
    }
    await unlink(path).catch(() => undefined);
  }
  throw new AppError('WORKSPACE_LOCKED', `Could not take the lock ${path}.`);
}
