import type { ServiceOf } from '../../../../shared/contract';
import type { WorkspaceStatus } from '../../../../shared/features/workspace/schema';
import { emptyDatabase } from '../../../../shared/schemas/database';
import { SCHEMA_VERSION } from '../../../../shared/schemas/database';
import { teamHostOf } from '../team/team';
import type { ServiceContext } from '../../records/context';
import { buildSampleDatabase } from '../../sample';
import { applyErasures, unionRegisters } from '../../records/erasure';
import { readErasureRegister } from '../../records/erasure-register';
import { AppError } from '../../../../shared/errors';
import { forgetDataKey, isRemembered, rememberDataKey, type DeviceVault } from '../../store/device-key';

export function createWorkspaceService(ctx: ServiceContext, shell: 'electron' | 'web', vault?: DeviceVault) {
  const { store } = ctx;

  const cannotRemember = () =>
    new AppError('FORBIDDEN', 'This shell cannot remember the key on this device.', { messageKey: { key: 'security.errors.cannotRemember' } });

  /** Seals the open workspace's key with this device's keychain (see store/device-key.ts). */
  async function remember(): Promise<void> {
    const key = store.dataKey();
    if (!vault) throw cannotRemember();
    if (!key) throw new AppError('VALIDATION', 'Only an open workspace with a passphrase can be remembered on this device.', { messageKey: { key: 'security.errors.nothingToRemember' } });
    await rememberDataKey(store.dataDir, vault, key);
  }

  async function status(): Promise<WorkspaceStatus> {
    // A damaged or missing database needs each backup verified (only good ones are offered); elsewhere listing stays cheap.
    const verify = store.state === 'damaged' || store.state === 'new';
    return {
      state: store.state,
      encrypted: store.encrypted,
      dataDir: store.dataDir,
      databasePath: store.databasePath,
      schemaVersion: SCHEMA_VERSION,
      ...(store.problem ? { problem: store.problem } : {}),
      backups: store.state === 'locked' ? [] : await store.listBackups(verify),
      shell,
      device: { canRemember: vault !== undefined, remembered: store.encrypted && (await isRemembered(store.dataDir)) },
    };
  }

  return {
    status,
    async initialize({ sample, passphrase }): Promise<WorkspaceStatus> {
      await store.initialize(sample ? buildSampleDatabase(ctx) : emptyDatabase(), passphrase);
      return status();
    },
    async restoreBackup({ file, passphrase }): Promise<WorkspaceStatus> {
      // An erased person never comes back: the register beside the database (and the current
      // database's own, when it is readable) is applied to whatever the backup holds.
      const sidecar = await readErasureRegister(store.dataDir);
      const current = store.state === 'ready' ? store.db.erasures : [];
      await store.restoreBackup(file, (db) => applyErasures(db, unionRegisters(db.erasures, current, sidecar.erasures), ctx.now()), passphrase);
      return status();
    },
    backups: ({ verify }) => store.listBackups(verify),
    async unlock({ passphrase, remember: keep }): Promise<WorkspaceStatus> {
      if (keep && !vault) throw cannotRemember(); // refused before anything changes
      await store.unlock(passphrase);
      if (keep) await remember();
      return status();
    },
    async rememberOnDevice({ remember: keep }): Promise<WorkspaceStatus> {
      if (keep) await remember();
      else await forgetDataKey(store.dataDir);
      return status();
    },
    async lock(): Promise<WorkspaceStatus> {
      await store.lock();
      return status();
    },
    async setPassphrase({ current, next }): Promise<WorkspaceStatus> {
      if (next === null && current !== null) {
        await store.verifyPassphrase(current);
        await teamHostOf(ctx).beforePassphraseRemoved();
      }
      await store.setPassphrase(current, next);
      // Without a passphrase there is no key to remember; a changed passphrase keeps the same key.
      if (next === null) await forgetDataKey(store.dataDir);
      return status();
    },
    async backupNow(): Promise<WorkspaceStatus> {
      await store.backupNow('manual');
      return status();
    },
  } satisfies ServiceOf<'workspace'>;
}
