import type { ServiceOf } from '../../../../shared/contract';
import type { WorkspaceStatus } from '../../../../shared/features/workspace/schema';
import { emptyDatabase } from '../../../../shared/schemas/database';
import { SCHEMA_VERSION } from '../../../../shared/schemas/database';
import type { ServiceContext } from '../../records/context';
import { buildSampleDatabase } from '../../sample';
import { applyErasures, unionRegisters } from '../../records/erasure';
import { readErasureRegister } from '../../records/erasure-register';

export function createWorkspaceService(ctx: ServiceContext, shell: 'electron' | 'web') {
  const { store } = ctx;

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
    async unlock({ passphrase }): Promise<WorkspaceStatus> {
      await store.unlock(passphrase);
      return status();
    },
    async lock(): Promise<WorkspaceStatus> {
      await store.lock();
      return status();
    },
    async setPassphrase({ current, next }): Promise<WorkspaceStatus> {
      await store.setPassphrase(current, next);
      return status();
    },
    async backupNow(): Promise<WorkspaceStatus> {
      await store.backupNow('manual');
      return status();
    },
  } satisfies ServiceOf<'workspace'>;
}
