/**
 * The team service: the channel of the `team.*` operations (Settings → Team, the sidebar's sync
 * status, the Conflicts screen, who changed a record). The replication itself lives in ./sync.ts.
 * (Skeleton while the sync engine is written: unlinked workspaces only.)
 */
import type { ServiceOf } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { TeamStatus } from '../../../../shared/features/team/schema';
import type { ServiceContext } from '../../records/context';

const offStatus = (): TeamStatus => ({
  state: 'off', url: null, database: null, user: null, share: [], passwordKept: null, pending: 0, progress: null,
  lastSyncedAt: null, offlineSince: null, error: null, conflicts: 0, held: 0, applied: 0,
});

export function createTeamService(_ctx: ServiceContext) {
  const notYet = (): never => {
    throw new AppError('INTERNAL', 'Team sync is not built yet.', { messageKey: { key: 'team.errors.unavailable' } });
  };
  return {
    status: () => offStatus(),
    test: notYet,
    connect: notYet,
    share: notYet,
    unlock: notYet,
    disconnect: () => offStatus(),
    syncNow: () => offStatus(),
    conflicts: () => [],
    conflict: notYet,
    resolve: notYet,
    held: () => [],
    record: () => ({ last: null, localOnly: false, conflict: false, history: [] }),
  } satisfies ServiceOf<'team'>;
}
