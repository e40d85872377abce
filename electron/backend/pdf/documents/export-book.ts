import type { BookRequest } from '../../../../shared/features/trips/schema';
import type { ExportedFile } from '../../platform';
import { type ServiceContext, localDate } from '../../records/context';
import { findOrThrow } from '../../records/records';
import { renderPdf } from '../render';
import { buildBriefingBook } from './briefing-book';
import { safeFileName } from './case-briefing';

export function bookOutline(ctx: ServiceContext, req: BookRequest) {
  const trip = findOrThrow(ctx.store.db.trips, req.tripId, 'trip');
  return buildBriefingBook(ctx.store.db, trip, { audience: req.audience, sections: req.sections, generatedAt: ctx.now(), today: localDate(ctx.now()) }).outline;
}

/** Builds the model from the records as they are now, then lays it out, reporting progress. */
export async function exportBook(ctx: ServiceContext, req: BookRequest, progress: (fraction: number) => void): Promise<ExportedFile> {
  const trip = findOrThrow(ctx.store.db.trips, req.tripId, 'trip');
  const { model } = buildBriefingBook(ctx.store.db, trip, { audience: req.audience, sections: req.sections, generatedAt: ctx.now(), today: localDate(ctx.now()) });
  progress(0.05);
  const { bytes } = await renderPdf(model, { onProgress: (done, total) => progress(0.05 + (0.9 * done) / Math.max(1, total)) });
  const suffix = req.audience === 'external' ? 'partners' : 'delegation';
  return { fileName: `${safeFileName(trip.title) || 'briefing-book'}-${suffix}.pdf`, mime: 'application/pdf', bytes };
}
