/** The groups slice of the contract: alliances, campuses, sections, consortia and networks of organisations. */
import { z } from 'zod';
import { DeleteImpact, Lookup } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { ById, Revisioned } from '../../schemas/common';
import { listQuery, listResult } from '../../schemas/list';
import { UndoToken } from '../workspace/schema';
import { GroupCounts, GroupFields, GroupListFilter, GroupListItem, GroupRecord, GroupRef, GroupUpdateInput, groupSortKeys } from './schema';

export const groupsContract = {
  /** Every group with how many organisations belong to it (the count the filters show). */
  'groups.list': op(listQuery(GroupListFilter, groupSortKeys, { sort: 'name', direction: 'asc' }), listResult(GroupListItem)),
  'groups.get': op(ById, GroupRecord),
  /** The group screen: how many organisations, people, cooperations, cases and trips each list shows for the group. */
  'groups.counts': op(ById, GroupCounts),
  'groups.lookup': op(Lookup, z.array(GroupRef)),
  'groups.create': op(GroupFields, GroupRecord),
  'groups.update': op(GroupUpdateInput, GroupRecord),
  'groups.deleteImpact': op(ById, DeleteImpact),
  'groups.delete': op(Revisioned, UndoToken),
} as const satisfies Record<string, Operation>;
