import type { OperationName, OutputOf, ParsedInputOf } from '../../shared/contract';
import { exportCaseBriefing } from './pdf/documents/case-briefing';
import type { Platform } from './platform';
import { createActivityService } from './services/cases/activities';
import { createCaseService } from './services/cases/cases';
import { createContactService } from './services/contacts/contacts';
import type { ServiceContext } from './records/context';
import { createCountryService } from './services/countries/countries';
import { createNoteService } from './services/notes/notes';
import { createOrganisationService } from './services/organisations/organisations';
import { createSearchService } from './services/search/search';
import { createSettingsService } from './services/workspace/settings';
import { createTaskService } from './services/cases/tasks';
import { createUndoService } from './services/workspace/undo';
import { createViewService } from './services/views/views';
import { createTripService } from './services/trips/trips';
import { createJobService } from './services/workspace/jobs';
import { tripCalendar } from './services/trips/calendar';
import { bookOutline, exportBook } from './pdf/documents/export-book';
import { warmBookAssets } from './pdf/documents/briefing-book';
import { createWorkspaceService } from './services/workspace/workspace';
import { screenMap } from './services/countries/world-map';
import { tripMentions } from './services/trips/mentions';

export type Handlers = {
  [N in OperationName]: (input: ParsedInputOf<N>) => Promise<OutputOf<N>> | OutputOf<N>;
};

/** One handler per contract entry; the `satisfies` makes a missing or extra entry a type error. */
export function createHandlers(ctx: ServiceContext, platform: Platform) {
  const workspace = createWorkspaceService(ctx, platform.shell);
  const settings = createSettingsService(ctx);
  const cases = createCaseService(ctx);
  const tasks = createTaskService(ctx);
  const activities = createActivityService(ctx);
  const organisations = createOrganisationService(ctx);
  const contacts = createContactService(ctx);
  const notes = createNoteService(ctx);
  const views = createViewService(ctx);
  const countries = createCountryService(ctx);
  const search = createSearchService(ctx);
  const undo = createUndoService(ctx);
  const trips = createTripService(ctx);
  const jobs = createJobService(ctx);

  return {
    'workspace.status': () => workspace.status(),
    'workspace.initialize': (input) => workspace.initialize(input.sample),
    'workspace.restoreBackup': (input) => workspace.restoreBackup(input.file),
    'workspace.backupNow': () => workspace.backupNow(),

    'settings.get': () => settings.get(),
    'settings.update': (input) => settings.update(input),

    'cases.list': (input) => cases.list(input),
    'cases.get': (input) => cases.get(input.id),
    'cases.related': (input) => cases.related(input.id),
    'cases.create': (input) => cases.create(input),
    'cases.update': (input) => cases.update(input),
    'cases.deleteImpact': (input) => cases.deleteImpact(input.id),
    'cases.delete': (input) => cases.remove(input.id, input.revision),
    'cases.vocabulary': () => cases.vocabulary(),
    'cases.nextReference': (input) => ({ reference: cases.nextReference(input.openedOn) }),
    'cases.exportBriefing': async (input) => platform.deliverFile(await exportCaseBriefing(ctx, input)),

    'tasks.list': (input) => tasks.list(input),
    'tasks.create': (input) => tasks.create(input),
    'tasks.update': (input) => tasks.update(input),
    'tasks.delete': (input) => tasks.remove(input.id, input.revision),

    'activities.list': (input) => activities.list(input),
    'activities.create': (input) => activities.create(input),
    'activities.update': (input) => activities.update(input),
    'activities.delete': (input) => activities.remove(input.id, input.revision),

    'organisations.list': (input) => organisations.list(input),
    'organisations.get': (input) => organisations.get(input.id),
    'organisations.related': (input) => organisations.related(input.id),
    'organisations.lookup': (input) => organisations.lookup(input),
    'organisations.create': (input) => organisations.create(input),
    'organisations.update': (input) => organisations.update(input),
    'organisations.deleteImpact': (input) => organisations.deleteImpact(input.id),
    'organisations.delete': (input) => organisations.remove(input.id, input.revision),

    'contacts.list': (input) => contacts.list(input),
    'contacts.get': (input) => contacts.get(input.id),
    'contacts.related': (input) => contacts.related(input.id),
    'contacts.lookup': (input) => contacts.lookup(input),
    'contacts.create': (input) => contacts.create(input),
    'contacts.update': (input) => contacts.update(input),
    'contacts.deleteImpact': (input) => contacts.deleteImpact(input.id),
    'contacts.delete': (input) => contacts.remove(input.id, input.revision),

    'positions.create': (input) => contacts.createPosition(input),
    'positions.update': (input) => contacts.updatePosition(input),
    'positions.handOver': (input) => contacts.handOver(input),
    'positions.delete': (input) => contacts.removePosition(input.id, input.revision),

    'notes.list': (input) => notes.list(input),
    'notes.get': (input) => notes.get(input.id),
    'notes.create': (input) => notes.create(input),
    'notes.update': (input) => notes.update(input),
    'notes.deleteImpact': (input) => {
      const n = notes.get(input.id);
      return { label: n.title, removes: [], unlinks: [] };
    },
    'notes.delete': (input) => notes.remove(input.id, input.revision),
    'notes.revisions': (input) => notes.revisions(input.id),
    'notes.revision': (input) => notes.revision(input.id),
    'notes.restoreRevision': (input) => notes.restoreRevision(input),

    'views.list': (input) => views.list(input.list),
    'views.create': (input) => views.create(input),
    'views.update': (input) => views.update(input),
    'views.delete': (input) => views.remove(input.id),

    'countries.overview': () => countries.overview(),
    'countries.detail': (input) => countries.detail(input.code),
    'countries.map': (input) => screenMap(input.code),

    'trips.list': (input) => trips.list(input),
    'trips.get': (input) => trips.get(input.id),
    'trips.mentions': (input) => tripMentions(ctx.store.db, input.kind, input.id),
    'trips.related': (input) => {
      warmBookAssets();
      return trips.related(input.id);
    },
    'trips.create': (input) => trips.create(input),
    'trips.update': (input) => trips.update(input),
    'trips.deleteImpact': (input) => trips.deleteImpact(input.id),
    'trips.delete': (input) => trips.remove(input.id, input.revision),
    'trips.exportCalendar': (input) => platform.deliverFile(tripCalendar(ctx, input.id)),

    'agenda.create': (input) => trips.createItem(input),
    'agenda.update': (input) => trips.updateItem(input),
    'agenda.deleteImpact': (input) => trips.itemDeleteImpact(input.id),
    'agenda.delete': (input) => trips.removeItem(input.id, input.revision),
    'agenda.debrief': (input) => trips.saveDebrief(input),

    'book.outline': (input) => bookOutline(ctx, input),
    'book.export': (input) => {
      trips.get(input.tripId); // unknown trips fail now, not inside the job
      return jobs.start(async (progress) => platform.deliverFile(await exportBook(ctx, input, progress)));
    },
    'jobs.status': (input) => jobs.status(input.jobId),

    'search.global': (input) => search.global(input),

    'undo.apply': (input) => undo.apply(input.undoId),
  } satisfies Handlers;
}
