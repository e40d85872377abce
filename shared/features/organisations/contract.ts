/** The organisations slice of the contract: partner institutions, their people and hierarchy. */
import { z } from 'zod';
import { DeleteImpact, Lookup } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { ById, Id, Revisioned } from '../../schemas/common';
import { listQuery, listResult } from '../../schemas/list';
import { CaseRef } from '../cases/contract';
import { PositionRecord } from '../contacts/schema';
import { UndoToken } from '../workspace/schema';
import { MergePair, mergeInput, mergePreview, mergeResult } from '../../schemas/merge';
import { organisationMergeFieldNames } from './merge';
import { OrganisationCreateInput, OrganisationListFilter, OrganisationListItem, OrganisationRecord, OrganisationRef, OrganisationUpdateInput, organisationSortKeys } from './schema';

/** A position at the organisation with the person who holds (or held) it. */
export const OrganisationPerson = z.object({ position: PositionRecord, contact: z.object({ id: Id, name: z.string(), nativeName: z.string() }), current: z.boolean() });
export type OrganisationPerson = z.infer<typeof OrganisationPerson>;

/** The organisation screen's links: people now and before, cases, parent and children. */
export const OrganisationRelated = z.object({
  current: z.array(OrganisationPerson),
  former: z.array(OrganisationPerson),
  cases: z.array(CaseRef.extend({ role: z.enum(['client', 'partner']) })),
  children: z.array(OrganisationRef),
  parent: OrganisationRef.nullable(),
});
export type OrganisationRelated = z.infer<typeof OrganisationRelated>;

/** Two organisations merged into one: a choice per field; every reference moves to the kept one. */
export const OrganisationMergeInput = mergeInput(organisationMergeFieldNames);
export const OrganisationMergePreview = mergePreview(OrganisationRecord, organisationMergeFieldNames);
export type OrganisationMergePreview = z.infer<typeof OrganisationMergePreview>;

export const organisationsContract = {
  'organisations.list': op(listQuery(OrganisationListFilter, organisationSortKeys, { sort: 'name', direction: 'asc' }), listResult(OrganisationListItem)),
  'organisations.get': op(ById, OrganisationRecord),
  'organisations.related': op(ById, OrganisationRelated),
  'organisations.lookup': op(Lookup, z.array(OrganisationRef)),
  'organisations.create': op(OrganisationCreateInput, OrganisationRecord),
  'organisations.update': op(OrganisationUpdateInput, OrganisationRecord),
  'organisations.deleteImpact': op(ById, DeleteImpact),
  'organisations.delete': op(Revisioned, UndoToken),
  'organisations.mergePreview': op(MergePair, OrganisationMergePreview),
  'organisations.merge': op(OrganisationMergeInput, mergeResult(OrganisationRecord)),
} as const satisfies Record<string, Operation>;
