/**
 * The archive slice of the contract: export the whole workspace as one file (a job), and bring one back —
 * sent in slices (the web host cannot hand the backend a path), inspected, then opened over the
 * current workspace or as a new one.
 */
import { z } from 'zod';
import { Ok } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { Id } from '../../schemas/common';
import { BackupInfo, WorkspaceStatus } from '../workspace/schema';
import { ArchiveExportInput, ArchiveOpenInput, ArchiveSummary, ArchiveUploadInput, ArchiveUploadResult, StagedArchive } from './schema';

export const ArchiveOpenResult = z.object({
  status: WorkspaceStatus,
  /** The backup of the workspace as it was: restoring it undoes the opening. */
  backup: BackupInfo.nullable(),
});
export type ArchiveOpenResult = z.infer<typeof ArchiveOpenResult>;

/** The archive is written as a job (jobs.status, jobs.cancel), like every export. */
export const ArchiveExportStarted = z.object({ jobId: Id });

export const archiveContract = {
  'archive.export': op(ArchiveExportInput, ArchiveExportStarted),
  'archive.upload': op(ArchiveUploadInput, ArchiveUploadResult),
  'archive.inspect': op(StagedArchive, ArchiveSummary),
  'archive.open': op(ArchiveOpenInput, ArchiveOpenResult),
  'archive.discard': op(StagedArchive, Ok),
} as const satisfies Record<string, Operation>;
