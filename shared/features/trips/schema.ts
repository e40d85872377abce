import { z } from 'zod';
import { CountryCode, Id, IsoDate, RecordMeta, Topic, uniqueList, patchOf } from '../../schemas/common';
import { RichDoc } from '../../schemas/richtext';
import { text } from '../../schemas/text';
import { MAX_FILTER_VALUES } from '../../schemas/list';
import { Classification } from '../../schemas/classification';

export const memberRoles = ['head', 'member', 'noteTaker', 'interpreter'] as const;
export const MemberRole = z.enum(memberRoles);

/** A time-zone name from the IANA database ("Africa/Nairobi"), as the JavaScript runtime knows them. */
export const TimeZone = z
  .string()
  .max(64)
  .refine(
    (tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    },
    { message: 'validation.timeZone' },
  );

/** "HH:MM", 24-hour clock, local to the item's time zone. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'validation.time' });

/** A delegation member: a person from the contacts, or internal staff by name. */
export const Member = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contact'), contactId: Id, role: MemberRole }),
  z.object({ kind: z.literal('staff'), name: text(150).min(1, { message: 'validation.required' }), function: text(150).default(''), role: MemberRole }),
]);
export type Member = z.infer<typeof Member>;

export const Destination = z.object({ country: CountryCode, city: text(120).default('') });

export const bookSections = [
  'cover',
  'contents',
  'delegation',
  'itinerary',
  'meetings',
  'countryProfile',
  'strategyExcerpts',
  'caseSummaries',
  'contactSheet',
  'notesPages',
] as const;
export const BookSection = z.enum(bookSections);
export type BookSection = z.infer<typeof BookSection>;
export const audiences = ['delegation', 'external'] as const;
export const Audience = z.enum(audiences);
export type Audience = z.infer<typeof Audience>;

export const TripFieldsShape = z.object({
  title: text(200).min(1, { message: 'validation.required' }),
  purpose: text(5000).default(''),
  destinations: z.array(Destination).min(1, { message: 'validation.destinationRequired' }).max(20),
  startDate: IsoDate,
  endDate: IsoDate,
  timeZones: uniqueList(TimeZone, 6).pipe(z.array(z.string()).min(1, { message: 'validation.timeZoneRequired' })),
  classification: Classification.default('internal'),
  language: z.enum(['en', 'de']).default('en'),
  members: z.array(Member).max(60).default([]),
  caseIds: z.array(Id).max(100).default([]),
  noteIds: z.array(Id).max(100).default([]),
  topics: uniqueList(Topic, 20).default([]),
  /** The composer's last choice, so the next export starts from it. */
  book: z
    .object({ sections: z.array(BookSection).max(bookSections.length), audience: Audience })
    .default({ sections: [...bookSections.filter((s) => s !== 'notesPages')], audience: 'delegation' }),
});

export function checkTripDates(t: { startDate?: string; endDate?: string }, ctx: z.RefinementCtx) {
  if (t.startDate && t.endDate && t.endDate < t.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'validation.endBeforeStart' });
}
export const TripFields = TripFieldsShape.superRefine(checkTripDates);
export type TripFields = z.output<typeof TripFields>;
export const TripRecord = RecordMeta.extend(TripFieldsShape.shape).superRefine(checkTripDates);
export type TripRecord = z.infer<typeof TripRecord>;
export const TripUpdateInput = z.object({ id: Id, revision: z.number().int().min(1), changes: patchOf(TripFieldsShape) });

export const agendaKinds = ['meeting', 'siteVisit', 'reception', 'travel', 'internal'] as const;
export const AgendaKind = z.enum(agendaKinds);
export type AgendaKind = z.infer<typeof AgendaKind>;

