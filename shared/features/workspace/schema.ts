import { z } from 'zod';
import { Id, Timestamp, patchOf } from '../../schemas/common';

export const LanguageSetting = z.enum(['system', 'en', 'de']);
export const ThemeSetting = z.enum(['system', 'light', 'dark']);

export const Settings = z.object({
  language: LanguageSetting.default('system'),
  theme: ThemeSetting.default('system'),
});
export type Settings = z.infer<typeof Settings>;
export const defaultSettings = (): Settings => ({ language: 'system', theme: 'system' });

export const SettingsUpdate = patchOf(Settings);
export type SettingsUpdate = z.input<typeof SettingsUpdate>;

export const BackupReason = z.enum(['daily', 'migration', 'restore', 'import', 'manual', 'erasure']);
export type BackupReason = z.infer<typeof BackupReason>;

export const BackupInfo = z.object({
  file: z.string().regex(/^[A-Za-z0-9._-]+\.json$/, { message: 'validation.invalidFile' }),
  createdAt: Timestamp,
  reason: BackupReason,
  size: z.number().int().nonnegative(),
  /** Whether the backup itself parses and validates; only good backups are offered for restore. */
  valid: z.boolean().optional(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

export const DamageKind = z.enum(['unreadable', 'notJson', 'invalidSchema', 'tooNew']);
export type DamageKind = z.infer<typeof DamageKind>;

export const WorkspaceStatus = z.object({
  state: z.enum(['new', 'ready', 'damaged']),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  problem: z.object({ kind: DamageKind, detail: z.string() }).optional(),
  backups: z.array(BackupInfo),
  /** Which shell serves the app; the renderer shows shell-specific hints (menu vs. download). */
  shell: z.enum(['electron', 'web']),
});
export type WorkspaceStatus = z.infer<typeof WorkspaceStatus>;

export const InitializeInput = z.object({ sample: z.boolean() });
export const RestoreBackupInput = z.object({ file: BackupInfo.shape.file });

export const UndoToken = z.object({ undoId: Id });
export type UndoToken = z.infer<typeof UndoToken>;
