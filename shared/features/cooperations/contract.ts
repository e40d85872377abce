/** The cooperations slice of the contract: cooperations with our institutes, partners, programme and links. */
import { z } from 'zod';
import { DeleteImpact } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { ById, Revisioned } from '../../schemas/common';
import { listQuery, listResult } from '../../schemas/list';
import { CaseRef } from '../cases/contract';
import { ContactRef } from '../contacts/schema';
import { GroupRef } from '../groups/schema';
import { NoteRef } from '../notes/contract';
import { OrganisationRef } from '../organisations/schema';
import { ProgrammeRef } from '../programmes/schema';
import { TripRef } from '../trips/contract';
import { UndoToken } from '../workspace/schema';
import { CooperationFields, CooperationListFilter, CooperationListItem, CooperationRecord, CooperationUpdateInput, cooperationSortKeys } from './schema';

/** An organisation of a cooperation with the groups it belongs to. */
export const CooperationOrganisation = OrganisationRef.extend({ groups: z.array(GroupRef) });
export type CooperationOrganisation = z.infer<typeof CooperationOrganisation>;

/** The cooperation screen's links, resolved: organisations, people, programme, cases, trips, notes. */
export const CooperationRelated = z.object({
  institutes: z.array(CooperationOrganisation),
  partners: z.array(CooperationOrganisation),
  ourContacts: z.array(ContactRef),
  partnerContacts: z.array(ContactRef),
  programme: ProgrammeRef.nullable(),
  cases: z.array(CaseRef),
  trips: z.array(TripRef),
  notes: z.array(NoteRef),
});
export type CooperationRelated = z.infer<typeof CooperationRelated>;

export const cooperationsContract = {
  'cooperations.list': op(listQuery(CooperationListFilter, cooperationSortKeys, { sort: 'updatedAt', direction: 'desc' }), listResult(CooperationListItem)),
  'cooperations.get': op(ById, CooperationRecord),
  'cooperations.related': op(ById, CooperationRelated),
  'cooperations.create': op(CooperationFields, CooperationRecord),
  'cooperations.update': op(CooperationUpdateInput, CooperationRecord),
  'cooperations.deleteImpact': op(ById, DeleteImpact),
  'cooperations.delete': op(Revisioned, UndoToken),
} as const satisfies Record<string, Operation>;
