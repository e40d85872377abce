import { translator, type Language } from '../../shared/i18n';

/**
 * Menu words the shared catalogues do not have (the renderer never shows a menu). Kept here so the
 * catalogues stay the renderer's; labels that exist there are taken from there.
 */
const own = {
  en: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    window: 'Window',
    help: 'Help',
    find: 'Find',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    pasteAndMatchStyle: 'Paste and Match Style',
    delete: 'Delete',
    selectAll: 'Select All',
    reload: 'Reload',
    forceReload: 'Force Reload',
    toggleDevTools: 'Toggle Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    togglefullscreen: 'Toggle Full Screen',
    minimize: 'Minimize',
    zoom: 'Zoom',
    front: 'Bring All to Front',
    close: 'Close Window',
    quit: 'Quit',
    about: 'About Attaché',
    services: 'Services',
    hide: 'Hide Attaché',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
    cannotOpen: 'Attaché cannot open the workspace',
  },
  de: {
    file: 'Datei',
    edit: 'Bearbeiten',
    view: 'Ansicht',
    window: 'Fenster',
    help: 'Hilfe',
    find: 'Suchen',
    undo: 'Rückgängig',
    redo: 'Wiederholen',
    cut: 'Ausschneiden',
    copy: 'Kopieren',
    paste: 'Einfügen',
    pasteAndMatchStyle: 'Einfügen und Stil anpassen',
    delete: 'Löschen',
    selectAll: 'Alles auswählen',
    reload: 'Neu laden',
    forceReload: 'Neu laden erzwingen',
    toggleDevTools: 'Entwicklerwerkzeuge ein/aus',
    resetZoom: 'Originalgröße',
    zoomIn: 'Vergrößern',
    zoomOut: 'Verkleinern',
    togglefullscreen: 'Vollbild ein/aus',
    minimize: 'Minimieren',
    zoom: 'Zoomen',
    front: 'Alle nach vorne bringen',
    close: 'Fenster schließen',
    quit: 'Beenden',
    about: 'Über Attaché',
    services: 'Dienste',
    hide: 'Attaché ausblenden',
    hideOthers: 'Andere ausblenden',
    unhide: 'Alle einblenden',
    cannotOpen: 'Attaché kann den Arbeitsbereich nicht öffnen',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type MenuLabels = { [K in keyof (typeof own)['en']]: string } & {
  newCase: string;
  save: string;
  exportBriefing: string;
  settings: string;
  shortcuts: string;
  discardTitle: string;
  discardBody: string;
  discard: string;
  keepEditing: string;
};

export function menuLabels(lang: Language): MenuLabels {
  const t = translator(lang);
  return {
    ...own[lang],
    newCase: t('cases.new'),
    save: t('common.save'),
    exportBriefing: t('cases.exportBriefing'),
    settings: t('nav.settings'),
    shortcuts: t('shortcuts.title'),
    // The question asked when the window closes on an editor with unsaved work, as the renderer asks it.
    discardTitle: t('common.discardTitle'),
    discardBody: t('common.discardBody'),
    discard: t('common.discard'),
    keepEditing: t('common.keepEditing'),
  };
}
