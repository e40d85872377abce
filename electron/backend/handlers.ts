import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { WorkspaceStatus } from '../../shared/schemas/workspace';
import type { Platform } from './platform';
import { createCaseService } from './services/cases';
import type { ServiceContext } from './services/context';
import { createSettingsService } from './services/settings';
import { createUndoService } from './services/trash';
import { createWorkspaceService } from './services/workspace';
import { exportCaseBriefing } from './pdf/documents/case-briefing';

export type Handlers = {
  [N in OperationName]: (input: ParsedInputOf<N>) => Promise<OutputOf<N>> | OutputOf<N>;
};

/** One handler per contract entry; the `satisfies` makes a missing or extra entry a type error. */
export function createHandlers(ctx: ServiceContext, platform: Platform) {
  const cases = createCaseService(ctx);
  const workspace = createWorkspaceService(ctx, platform.shell);
  const settings = createSettingsService(ctx);
  const undo = createUndoService(ctx);
  const status = (): Promise<WorkspaceStatus> => workspace.status();

  return {
    'workspace.status': () => status(),
    'workspace.initialize': (input) => workspace.initialize(input.sample),
    'workspace.restoreBackup': (input) => workspace.restoreBackup(input.file),
    'workspace.backupNow': () => workspace.backupNow(),

    'settings.get': () => settings.get(),
    'settings.update': (input) => settings.update(input),

    'cases.list': (input) => cases.list(input),
    'cases.get': (input) => cases.get(input.id),
    'cases.create': (input) => cases.create(input),
    'cases.update': (input) => cases.update(input),
    'cases.delete': (input) => cases.remove(input.id, input.revision),
    'cases.vocabulary': () => cases.vocabulary(),
    'cases.nextReference': (input) => ({ reference: cases.nextReference(input.openedOn) }),
    'cases.exportBriefing': async (input) => platform.deliverFile(await exportCaseBriefing(ctx, input)),

    'undo.apply': (input) => undo.apply(input.undoId),
  } satisfies Handlers;
}
