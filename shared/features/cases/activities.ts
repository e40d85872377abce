import { z } from 'zod';
import { Id, IsoDate, RecordMeta, patchOf } from '../../schemas/common';
import { text } from '../../schemas/text';

export const activityKinds = ['meeting', 'call', 'email', 'note', 'visit'] as const;
export const ActivityKind = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof ActivityKind>;

/** Where an activity came from when the app wrote it (a trip debrief), so writing it twice is a no-op. */
export const ActivitySource = z.object({ kind: z.literal('debrief'), tripId: Id, agendaItemId: Id });

export const ActivityFields = z.object({
  kind: ActivityKind.default('meeting'),
  date: IsoDate,
  title: text(200).default(''),
  text: text(20_000).default(''),
  caseId: Id.nullable().default(null),
  participantIds: z.array(Id).max(200).default([]),
  source: ActivitySource.nullable().default(null),
});
export type ActivityFields = z.output<typeof ActivityFields>;
export const ActivityRecord = RecordMeta.extend(ActivityFields.shape);
export type ActivityRecord = z.infer<typeof ActivityRecord>;
export const ActivityCreateInput = ActivityFields.omit({ source: true });
export const ActivityUpdateInput = z.object({ id: Id, revision: z.number().int().min(1), changes: patchOf(ActivityFields.omit({ source: true })) });
