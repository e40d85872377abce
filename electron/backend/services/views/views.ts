import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { ViewFields, type ViewRecord } from '../../../../shared/features/views/schema';
import { parseOrThrow } from '../../../../shared/validation';
import type { ServiceContext } from '../../records/context';
import { assertRevision, findOrThrow, indexOfOrThrow } from '../../records/records';

/** Named filter combinations per list ("AI contacts in Southeast Asia"). */
export function createViewService(ctx: ServiceContext) {
  const { store } = ctx;
  return {
    list({ list }) {
      return store.db.views.filter((v) => v.list === list).sort((a, b) => a.name.localeCompare(b.name));
    },
    create(input: ParsedInputOf<'views.create'>): Promise<ViewRecord> {
      return store.update((draft) => {
        const stamp = ctx.now().toISOString();
        const record: ViewRecord = { id: ctx.newId(), createdAt: stamp, updatedAt: stamp, revision: 1, ...parseOrThrow(ViewFields, input, 'View') };
        draft.views.push(record);
        return record;
      });
    },
    update(input: ParsedInputOf<'views.update'>): Promise<ViewRecord> {
      return store.update((draft) => {
        const i = indexOfOrThrow(store.db.views, input.id, 'view');
        const current = store.db.views[i]!;
        assertRevision(current, input.revision, 'view');
        const { id: _i, createdAt: _c, updatedAt: _u, revision: _r, ...fields } = current;
        const record: ViewRecord = { ...current, ...parseOrThrow(ViewFields, { ...fields, ...input.changes }, 'View'), revision: current.revision + 1, updatedAt: ctx.now().toISOString() };
        draft.views[i] = record;
        return record;
      });
    },
    /** Views are settings-like: deleting one needs no undo. */
    delete({ id }): Promise<{ ok: true }> {
      return store.update((draft) => {
        findOrThrow(store.db.views, id, 'view');
        draft.views = store.db.views.filter((v) => v.id !== id);
        return { ok: true as const };
      });
    },
  } satisfies ServiceOf<'views'>;
}
