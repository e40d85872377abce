import { defineStrings } from '../../i18n/define';

/**
 * Lists and their saved views (filters, columns, counts), in English and German.
 * Beside the feature's schema and contract; the type makes a German string missing (or extra) a compile error.
 */
export const strings = defineStrings({
  en: {
    lists: {
      views: 'Views',
      viewsLabel: 'Saved views',
      noViews: 'No saved views yet.',
      saveView: 'Save current view…',
      viewName: 'Name of the view',
      viewSaved: 'View “{{name}}” saved.',
      deleteView: 'Delete view “{{name}}”',
      viewDeleted: 'View deleted.',
      columns: 'Columns',
      resetFilters: 'Reset filters',
      filters: 'Filters',
      region: 'Region',
      topic: 'Topic',
      owner: 'Owner',
      kind: 'Kind',
      language: 'Language',
      loadingRow: 'Loading…',
      count_one: '{{count, number}} entry',
      count_other: '{{count, number}} entries',
      resize: 'Resize list and details',
      resizeValue: 'List {{percent}} % of the width',
      resizeHint: 'Drag, or use ← and →; double-click or Enter resets',
    },
  },
  de: {
    lists: {
      views: 'Ansichten',
      viewsLabel: 'Gespeicherte Ansichten',
      noViews: 'Noch keine gespeicherten Ansichten.',
      saveView: 'Aktuelle Ansicht speichern …',
      viewName: 'Name der Ansicht',
      viewSaved: 'Ansicht „{{name}}“ gespeichert.',
      deleteView: 'Ansicht „{{name}}“ löschen',
      viewDeleted: 'Ansicht gelöscht.',
      columns: 'Spalten',
      resetFilters: 'Filter zurücksetzen',
      filters: 'Filter',
      region: 'Region',
      topic: 'Thema',
      owner: 'Zuständig',
      kind: 'Art',
      language: 'Sprache',
      loadingRow: 'Wird geladen …',
      count_one: '{{count, number}} Eintrag',
      count_other: '{{count, number}} Einträge',
      resize: 'Breite von Liste und Details ändern',
      resizeValue: 'Liste {{percent}} % der Breite',
      resizeHint: 'Ziehen oder ← und → drücken; Doppelklick oder Eingabe setzt zurück',
    },
  },
});
