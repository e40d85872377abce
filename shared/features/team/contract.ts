/**
 * The team slice of the contract: the link to a CouchDB team database (Settings → Team), the sync
 * status the sidebar shows, the Conflicts screen, and who changed a record.
 */
import { z } from 'zod';
import { op, type Operation } from '../../contract/define';
import { ConflictDetail, ConflictSummary, HeldDocument, RecordTeamInfo, ResolveInput, TeamConnectInput, TeamRecordRef, TeamStatus, TeamTestResult } from './schema';

const Nothing = z.object({}).strict();

export const teamContract = {
  /** Where sync stands: the sidebar polls it. */
  'team.status': op(Nothing, TeamStatus),
  /** Tries the address, database and credentials without linking anything. */
  'team.test': op(TeamConnectInput, TeamTestResult),
  /** Links the workspace and starts the first sync (a backup of the workspace comes first). */
  'team.connect': op(TeamConnectInput, TeamStatus),
  /** Changes what is shared (the link stays). */
  'team.share': op(z.object({ share: TeamConnectInput.shape.share }), TeamStatus),
  /** The password again, after a restart where it could only be kept for the session. */
  'team.unlock': op(z.object({ password: TeamConnectInput.shape.password }), TeamStatus),
  /** Unlinks: sync stops, the local records stay as they are. */
  'team.disconnect': op(Nothing, TeamStatus),
  'team.syncNow': op(Nothing, TeamStatus),
  'team.conflicts': op(Nothing, z.array(ConflictSummary).max(10_000)),
  'team.conflict': op(TeamRecordRef, ConflictDetail),
  /** Keeps, per field, the chosen version's value; the other versions are closed on every copy. */
  'team.resolve': op(ResolveInput, TeamStatus),
  'team.held': op(Nothing, z.array(HeldDocument).max(10_000)),
  /** Who changed a record last, and the team's history of it. */
  'team.record': op(TeamRecordRef, RecordTeamInfo),
} as const satisfies Record<string, Operation>;
