/** The notes slice of the contract: strategy notes and their revisions. */
import { z } from 'zod';
import { DeleteImpact } from '../../contract/common';
import { op, type Operation } from '../../contract/define';
import { ById, Id, Revisioned } from '../../schemas/common';
import { listQuery, listResult } from '../../schemas/list';
import { UndoToken } from '../workspace/schema';
import { NoteFields, NoteKind, NoteListFilter, NoteListItem, NoteRecord, NoteRevisionRecord, NoteStatus, NoteUpdateInput, noteSortKeys } from './schema';

/** A note as other records' screens list it. */
export const NoteRef = z.object({ id: Id, title: z.string(), kind: NoteKind, status: NoteStatus, updatedAt: z.string() });
export type NoteRef = z.infer<typeof NoteRef>;

/** One entry of a note's history, without its body. */
export const NoteRevisionSummary = NoteRevisionRecord.omit({ body: true }).extend({ excerpt: z.string() });
export type NoteRevisionSummary = z.infer<typeof NoteRevisionSummary>;

export const notesContract = {
  'notes.list': op(listQuery(NoteListFilter, noteSortKeys, { sort: 'updatedAt', direction: 'desc' }), listResult(NoteListItem)),
  'notes.get': op(ById, NoteRecord),
  'notes.create': op(NoteFields, NoteRecord),
  'notes.update': op(NoteUpdateInput, NoteRecord),
  'notes.deleteImpact': op(ById, DeleteImpact),
  'notes.delete': op(Revisioned, UndoToken),
  'notes.revisions': op(ById, z.array(NoteRevisionSummary)),
  'notes.revision': op(ById, NoteRevisionRecord),
  'notes.restoreRevision': op(z.object({ id: Id, revision: z.number().int().min(1), revisionId: Id }), NoteRecord),
} as const satisfies Record<string, Operation>;
