import type { ServiceOf } from '../../../../shared/contract';
import type { ServiceContext } from '../../records/context';
import { undoDelete } from '../../records/trash';

export function createUndoService(ctx: ServiceContext) {
  return {
    /** Puts back everything one delete removed (records/trash.ts keeps the entries). */
    apply: ({ undoId }) => undoDelete(ctx, undoId),
  } satisfies ServiceOf<'undo'>;
}
