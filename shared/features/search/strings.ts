import { defineStrings } from '../../i18n/define';

/**
 * The command palette (search over every record), in English and German.
 * Beside the feature's schema and contract; the type makes a German string missing (or extra) a compile error.
 */
export const strings = defineStrings({
  en: {
    palette: {
      kinds: {
        case: 'Case',
        contact: 'Person',
        organisation: 'Organisation',
        note: 'Note',
        cooperation: 'Cooperation',
        programme: 'Programme',
      },
      title: 'Go to',
      placeholder: 'Search cases, people, organisations, notes or commands…',
      nothing: 'Nothing found.',
      open: 'Search and commands (Ctrl+K)',
    },
  },
  de: {
    palette: {
      kinds: {
        case: 'Vorgang',
        contact: 'Person',
        organisation: 'Organisation',
        note: 'Papier',
        cooperation: 'Kooperation',
        programme: 'Programm',
      },
      title: 'Gehe zu',
      placeholder: 'Vorgänge, Personen, Organisationen, Papiere oder Befehle suchen …',
      nothing: 'Nichts gefunden.',
      open: 'Suche und Befehle (Strg+K)',
    },
  },
});
