import { catalogues, translator, type Language } from '../../shared/i18n';

/**
 * The Electron menu's labels, all from the shared catalogues: the menu's own words are the core group `menu`
 * (shared/i18n/en.ts, de.ts); labels the app already has (New case, Save, the discard question) are taken from
 * where the renderer takes them, so the menu and the page say the same thing.
 */
export type MenuLabels = (typeof catalogues)[Language]['menu'] & {
  newCase: string;
  save: string;
  exportBriefing: string;
  settings: string;
  dashboard: string;
  shortcuts: string;
  lock: string;
  discardTitle: string;
  discardBody: string;
  discard: string;
  keepEditing: string;
};

export function menuLabels(lang: Language): MenuLabels {
  const t = translator(lang);
  return {
    ...catalogues[lang].menu,
    newCase: t('cases.new'),
    save: t('common.save'),
    exportBriefing: t('cases.exportBriefing'),
    settings: t('nav.settings'),
    dashboard: t('nav.dashboard'),
    shortcuts: t('shortcuts.title'),
    lock: t('shortcuts.lock'),
    // The question asked when the window closes on an editor with unsaved work, as the renderer asks it.
    discardTitle: t('common.discardTitle'),
    discardBody: t('common.discardBody'),
    discard: t('common.discard'),
    keepEditing: t('common.keepEditing'),
  };
}
