/**
 * The archive service: `archive.export` writes the whole workspace as one `.attache` file (as a job
 * that can be cancelled: nothing is delivered then);
 * bringing one back goes upload (the window sends the file in slices: the web host cannot give the
 * backend a path) → inspect (the manifest, checked) → open, over the current workspace (backed up
 * first, so restoring that backup undoes it) or as the new workspace at first start. The erasure
 * register — the archive's own, this workspace's and the one beside the database — is applied to
 * what the archive holds, so an erased person never comes back. The staged file lives in the
 * backend's one staging area (services/workspace/uploads.ts: memory only, one archive at a time,
 * dropped after 30 minutes untouched), so no copy of it is left on disk. Inspect reads the
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
import type { Staging, StagingRules } from '../workspace/uploads';
import { checkArchive, defaultLimits, readArchiveDatabase, verifyArchive, writeArchive, type ArchiveLimits } from './format';

const refuse = (key: 'archive.errors.notStaged' | 'archive.errors.upload' | 'archive.errors.tooLarge' | 'archive.errors.workspacePassphrase' | 'archive.errors.notNew' | 'archive.errors.protectionRequired', message: string, params?: Record<string, number>) =>
  new AppError('VALIDATION', message, { messageKey: { key, ...(params ? { params } : {}) } });

/** How an archive is staged: one at a time, up to the archive limit, dropped after 30 minutes untouched. */
const archiveStaging = (limits: ArchiveLimits): StagingRules => ({
  maxBytes: limits.maxArchive,
  maxSlice: UPLOAD_SLICE_BYTES,
  expiresMs: 30 * 60 * 1000,
  maxFiles: 1,
  errors: {
    tooLarge: () => refuse('archive.errors.tooLarge', `The file is larger than ${limits.maxArchive} bytes.`, { max: Math.round(limits.maxArchive / 1024 / 1024) }),
    slice: () => refuse('archive.errors.upload', 'The slice does not continue the upload.'),
    gone: () => refuse('archive.errors.notStaged', 'No archive was uploaded under this id (or it expired).'),
    incomplete: () => refuse('archive.errors.upload', 'The archive has not arrived whole.'),
  },
});

export function createArchiveService(ctx: ServiceContext, platform: Platform, status: () => Promise<WorkspaceStatus>, staging: Staging, jobs: Jobs, limits: ArchiveLimits = defaultLimits) {
  const { store } = ctx;
  const uploads = staging.area<null>('archive', archiveStaging(limits));
  const stagedFile = (uploadId: string): Buffer => uploads.bytes(uploadId);

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
      const slice = Buffer.concat(parts.map((p) => Buffer.from(p, 'base64')));
      if (!uploadId && offset !== 0) throw refuse('archive.errors.upload', 'An upload starts at offset 0.');
      const id = uploadId ?? uploads.begin(total, null).id; // refused when too large; drops an earlier archive
      return { uploadId: id, received: uploads.append(id, offset, slice, total) };
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
      uploads.discard(uploadId);
      return { status: await status(), backup };
    },

    discard({ uploadId }) {
      uploads.discard(uploadId);
      return { ok: true as const };
    },
  } satisfies ServiceOf<'archive'>;
}
