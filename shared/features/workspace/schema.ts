import { z } from 'zod';
import { Id, Timestamp, patchOf } from '../../schemas/common';
import { text } from '../../schemas/text';
import { ImportMappings } from '../imports/schema';
import { TeamLink } from '../team/link';

export const LanguageSetting = z.enum(['system', 'en', 'de']);
export const ThemeSetting = z.enum(['system', 'light', 'dark']);

/** The settings the screens read and change (settings.get / settings.update). */
export const PublicSettings = z.object({
  language: LanguageSetting.default('system'),
  theme: ThemeSetting.default('system'),
  /** Minutes without input before an encrypted workspace locks itself; 0 = only by hand or with the OS. */
  lockAfterMinutes: z.number().int().min(0).max(480).default(15),
  /** The advisor's own name as it appears as assignee on tasks: "My work" on the dashboard lists their tasks (everyone's while empty). */
  advisorName: text(120).default(''),
  /** Electron only: a system notification on the day tasks or reminders of My work fall due (off unless chosen). */
  notifyDue: z.boolean().default(false),
  /** The column mapping of the last import per target (people, organisations), by folded header name. */
  importMappings: ImportMappings.optional(),
});
export type PublicSettings = z.infer<typeof PublicSettings>;

/** The settings as the database keeps them: with the team link, which only the team service reads and writes. */
export const Settings = PublicSettings.extend({
  team: TeamLink.optional(),
});
export type Settings = z.infer<typeof Settings>;
export const defaultSettings = (): Settings => ({ language: 'system', theme: 'system', lockAfterMinutes: 15, advisorName: '', notifyDue: false });

export const SettingsUpdate = patchOf(PublicSettings);
export type SettingsUpdate = z.input<typeof SettingsUpdate>;

/** Why a backup was made: the daily one (at start and while the app runs), setup, and each risky step. */
export const BackupReason = z.enum(['daily', 'setup', 'migration', 'restore', 'import', 'manual', 'passphrase', 'erasure', 'team']);
export type BackupReason = z.infer<typeof BackupReason>;

export const BackupInfo = z.object({
  file: z.string().max(120).regex(/^[A-Za-z0-9._-]+\.(json|aenc)$/, { message: 'validation.invalidFile' }),
  createdAt: Timestamp,
  reason: BackupReason,
  size: z.number().int().nonnegative(),
  /** Whether the backup itself parses and validates; only good backups are offered for restore. */
  valid: z.boolean().optional(),
  /** Encrypted with the workspace's passphrase (.aenc). */
  encrypted: z.boolean().optional(),
});
export type BackupInfo = z.infer<typeof BackupInfo>;

/** Why a workspace cannot open: tampered = an encrypted file that does not authenticate; journal = the change log beside it is broken. */
export const DamageKind = z.enum(['unreadable', 'notJson', 'invalidSchema', 'tooNew', 'tampered', 'journal']);
export type DamageKind = z.infer<typeof DamageKind>;

export const WorkspaceStatus = z.object({
  /** locked: encrypted and waiting for the passphrase (at start, or the app lock). */
  state: z.enum(['new', 'ready', 'damaged', 'locked']),
  /** Protected by a passphrase: everything on disk is encrypted. */
  encrypted: z.boolean(),
  dataDir: z.string(),
  databasePath: z.string(),
  schemaVersion: z.number().int(),
  problem: z.object({ kind: DamageKind, detail: z.string() }).optional(),
  backups: z.array(BackupInfo),
  /** Which shell serves the app; the renderer shows shell-specific hints (menu vs. download). */
  shell: z.enum(['electron', 'web']),
  /**
   * "Remember on this device": available where the OS keychain can seal the key (Electron; never the
   * web host), and whether this workspace's key is remembered here now.
   */
  device: z.object({ canRemember: z.boolean(), remembered: z.boolean() }),
});
export type WorkspaceStatus = z.infer<typeof WorkspaceStatus>;

export const Passphrase = z
  .string().min(8, { message: 'validation.passphraseTooShort' }).max(1024);

export const InitializeInput = z.object({ sample: z.boolean(), passphrase: Passphrase.optional() });
/** `remember`: keep the key sealed by this device's keychain so the workspace opens without asking (Electron only). */
export const UnlockInput = z.object({ passphrase: z.string().min(1).max(1024), remember: z.boolean().optional() });
/** Set (current null), change, or remove (next null) the passphrase. */
export const SetPassphraseInput = z.object({ current: z.string().max(1024).nullable(), next: Passphrase.nullable() });
export const BackupsInput = z.object({ verify: z.boolean().default(false) });
/** `passphrase`: for an encrypted backup when the workspace itself has no key yet (its database is missing). */
export const RestoreBackupInput = z.object({ file: BackupInfo.shape.file, passphrase: z.string().min(1).max(1024).optional() });

export const UndoToken = z.object({ undoId: Id });
export type UndoToken = z.infer<typeof UndoToken>;
