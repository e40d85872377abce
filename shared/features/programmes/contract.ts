/** The programmes slice of the contract: funding programmes and calls, with their deadlines. */
import { z } from 'zod';
import { DeleteImpact, Lookup } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { ById, Revisioned } from '../../schemas/common';
import { listQuery, listResult } from '../../schemas/list';
import { UndoToken } from '../workspace/schema';
import { ProgrammeFields, ProgrammeListFilter, ProgrammeListItem, ProgrammeRecord, ProgrammeRef, ProgrammeUpdateInput, programmeSortKeys } from './schema';

export const programmesContract = {
  'programmes.list': op(listQuery(ProgrammeListFilter, programmeSortKeys, { sort: 'deadline', direction: 'asc' }), listResult(ProgrammeListItem)),
  'programmes.get': op(ById, ProgrammeRecord),
  'programmes.lookup': op(Lookup, z.array(ProgrammeRef)),
  'programmes.create': op(ProgrammeFields, ProgrammeRecord),
  'programmes.update': op(ProgrammeUpdateInput, ProgrammeRecord),
  'programmes.deleteImpact': op(ById, DeleteImpact),
  'programmes.delete': op(Revisioned, UndoToken),
} as const satisfies Record<string, Operation>;
