/**
 * The backend's channel: one service per contract namespace, whose methods are the operations.
 * Dispatch calls `services[ns][method]`; the `Services` type makes a contract entry without a
 * method, or a method without a contract entry, a type error.
 */
import type { Services } from '../../../shared/contract';
import type { Platform } from '../platform';
import type { ServiceContext } from '../records/context';
import { createArchiveService } from './archive/archive';
import { createActivityService } from './cases/activities';
import { createCaseService } from './cases/cases';
import { createTaskService } from './cases/tasks';
import { createCooperationService } from './cooperations/cooperations';
import { createContactService } from './contacts/contacts';
import { createPositionService } from './contacts/positions';
import { createCountryService } from './countries/countries';
import { createDashboardService } from './dashboard/dashboard';
import { createImportService } from './imports/imports';
import { createExportService } from './exports/exports';
import { createFirstScreenKeeper, createFirstScreenService, type FirstScreenKeeper } from './firstScreen/firstScreen';
import { createGroupService } from './groups/groups';
import { createMatchmakingService } from './matchmaking/matchmaking';
import { createNoteService } from './notes/notes';
import { createOrganisationService } from './organisations/organisations';
import { createProgrammeService } from './programmes/programmes';
import { createPriorityService } from './priorities/priorities';
import { createReminderService } from './reminders/reminders';
import { createMyWorkService } from './myWork/myWork';
import { createSearchService } from './search/search';
import { createAgendaService } from './trips/agenda';
import { createBookService } from './trips/book';
import { createTeamService } from './team/team';
import { createTripService } from './trips/trips';
import { createViewService } from './views/views';
import type { ReaderOptions } from './imports/reader';
import { createJobService, createJobs } from './workspace/jobs';
import { createSettingsService } from './workspace/settings';
import { createUndoService } from './workspace/undo';
import { createStaging } from './workspace/uploads';
import { createWorkspaceService } from './workspace/workspace';

export function createServices(ctx: ServiceContext, platform: Platform, opts: { reader?: ReaderOptions; firstScreen?: FirstScreenKeeper } = {}): Services {
  const jobs = createJobs(ctx);
  const staging = createStaging(ctx);
  const cases = createCaseService(ctx, platform);
  const organisations = createOrganisationService(ctx);
  const contacts = createContactService(ctx);
  const notes = createNoteService(ctx);
  const workspace = createWorkspaceService(ctx, platform.shell, platform.deviceVault);
  const trips = createTripService(ctx, platform);
  const cooperations = createCooperationService(ctx);
  const programmes = createProgrammeService(ctx);
  return {
    workspace,
    settings: createSettingsService(ctx),
    undo: createUndoService(ctx),
    jobs: createJobService(jobs),
    cases,
    tasks: createTaskService(ctx),
    activities: createActivityService(ctx),
    organisations,
    contacts,
    positions: createPositionService(ctx),
    notes,
    views: createViewService(ctx),
    countries: createCountryService(ctx),
    dashboard: createDashboardService(ctx),
    trips,
    agenda: createAgendaService(ctx),
    book: createBookService(ctx, platform, jobs),
    cooperations,
    programmes,
    groups: createGroupService(ctx, { organisations, contacts, cooperations, cases, trips }),
    priorities: createPriorityService(ctx),
    reminders: createReminderService(ctx),
    myWork: createMyWorkService(ctx),
    search: createSearchService(ctx, { cases, contacts, organisations, notes, cooperations, programmes }),
    imports: createImportService(ctx, platform, jobs, staging, opts.reader),
    archive: createArchiveService(ctx, platform, () => workspace.status(), staging, jobs),
    matchmaking: createMatchmakingService(ctx, platform, jobs),
    team: createTeamService(ctx, platform),
    firstScreen: createFirstScreenService(opts.firstScreen ?? createFirstScreenKeeper(ctx.store)),
    exports: createExportService(ctx, platform, jobs, { cases, organisations, contacts, notes, trips }, cooperations),
  };
}
