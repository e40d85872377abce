import { z } from 'zod';
import { CountryCode, Id, IsoDate, RecordMeta, RegionCode, Topic, uniqueList, patchOf } from '../../schemas/common';
import { text } from '../../schemas/text';
import { IdFilter, MAX_FILTER_VALUES } from '../../schemas/list';

export const phoneKinds = ['work', 'mobile', 'private', 'other'] as const;
export const emailKinds = ['work', 'private', 'other'] as const;

export const Email = z.object({
  address: z.string().trim().max(254).pipe(z.email({ message: 'validation.email' })),
  kind: z.enum(emailKinds).default('work'),
});
export const Phone = z.object({
  number: z
    .string()
    .trim()
    .max(40, { message: 'validation.tooBig|max=40' })
    .regex(/^\+?[0-9 ()./-]{3,}$/, { message: 'validation.phone' }),
  /** "private" numbers never leave the organisation: the external briefing book omits them. */
  kind: z.enum(phoneKinds).default('work'),
});
export type Email = z.infer<typeof Email>;
export type Phone = z.infer<typeof Phone>;

/** ISO 639 language codes ("de", "sw", "fil"); names come from Intl.DisplayNames. */
export const LanguageCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}$/, { message: 'validation.languageCode' });

export const lawfulBases = ['consent', 'contract', 'legalObligation', 'vitalInterests', 'publicTask', 'legitimateInterests'] as const;

/** GDPR art. 6: why we may keep this person's data, where it came from, and when to look again. */
export const Gdpr = z
  .object({
    lawfulBasis: z.enum(lawfulBases).default('legitimateInterests'),
    source: text(300).default(''),
    consentOn: IsoDate.nullable().default(null),
    reviewOn: IsoDate.nullable().default(null),
  })
  .superRefine((g, ctx) => {
    if (g.lawfulBasis === 'consent' && !g.consentOn) {
      ctx.addIssue({ code: 'custom', path: ['consentOn'], message: 'validation.consentDateRequired' });
    }
  });

export const ContactFieldsShape = z.object({
  honorific: text(30).default(''),
  academicTitle: text(60).default(''),
  givenName: text(100).default(''),
  familyName: text(100).min(1, { message: 'validation.required' }),
  /** The name in its original script ("Иван Петров"), with `transliteration` in Latin letters. */
  nativeName: text(150).default(''),
  transliteration: text(150).default(''),
  /** Where the person is based when no current position says so (independent experts, alumni). */
  country: CountryCode.nullable().default(null),
  emails: z.array(Email).max(10).default([]),
  phones: z.array(Phone).max(10).default([]),
  languages: uniqueList(LanguageCode, 20).default([]),
  expertise: uniqueList(Topic, 40).default([]),
  /** The relationship owner: who on our team keeps in touch with this person. */
  owner: text(120).default(''),
  notes: text(20_000).default(''),
  gdpr: Gdpr.default({ lawfulBasis: 'legitimateInterests', source: '', consentOn: null, reviewOn: null }),
});
export const ContactFields = ContactFieldsShape;
export type ContactFields = z.output<typeof ContactFields>;

export const ContactRecord = RecordMeta.extend(ContactFieldsShape.shape);
export type ContactRecord = z.infer<typeof ContactRecord>;

export const ContactUpdateInput = z.object({ id: Id, revision: z.number().int().min(1), changes: patchOf(ContactFieldsShape) });

/** "Dr. Amina Mensah" — the name as a person is addressed in lists. */
export function displayName(c: Pick<ContactFields, 'academicTitle' | 'givenName' | 'familyName'>): string {
  return [c.academicTitle, c.givenName, c.familyName].filter(Boolean).join(' ');
}

/**
 * A role a person holds at an organisation for a time. The role keeps its history when the holder
 * changes: the old position ends, a new one starts, both stay on record.
 */
export const PositionFieldsShape = z.object({
  contactId: Id,
  organisationId: Id,
  role: text(150).min(1, { message: 'validation.required' }),
  from: IsoDate.nullable().default(null),
  to: IsoDate.nullable().default(null),
});
export function checkPositionDates(p: { from?: string | null; to?: string | null }, ctx: z.RefinementCtx) {
  if (p.from && p.to && p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.endBeforeStart' });
}
export const PositionFields = PositionFieldsShape.superRefine(checkPositionDates);
export type PositionFields = z.output<typeof PositionFields>;
export const PositionRecord = RecordMeta.extend(PositionFieldsShape.shape).superRefine(checkPositionDates);
export type PositionRecord = z.infer<typeof PositionRecord>;
export const PositionUpdateInput = z.object({ id: Id, revision: z.number().int().min(1), changes: patchOf(PositionFieldsShape.omit({ contactId: true })) });

/** Current on `today` when it has started (or has no start) and has not ended before today. */
export const isCurrentPosition = (p: Pick<PositionFields, 'from' | 'to'>, today: string) =>
  (!p.from || p.from <= today) && (!p.to || p.to >= today);

export const HandOverInput = z.object({
  positionId: Id,
  revision: z.number().int().min(1),
  /** The new holder takes over the same role at the same organisation on this date. */
  successorId: Id,
  on: IsoDate,
});

export const contactSortKeys = ['name', 'organisation', 'role', 'country', 'lastContact', 'updatedAt'] as const;
export const ContactListFilter = z.object({
  text: z.string().max(200).default(''),
  countries: z.array(CountryCode).max(MAX_FILTER_VALUES).default([]),
  regions: z.array(RegionCode).max(MAX_FILTER_VALUES).default([]),
  topics: z.array(z.string().max(60)).max(MAX_FILTER_VALUES).default([]),
  organisationKinds: z.array(z.string().max(40)).max(MAX_FILTER_VALUES).default([]),
  languages: z.array(z.string().max(3)).max(MAX_FILTER_VALUES).default([]),
  owners: z.array(z.string().max(120)).max(MAX_FILTER_VALUES).default([]),
  organisationId: Id.optional(),
  /** People with a current position at an organisation in one of these groups (ended positions do not count). */
  groups: z.array(Id).max(MAX_FILTER_VALUES).default([]),
  /** Only these people (a selection on screen). */
  ids: IdFilter.optional(),
});

export const ContactListItem = z.object({
  id: Id,
  revision: z.number().int(),
  name: z.string(),
  honorific: z.string(),
  nativeName: z.string(),
  role: z.string().nullable(),
  organisationId: Id.nullable(),
  organisationName: z.string().nullable(),
  country: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  expertise: z.array(z.string()),
  languages: z.array(z.string()),
  owner: z.string(),
  lastContact: z.string().nullable(),
  updatedAt: z.string(),
});
export type ContactListItem = z.infer<typeof ContactListItem>;

export const ContactRef = z.object({
  id: Id,
  name: z.string(),
  nativeName: z.string(),
  role: z.string().nullable(),
  organisationName: z.string().nullable(),
});
export type ContactRef = z.infer<typeof ContactRef>;
