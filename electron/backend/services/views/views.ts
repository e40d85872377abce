import type { ServiceOf } from '../../../../shared/contract';
import { ViewFields } from '../../../../shared/features/views/schema';
import type { ServiceContext } from '../../records/context';
import { collection } from '../../records/recipe';

/** Named filter combinations per list ("AI contacts in Southeast Asia"). */
export function createViewService(ctx: ServiceContext) {
  const { store } = ctx;
  const records = collection(ctx, { collection: 'views', what: 'view', title: 'View', fields: ViewFields, label: (v) => v.name });
  return {
    list({ list }) {
      return store.db.views.filter((v) => v.list === list).sort((a, b) => a.name.localeCompare(b.name));
    },
    create: (input) => store.update((draft) => records.insert(draft, input)),
    update: (input) => store.update((draft) => records.patch(draft, input)),
    /** Views are settings-like: deleting one needs no undo. */
    delete({ id }): Promise<{ ok: true }> {
      return store.update((draft) => {
        records.get(id);
        draft.views = store.db.views.rebuild((v) => (v.id === id ? null : v));
        return { ok: true as const };
      });
    },
  } satisfies ServiceOf<'views'>;
}
