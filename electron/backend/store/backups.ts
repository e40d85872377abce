import { copyFile, mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupInfo, BackupReason } from '../../../shared/features/workspace/schema';
import { BackupReason as BackupReasonSchema } from '../../../shared/features/workspace/schema';

export const BACKUP_DIR = 'backups';
const KEEP = 30;
const NAME = /^attache-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z]+)\.json$/;

const stampOf = (d: Date) => d.toISOString().replace(/[:.]/g, '-');
const dateOfStamp = (s: string) => s.replace(/^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, '$1:$2:$3.$4Z');

export class Backups {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, BACKUP_DIR);
  }

  /** Copies the database file byte for byte, flushed to disk, and prunes the oldest beyond KEEP. */
  async create(databasePath: string, reason: BackupReason, now: Date): Promise<BackupInfo> {
    await mkdir(this.dir, { recursive: true });
    let file = `attache-${stampOf(now)}-${reason}.json`;
    // Two backups in the same millisecond (a migration right after a daily one) must not collide.
    for (let i = 1; (await stat(join(this.dir, file)).catch(() => null)) !== null; i++) {
      file = `attache-${stampOf(new Date(now.getTime() + i))}-${reason}.json`;
    }
    const target = join(this.dir, file);
    await copyFile(databasePath, target);
    const handle = await open(target, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await this.prune();
    const size = (await stat(target)).size;
    return { file, createdAt: dateOfStamp(stampOf(now)), reason, size };
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
      out.push({ file, createdAt: dateOfStamp(m[1]!), reason: reason.data, size: info.size });
    }
    return out.sort((a, b) => b.file.localeCompare(a.file));
  }

  pathOf(file: string): string {
    if (!NAME.test(file)) throw new Error(`Not a backup file name: ${file}`);
    return join(this.dir, file);
  }

  private async prune(): Promise<void> {
    const all = await this.list();
    for (const old of all.slice(KEEP)) await unlink(join(this.dir, old.file)).catch(() => undefined);
  }
}
