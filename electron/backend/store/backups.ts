/**
 * Backups of the database, each a complete snapshot file in backups/. Written like the database
 * itself (temp file, fsync, rename, fsync folder) and read back to check their hash, so a backup
 * under its final name is always whole; kept by a retention rule (the newest ten, plus the newest
 * of each of the last 7 days, 4 weeks and 12 months with backups).
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupInfo, BackupReason } from '../../../shared/features/workspace/schema';
import { BackupReason as BackupReasonSchema } from '../../../shared/features/workspace/schema';
import { writeFileDurably, type DurableData } from './durable-write';
import { hashOf } from './seal';

export const BACKUP_DIR = 'backups';
const NAME = /^attache-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z]+)\.(json|aenc)$/;

const stampOf = (d: Date) => d.toISOString().replace(/[:.]/g, '-');
const dateOfStamp = (s: string) => s.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');

/** ISO week key ("2026-W49") of a UTC date. */
function weekOf(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  const week = Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const RETENTION = { newest: 10, days: 7, weeks: 4, months: 12 } as const;

/** Which backups (newest first) to keep: the newest few, and the newest per day, week and month. */
export function retained(list: readonly BackupInfo[], rule = RETENTION): Set<string> {
  const keep = new Set(list.slice(0, rule.newest).map((b) => b.file));
  const bucket = (key: (d: Date) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of list) {
      const k = key(new Date(b.createdAt));
      if (seen.has(k)) continue;
      if (seen.size >= count) break;
      seen.add(k);
      keep.add(b.file);
    }
  };
  bucket((d) => d.toISOString().slice(0, 10), rule.days);
  bucket(weekOf, rule.weeks);
  bucket((d) => d.toISOString().slice(0, 7), rule.months);
  return keep;
}

export class Backups {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, BACKUP_DIR);
  }

  /** Writes one backup atomically, checks it on disk, then applies the retention rule. */
  async create(data: DurableData, reason: BackupReason, now: Date, encrypted: boolean): Promise<BackupInfo> {
    await mkdir(this.dir, { recursive: true });
    const ext = encrypted ? 'aenc' : 'json';
    let at = now;
    let file = `attache-${stampOf(at)}-${reason}.${ext}`;
    // Two backups in the same millisecond (a migration right after a daily one) must not collide.
    const taken = new Set(await readdir(this.dir));
    for (let i = 1; taken.has(file) || taken.has(file.replace(/\.(json|aenc)$/, ext === 'json' ? '.aenc' : '.json')); i++) {
      at = new Date(now.getTime() + i);
      file = `attache-${stampOf(at)}-${reason}.${ext}`;
    }
    const target = join(this.dir, file);
    const written = await writeFileDurably(target, data);
    if (hashOf(await readFile(target)) !== written.sha256) {
      await unlink(target).catch(() => undefined);
      throw new Error(`The backup ${file} did not read back as written.`);
    }
    await this.prune();
    return { file, createdAt: dateOfStamp(stampOf(at)), reason, size: written.size };
  }

  /** Newest first. */
  async list(): Promise<BackupInfo[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const out: BackupInfo[] = [];
    for (const file of names) {
      const m = NAME.exec(file);
      if (!m) continue;
      const reason = BackupReasonSchema.safeParse(m[2]);
      if (!reason.success) continue;
      const info = await stat(join(this.dir, file)).catch(() => null);
      if (!info) continue;
      out.push({ file, createdAt: dateOfStamp(m[1]!), reason: reason.data, size: info.size, encrypted: m[3] === 'aenc' });
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.file.localeCompare(a.file));
  }

  pathOf(file: string): string {
    if (!NAME.test(file)) throw new Error(`Not a backup file name: ${file}`);
    return join(this.dir, file);
  }

  async remove(file: string): Promise<void> {
    await unlink(this.pathOf(file));
  }

  private async prune(): Promise<void> {
    const all = await this.list();
    const keep = retained(all);
    for (const old of all) if (!keep.has(old.file)) await unlink(join(this.dir, old.file)).catch(() => undefined);
  }
}
