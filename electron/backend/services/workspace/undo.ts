import type { Draft } from 'immer';
import type { ServiceOf } from '../../../../shared/contract';
import { AppError } from '../../../../shared/errors';
import type { Database, TrashEntry } from '../../../../shared/schemas/database';
import type { ServiceContext } from '../../records/context';
import { restoreFromTrash } from '../../records/references';

/** How many deletions can be undone; older entries are dropped. */
const KEEP = 50;

export function addToTrash(db: Draft<Database>, entry: TrashEntry): void {
  db.trash.push(entry);
  if (db.trash.length > KEEP) db.trash.splice(0, db.trash.length - KEEP);
}

export function createUndoService(ctx: ServiceContext) {
  return {
    /** Puts back everything one delete removed, atomically; refused if an id has been reused meanwhile. */
    async apply({ undoId }): Promise<{ label: string }> {
      return ctx.store.update((draft) => {
        const i = ctx.store.db.trash.findIndex((t) => t.id === undoId);
        if (i < 0) {
          throw new AppError('NOT_FOUND', 'There is nothing to undo for this token.', {
            messageKey: { key: 'errors.nothingToUndo' },
          });
        }
        const entry = ctx.store.db.trash[i]!;
        restoreFromTrash(ctx, draft, entry);
        draft.trash.splice(i, 1);
        return { label: entry.label };
      });
    },
  } satisfies ServiceOf<'undo'>;
}
