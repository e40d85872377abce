/**
 * The archive service: `archive.export` writes the whole workspace as one `.attache` file (as a job
 * that can be cancelled: nothing is delivered then);
 * bringing one back goes upload (the window sends the file in slices: the web host cannot give the
 * backend a path) → inspect (the manifest, checked) → open, over the current workspace (backed up
 * first, so restoring that backup undoes it) or as the new workspace at first start. The erasure
 * register — the archive's own, this workspace's and the one beside the database — is applied to
 * what the archive holds, so an erased person never comes back. The staged file lives in memory
 * only (one at a time, dropped after 30 minutes), so no copy of it is left on disk. Inspect reads the
 * manifest and checks the data's checksum as it streams (nothing kept); open reads, parses and
 * validates the database once. An encrypted archive never lands readable on disk unasked: over an
 * unprotected workspace the caller must choose to protect the workspace with the archive's
 * passphrase or, explicitly, not to.
 */
import { AppError } from '../../../../shared/errors';
import type { ServiceOf } from '../../../../shared/contract';
import { ARCHIVE_EXTENSION, UPLOAD_SLICE_BYTES } from '../../../../shared/features/archive/schema';
import type { WorkspaceStatus } from '../../../../shared/features/workspace/schema';
import type { Platform } from '../../platform';
import type { ServiceContext } from '../../records/context';
import type { Jobs } from '../workspace/jobs';
import { localDate } from '../../records/context';
import { applyErasures, unionRegisters } from '../../records/erasure';
import { readErasureRegister } from '../../records/erasure-register';
import { checkArchive, defaultLimits, readArchiveDatabase, verifyArchive, writeArchive, type ArchiveLimits } from './format';

const STAGED_MS = 30 * 60 * 1000;

interface Staged {
  id: string;
  total: number;
  chunks: Buffer[];
  received: number;
  touchedAt: number;
}

const refuse = (key: 'archive.errors.notStaged' | 'archive.errors.upload' | 'archive.errors.tooLarge' | 'archive.errors.workspacePassphrase' | 'archive.errors.notNew' | 'archive.errors.protectionRequired', message: string, params?: Record<string, number>) =>
  new AppError('VALIDATION', message, { messageKey: { key, ...(params ? { params } : {}) } });

