import { defineArea } from '../area';

/** What a delete takes with it, as the confirmation dialog explains it. */
export const impact = defineArea({
  en: {
    title: 'Delete “{{label}}”?',
    intro: 'This cannot be left half-done: everything below happens together, and one Undo puts it all back.',
    nothingElse: 'Nothing else refers to it.',
    alsoRemoves: 'Also removed',
    unlinks: 'References cleared',
    deleted: '“{{label}}” deleted.',
    collections: {
      organisations_one: '{{count}} organisation',
      organisations_other: '{{count}} organisations',
      contacts_one: '{{count}} person',
      contacts_other: '{{count}} people',
      positions_one: '{{count}} position',
      positions_other: '{{count}} positions',
      cases_one: '{{count}} case',
      cases_other: '{{count}} cases',
      tasks_one: '{{count}} task',
      tasks_other: '{{count}} tasks',
      activities_one: '{{count}} timeline entry',
      activities_other: '{{count}} timeline entries',
      notes_one: '{{count}} strategy note',
      notes_other: '{{count}} strategy notes',
      views_one: '{{count}} view',
      views_other: '{{count}} views',
    },
    fields: {
      organisations: {
        parentId: '{{count}} sub-organisation(s) become top-level',
      },
      cases: {
        clientId: '{{count}} case(s) lose this client (its name stays as text)',
        partnerOrganisationIds: '{{count}} case(s) lose this partner',
        clientContactIds: '{{count}} case(s) lose this client contact',
      },
      activities: {
        caseId: '{{count}} timeline entr(ies) stay, no longer linked to the case',
        participantIds: '{{count}} timeline entr(ies) lose this participant',
      },
      notes: {
        caseIds: '{{count}} note(s) no longer link to the case',
        contactIds: '{{count}} note(s) no longer mention this person',
      },
    },
  },
  de: {
    title: '„{{label}}“ löschen?',
    intro: 'Alles unten Genannte geschieht zusammen, und ein einziges Rückgängig stellt alles wieder her.',
    nothingElse: 'Nichts sonst verweist darauf.',
    alsoRemoves: 'Ebenfalls entfernt',
    unlinks: 'Verweise, die entfallen',
    deleted: '„{{label}}“ gelöscht.',
    collections: {
      organisations_one: '{{count}} Organisation',
      organisations_other: '{{count}} Organisationen',
      contacts_one: '{{count}} Person',
      contacts_other: '{{count}} Personen',
      positions_one: '{{count}} Position',
      positions_other: '{{count}} Positionen',
      cases_one: '{{count}} Vorgang',
      cases_other: '{{count}} Vorgänge',
      tasks_one: '{{count}} Aufgabe',
      tasks_other: '{{count}} Aufgaben',
      activities_one: '{{count}} Zeitleisteneintrag',
      activities_other: '{{count}} Zeitleisteneinträge',
      notes_one: '{{count}} Strategiepapier',
      notes_other: '{{count}} Strategiepapiere',
      views_one: '{{count}} Ansicht',
      views_other: '{{count}} Ansichten',
    },
    fields: {
      organisations: {
        parentId: '{{count}} Unterorganisation(en) werden eigenständig',
      },
      cases: {
        clientId: '{{count}} Vorgang/Vorgänge verlieren diesen Auftraggeber (der Name bleibt als Text)',
        partnerOrganisationIds: '{{count}} Vorgang/Vorgänge verlieren diesen Partner',
        clientContactIds: '{{count}} Vorgang/Vorgänge verlieren diese Ansprechperson',
      },
      activities: {
        caseId: '{{count}} Zeitleisteneintrag/-einträge bleiben, ohne Bezug zum Vorgang',
        participantIds: '{{count}} Zeitleisteneintrag/-einträge verlieren diese Person',
      },
      notes: {
        caseIds: '{{count}} Papier(e) verweisen nicht mehr auf den Vorgang',
        contactIds: '{{count}} Papier(e) nennen diese Person nicht mehr',
      },
    },
  },
});