export const FollowUp = z.object({
  title: text(300).min(1, { message: 'validation.required' }),
  dueOn: IsoDate.nullable().default(null),
  assignee: text(120).default(''),
  /** The case the task goes to; without one it goes to the item's first linked case. */
  caseId: Id.nullable().default(null),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const Debrief = z.object({
  agreed: text(20_000).default(''),
  followUps: z.array(FollowUp).max(50).default([]),
  recordedOn: IsoDate,
});
export type Debrief = z.infer<typeof Debrief>;

export const AgendaItemFieldsShape = z.object({
  tripId: Id,
  title: text(200).min(1, { message: 'validation.required' }),
  kind: AgendaKind.default('meeting'),
  date: IsoDate,
  start: LocalTime,
  end: LocalTime,
  /** Local times are in this zone (one of the trip's). */
  timeZone: TimeZone,
  place: text(300).default(''),
  organisationId: Id.nullable().default(null),
  counterpartIds: z.array(Id).max(50).default([]),
  objectives: text(5000).default(''),
  talkingPoints: RichDoc.default({ type: 'doc', content: [{ type: 'paragraph' }] }),
  /** Internal preparation: never printed in the external edition. */
  preparation: text(10_000).default(''),
  caseIds: z.array(Id).max(50).default([]),
  debrief: Debrief.nullable().default(null),
});
export function checkAgendaTimes(a: { start?: string; end?: string }, ctx: z.RefinementCtx) {
  if (a.start && a.end && a.end <= a.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'validation.endNotAfterStart' });
}
export const AgendaItemFields = AgendaItemFieldsShape.superRefine(checkAgendaTimes);
export type AgendaItemFields = z.output<typeof AgendaItemFields>;
export const AgendaItemRecord = RecordMeta.extend(AgendaItemFieldsShape.shape).superRefine(checkAgendaTimes);
export type AgendaItemRecord = z.infer<typeof AgendaItemRecord>;
export const AgendaItemUpdateInput = z.object({
  id: Id,
  revision: z.number().int().min(1),
  changes: patchOf(AgendaItemFieldsShape.omit({ tripId: true, debrief: true })),
});

export const DebriefInput = z.object({
  agendaItemId: Id,
  revision: z.number().int().min(1),
  agreed: text(20_000).default(''),
  followUps: z.array(FollowUp).max(50).default([]),
});

export const tripPhases = ['upcoming', 'ongoing', 'past'] as const;
export const TripPhase = z.enum(tripPhases);
export type TripPhase = z.infer<typeof TripPhase>;
export const tripSortKeys = ['startDate', 'title', 'updatedAt'] as const;
export const TripListFilter = z.object({
  text: z.string().max(200).default(''),
  phases: z.array(TripPhase).max(MAX_FILTER_VALUES).default([]),
  countries: z.array(CountryCode).max(MAX_FILTER_VALUES).default([]),
  /** Trips with an agenda item at an organisation in one of these groups. */
  groups: z.array(Id).max(MAX_FILTER_VALUES).default([]),
});
export const TripListItem = z.object({
  id: Id,
  revision: z.number().int(),
  title: z.string(),
  startDate: IsoDate,
  endDate: IsoDate,
  destinations: z.array(Destination),
  classification: Classification,
  phase: TripPhase,
  head: z.string().nullable(),
  meetings: z.number().int(),
  updatedAt: z.string(),
});
export type TripListItem = z.infer<typeof TripListItem>;

export const AgendaWarning = z.discriminatedUnion('kind', [
  z.object({ itemId: Id, kind: z.literal('overlap'), withId: Id }),
  z.object({ itemId: Id, kind: z.literal('outsideTrip') }),
]);

export const BookRequest = z.object({
  tripId: Id,
  audience: Audience,
  sections: z.array(BookSection).min(1, { message: 'validation.sectionRequired' }).max(bookSections.length),
});
export type BookRequest = z.infer<typeof BookRequest>;

export const BookOutline = z.object({
  title: z.string(),
  classification: Classification,
  language: z.enum(['en', 'de']),
  sections: z.array(z.object({ kind: BookSection, title: z.string(), entries: z.array(z.string()) })),
  /** Sections the chosen audience does not get, with the reason. */
  omitted: z.array(z.object({ kind: BookSection, reason: z.enum(['internalOnly', 'empty']) })),
});
export type BookOutline = z.infer<typeof BookOutline>;
