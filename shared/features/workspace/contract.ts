/** The workspace slice of the contract: opening and backing up, settings, Undo and export jobs. */
import { z } from 'zod';
import { None, Ok } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { Id } from '../../schemas/common';
import { ExportResult } from '../../schemas/export';
import { BackupInfo, BackupsInput, InitializeInput, RestoreBackupInput, PublicSettings, SetPassphraseInput, SettingsUpdate, UndoToken, UnlockInput, WorkspaceStatus } from './schema';

/** A long export runs as a job; the window polls its progress and stays responsive. */
export const JobStatus = z.discriminatedUnion('state', [
  z.object({ state: z.literal('running'), progress: z.number().min(0).max(1) }),
  z.object({ state: z.literal('done'), progress: z.literal(1), result: ExportResult }),
  z.object({ state: z.literal('failed'), progress: z.number(), error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type JobStatus = z.infer<typeof JobStatus>;

export const workspaceContract = {
  'workspace.status': op(None, WorkspaceStatus),
  'workspace.initialize': op(InitializeInput, WorkspaceStatus),
  'workspace.restoreBackup': op(RestoreBackupInput, WorkspaceStatus),
  'workspace.backupNow': op(None, WorkspaceStatus),
  'workspace.backups': op(BackupsInput, z.array(BackupInfo)),
  'workspace.unlock': op(UnlockInput, WorkspaceStatus),
  'workspace.lock': op(None, WorkspaceStatus),
  'workspace.setPassphrase': op(SetPassphraseInput, WorkspaceStatus),
  /** Remembers the open workspace's key on this device (remember: true) or forgets it. */
  'workspace.rememberOnDevice': op(z.object({ remember: z.boolean() }), WorkspaceStatus),

  'settings.get': op(None, PublicSettings),
  'settings.update': op(SettingsUpdate, PublicSettings),

  'undo.apply': op(UndoToken, z.object({ label: z.string() })),

  'jobs.status': op(z.object({ jobId: Id }), JobStatus),
  /** Asks a running job to stop at its next step; a cancelled job has changed nothing. */
  'jobs.cancel': op(z.object({ jobId: Id }), Ok),
} as const satisfies Record<string, Operation>;
