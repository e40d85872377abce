import { z } from 'zod';
import { Id } from './common';

export const ExportRequest = z.object({
  id: Id,
  language: z.enum(['en', 'de']),
});
export type ExportRequest = z.infer<typeof ExportRequest>;

/**
 * How an exported file reached the user: Electron saves it where the user chose (and opens it);
 * the web host hands the bytes back for a browser download.
 */
export const ExportResult = z.discriminatedUnion('delivery', [
  z.object({ delivery: z.literal('saved'), fileName: z.string(), path: z.string() }),
  z.object({ delivery: z.literal('download'), fileName: z.string(), mime: z.string(), base64: z.string() }),
  z.object({ delivery: z.literal('cancelled'), fileName: z.string() }),
]);
export type ExportResult = z.infer<typeof ExportResult>;
