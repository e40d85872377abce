/**
 * The briefing book of a trip: its outline for the dialog, and the export, which runs as a job
 * (jobs.status) because a fifty-page book takes a while.
 */
import type { ServiceOf } from '../../../../shared/contract';
import { bookOutline, exportBook } from '../../pdf/documents/export-book';
import type { Platform } from '../../platform';
import type { ServiceContext } from '../../records/context';
import { findOrThrow } from '../../records/records';
import type { Jobs } from '../workspace/jobs';

export function createBookService(ctx: ServiceContext, platform: Platform, jobs: Jobs) {
  return {
    outline: (input) => bookOutline(ctx, input),

    export(input) {
      findOrThrow(ctx.store.db.trips, input.tripId, 'trip'); // unknown trips fail now, not inside the job
      return jobs.start(async (progress) => platform.deliverFile(await exportBook(ctx, input, progress)));
    },
  } satisfies ServiceOf<'book'>;
}
