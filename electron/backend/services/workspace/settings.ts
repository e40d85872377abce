import { defaultSettings, type PublicSettings, type Settings } from '../../../../shared/features/workspace/schema';
import type { ServiceOf } from '../../../../shared/contract';
import type { ServiceContext } from '../../records/context';

/** The team link (with its sealed password) stays in the backend. */
function publicOf(settings: Settings): PublicSettings {
  const { team: _team, ...rest } = settings;
  return rest;
}

export function createSettingsService(ctx: ServiceContext) {
  return {
    /** Before the workspace exists the defaults apply, so the welcome screen can follow the system. */
    get(): PublicSettings {
      return publicOf(ctx.store.state === 'ready' ? ctx.store.db.settings : defaultSettings());
    },
    update(changes): Promise<PublicSettings> {
      return ctx.store.update((draft) => {
        const next: Settings = { ...ctx.store.db.settings, ...changes };
        draft.settings = next;
        return publicOf(next);
      });
    },
  } satisfies ServiceOf<'settings'>;
}
