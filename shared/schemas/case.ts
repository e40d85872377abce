import { z } from 'zod';
import { CountryCode, Id, IsoDate, RecordMeta, Topic, uniqueList } from './common';

export const caseStatuses = ['intake', 'analysis', 'advising', 'implementation', 'onHold', 'closed'] as const;
export const CaseStatus = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const casePriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const CasePriority = z.enum(casePriorities);
export type CasePriority = z.infer<typeof CasePriority>;

/** "AC-2026-001": letters, digits, dashes and slashes, starting with a letter or digit. */
export const CaseReference = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, { message: 'validation.required' })
  .max(32, { message: 'validation.tooBig|max=32' })
  .regex(/^[A-Z0-9][A-Z0-9/-]*$/, { message: 'validation.referenceFormat' });

const text = (max: number) => z.string().trim().max(max, { message: `validation.tooBig|max=${max}` });

/** The fields a user edits, without cross-field rules (zod cannot extend refined objects). */
export const CaseFieldsShape = z.object({
  title: text(200).min(1, { message: 'validation.required' }),
  reference: CaseReference,
  client: text(200),
  countries: uniqueList(CountryCode, 60),
  topics: uniqueList(Topic, 40),
  status: CaseStatus,
  priority: CasePriority,
  owner: text(120),
  openedOn: IsoDate,
  dueOn: IsoDate.nullable(),
  summary: text(20000),
});

type DatedFields = { openedOn?: string | undefined; dueOn?: string | null | undefined };

/** A due date before the opening date is an error on the due date. */
export function checkDueAfterOpened(value: DatedFields, ctx: z.RefinementCtx): void {
  if (value.openedOn && value.dueOn && value.dueOn < value.openedOn) {
    ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'validation.dueBeforeOpened' });
  }
}

export const CaseFields = CaseFieldsShape.superRefine(checkDueAfterOpened);
export type CaseFields = z.infer<typeof CaseFields>;

/** What a form sends to create a case: the reference is generated when left empty. */
export const CaseCreateInput = CaseFieldsShape.extend({
  reference: z.union([CaseReference, z.literal('').transform(() => undefined)]).optional(),
  client: text(200).default(''),
  countries: uniqueList(CountryCode, 60).default([]),
  topics: uniqueList(Topic, 40).default([]),
  status: CaseStatus.default('intake'),
  priority: CasePriority.default('normal'),
  owner: text(120).default(''),
  dueOn: IsoDate.nullable().default(null),
  summary: text(20000).default(''),
}).superRefine(checkDueAfterOpened);
export type CaseCreateInput = z.input<typeof CaseCreateInput>;

export const CaseUpdateInput = z.object({
  id: Id,
  revision: z.number().int().min(1),
  changes: CaseFieldsShape.partial(),
});
export type CaseUpdateInput = z.input<typeof CaseUpdateInput>;

export const CaseRecord = RecordMeta.extend(CaseFieldsShape.shape).superRefine(checkDueAfterOpened);
export type CaseRecord = z.infer<typeof CaseRecord>;

export const caseSortKeys = ['reference', 'title', 'status', 'priority', 'dueOn', 'openedOn', 'updatedAt'] as const;

export const CaseListQuery = z
  .object({
    text: z.string().max(200).default(''),
    statuses: z.array(CaseStatus).default([]),
    countries: z.array(CountryCode).default([]),
    sort: z.enum(caseSortKeys).default('updatedAt'),
    direction: z.enum(['asc', 'desc']).default('desc'),
  })
  .default({ text: '', statuses: [], countries: [], sort: 'updatedAt', direction: 'desc' });
export type CaseListQuery = z.input<typeof CaseListQuery>;

/** A row of the case list: everything but the long summary text. */
export const CaseListItem = RecordMeta.extend(CaseFieldsShape.omit({ summary: true }).shape);
export type CaseListItem = z.infer<typeof CaseListItem>;