export function createArchiveService(ctx: ServiceContext, platform: Platform, status: () => Promise<WorkspaceStatus>, jobs: Jobs, limits: ArchiveLimits = defaultLimits) {
  const { store } = ctx;
  let staged: Staged | null = null;

  function stagedFile(uploadId: string): Buffer {
    if (staged && Date.now() - staged.touchedAt > STAGED_MS) staged = null;
    if (!staged || staged.id !== uploadId) throw refuse('archive.errors.notStaged', 'No archive was uploaded under this id (or it expired).');
    if (staged.received !== staged.total) throw refuse('archive.errors.upload', 'The archive has not arrived whole.');
    staged.touchedAt = Date.now();
    if (staged.chunks.length > 1) staged.chunks = [Buffer.concat(staged.chunks)];
    return staged.chunks[0] ?? Buffer.alloc(0);
  }

  /** The erasures this workspace knows of: its own register (when readable) and the one beside the database. */
  async function knownErasures() {
    const sidecar = await readErasureRegister(store.dataDir);
    return unionRegisters(store.state === 'ready' ? store.db.erasures : [], sidecar.erasures);
  }

  return {
    async export({ passphrase }) {
      const db = store.db; // refused while locked or not set up
      if (store.encrypted) {
        // The archive is encrypted with the workspace's passphrase, which is checked here.
        if (!passphrase) throw refuse('archive.errors.workspacePassphrase', 'The workspace is encrypted: its passphrase is needed to export it.');
        await store.verifyPassphrase(passphrase);
      }
      const now = ctx.now();
      const kdf = store.kdfParams;
      // The workspace as it is now (the data is immutable); a cancel stops the writer at its next step.
      return jobs.start(async (progress, control) => {
        const bytes = await writeArchive(db, now, passphrase ?? null, kdf, { progress, checkpoint: control.checkpoint });
        control.checkpoint();
        return platform.deliverFile({ fileName: `attache-${localDate(now)}${ARCHIVE_EXTENSION}`, mime: 'application/zip', bytes, open: false });
      });
    },

    /** One slice of the file, in order; the first (no id) starts a new upload and drops any earlier one. */
    upload({ uploadId, total, offset, parts }) {
      if (total > limits.maxArchive) {
        staged = null;
        throw refuse('archive.errors.tooLarge', `The file is larger than ${limits.maxArchive} bytes.`, { max: Math.round(limits.maxArchive / 1024 / 1024) });
      }
      if (!uploadId) {
        if (offset !== 0) throw refuse('archive.errors.upload', 'An upload starts at offset 0.');
        staged = { id: ctx.newId(), total, chunks: [], received: 0, touchedAt: Date.now() };
      } else if (!staged || staged.id !== uploadId) {
        throw refuse('archive.errors.notStaged', 'No upload with this id.');
      }
      const current = staged!;
      const slice = Buffer.concat(parts.map((p) => Buffer.from(p, 'base64')));
      if (offset !== current.received || total !== current.total || slice.byteLength > UPLOAD_SLICE_BYTES || current.received + slice.byteLength > current.total) {
        staged = null;
        throw refuse('archive.errors.upload', 'The slice does not continue the upload.');
      }
      if (slice.byteLength) current.chunks.push(slice);
      current.received += slice.byteLength;
      current.touchedAt = Date.now();
      return { uploadId: current.id, received: current.received };
    },

    /**
     * The manifest of the staged archive, after every check that needs no passphrase (the checksum
     * is computed as the data streams; nothing of it is kept, nothing parsed), and whether the
     * workspace it would open over is protected.
     */
    async inspect({ uploadId }) {
      const checked = checkArchive(stagedFile(uploadId), limits);
      await verifyArchive(checked);
      const { manifest, size } = checked;
      return {
        createdAt: manifest.createdAt,
        appVersion: manifest.appVersion,
        schemaVersion: manifest.schemaVersion,
        counts: manifest.counts,
        encrypted: manifest.encrypted,
        size,
        workspaceEncrypted: store.state !== 'new' && store.encrypted,
      };
    },

    /**
     * Opens the staged archive. "replace": over the current workspace, which is backed up first
     * (the backup is returned). "new": as the workspace of a first start, protected with the
     * archive's passphrase when it had one. An encrypted archive over an unprotected workspace needs
     * `protection`: "archive" protects the workspace with the archive's passphrase (its data is never
     * written readable), "none" opens it unprotected as the user chose. A protected workspace keeps
     * its own passphrase. The database is read and validated once. Any refusal changes nothing.
     */
    async open({ uploadId, mode, passphrase, protection }) {
      if (mode === 'new' && store.state !== 'new') throw refuse('archive.errors.notNew', 'The workspace is already set up.');
      const checked = checkArchive(stagedFile(uploadId), limits);
      const choose = mode === 'replace' && checked.manifest.encrypted && !store.encrypted;
      if (choose && !protection) {
        throw refuse('archive.errors.protectionRequired', 'The archive is encrypted and this workspace is not: choose whether to protect the workspace with the archive’s passphrase.');
      }
      const incoming = await readArchiveDatabase(checked, passphrase, limits.maxData);
      const erasures = await knownErasures();
      const prepare = (db: typeof incoming) => applyErasures(db, unionRegisters(db.erasures, erasures), ctx.now());
      let backup = null;
      if (mode === 'new') {
        await store.initialize(prepare(incoming), checked.manifest.encrypted ? passphrase : undefined, { validated: true });
      } else {
        backup = await store.replaceDatabase(incoming, prepare, { validated: true, ...(choose && protection === 'archive' ? { passphrase } : {}) });
      }
      staged = null;
      return { status: await status(), backup };
    },

    discard({ uploadId }) {
      if (staged?.id === uploadId) staged = null;
      return { ok: true as const };
    },
  } satisfies ServiceOf<'archive'>;
}
