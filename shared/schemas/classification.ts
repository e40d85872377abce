/**
 * The need-to-know marking that trips, cases and strategy notes carry (and every PDF prints in its
 * running header): one list, so the editors, the filters, the exports and the team sync that keeps
 * confidential records on the machine all mean the same three levels. Its labels are the briefing
 * book's (`book.classification.*`).
 */
import { z } from 'zod';

export const classifications = ['public', 'internal', 'confidential'] as const;
export const Classification = z.enum(classifications);
export type Classification = z.infer<typeof Classification>;

/** The stricter of two markings (a document that prints a confidential record is confidential). */
export function stricterClassification(a: Classification, b: Classification): Classification {
  return classifications.indexOf(a) >= classifications.indexOf(b) ? a : b;
}
