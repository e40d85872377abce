import type { ServiceOf } from '../../../../shared/contract';
import type { WorkspaceStatus } from '../../../../shared/features/workspace/schema';
import { emptyDatabase } from '../../../../shared/schemas/database';
import { SCHEMA_VERSION } from '../../../../shared/schemas/database';
import type { ServiceContext } from '../../records/context';
import { buildSampleDatabase } from '../../sample';

export function createWorkspaceService(ctx: ServiceContext, shell: 'electron' | 'web') {
  const { store } = ctx;

  async function status(): Promise<WorkspaceStatus> {
    const damaged = store.state === 'damaged';
    return {
      state: store.state,
      dataDir: store.dataDir,
      databasePath: store.databasePath,
      schemaVersion: SCHEMA_VERSION,
      ...(store.problem ? { problem: store.problem } : {}),
      // Only a damaged workspace needs each backup verified; elsewhere listing stays cheap.
      backups: await store.listBackups(damaged),
      shell,
    };
  }

  return {
    status,
    async initialize({ sample }): Promise<WorkspaceStatus> {
      await store.initialize(sample ? buildSampleDatabase(ctx) : emptyDatabase());
      return status();
    },
    async restoreBackup({ file }): Promise<WorkspaceStatus> {
      await store.restoreBackup(file);
      return status();
    },
    async backupNow(): Promise<WorkspaceStatus> {
      await store.backupNow('manual');
      return status();
    },
  } satisfies ServiceOf<'workspace'>;
}
