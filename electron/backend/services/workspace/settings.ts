import { defaultSettings, type Settings } from '../../../../shared/features/workspace/schema';
import type { ServiceOf } from '../../../../shared/contract';
import type { ServiceContext } from '../../records/context';

export function createSettingsService(ctx: ServiceContext) {
  return {
    /** Before the workspace exists the defaults apply, so the welcome screen can follow the system. */
    get(): Settings {
      return ctx.store.state === 'ready' ? ctx.store.db.settings : defaultSettings();
    },
    update(changes): Promise<Settings> {
      return ctx.store.update((draft) => {
        const next = { ...ctx.store.db.settings, ...changes };
        draft.settings = next;
        return next;
      });
    },
  } satisfies ServiceOf<'settings'>;
}
