import { defineStrings } from '../../i18n/define';

/**
 * Groups of organisations (alliances, campuses, sections, consortia, networks), in English and German.
 * Beside the feature's schema and contract; the type makes a German string missing (or extra) a compile error.
 */
export const strings = defineStrings({
  en: {
    groups: {
      title: 'Groups',
      manage: 'Manage groups…',
      manageTitle: 'Groups of organisations',
      new: 'New group…',
      newTitle: 'New group',
      create: 'Create group',
      created: 'Group “{{name}}” created.',
      renamed: 'Group saved.',
      filter: 'Group',
      none: 'No groups yet. An alliance, a science campus, a section or a consortium becomes one with “New group…”.',
      members_one: '{{count, number}} organisation',
      members_other: '{{count, number}} organisations',
      editGroup: 'Edit “{{name}}”',
      deleteGroup: 'Delete “{{name}}”',
      kinds: {
        alliance: 'Research alliance',
        campus: 'Science campus',
        section: 'Section',
        consortium: 'Consortium',
        network: 'Network',
        other: 'Other',
      },
      fields: {
        name: 'Name',
        kind: 'Kind',
        notes: 'Notes',
      },
    },
  },
  de: {
    groups: {
      title: 'Verbünde',
      manage: 'Verbünde verwalten …',
      manageTitle: 'Verbünde von Organisationen',
      new: 'Neuer Verbund …',
      newTitle: 'Neuer Verbund',
      create: 'Verbund anlegen',
      created: 'Verbund „{{name}}“ angelegt.',
      renamed: 'Verbund gespeichert.',
      filter: 'Verbund',
      none: 'Noch keine Verbünde. Ein Forschungsverbund, ein WissenschaftsCampus, eine Sektion oder ein Konsortium wird einer mit „Neuer Verbund …“.',
      members_one: '{{count, number}} Organisation',
      members_other: '{{count, number}} Organisationen',
      editGroup: '„{{name}}“ bearbeiten',
      deleteGroup: '„{{name}}“ löschen',
      kinds: {
        alliance: 'Forschungsverbund',
        campus: 'WissenschaftsCampus',
        section: 'Sektion',
        consortium: 'Konsortium',
        network: 'Netzwerk',
        other: 'Sonstiges',
      },
      fields: {
        name: 'Name',
        kind: 'Art',
        notes: 'Notizen',
      },
    },
  },
});
