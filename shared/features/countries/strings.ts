import { defineStrings } from '../../i18n/define';

/**
 * Countries, in English and German.
 * Beside the feature's schema and contract; the type makes a German string missing (or extra) a compile error.
 */
export const strings = defineStrings({
  en: {
    countries: {
      title: 'Countries',
      listLabel: 'Countries with records',
      detailLabel: 'Country details',
      filter: 'Filter countries',
      goTo: 'Open any country',
      count_one: '{{count, number}} country',
      count_other: '{{count, number}} countries',
      columns: {
        name: 'Country',
        organisations: 'Organisations',
        contacts: 'People',
        openCases: 'Open cases',
        notes: 'Notes',
      },
      selectHint: 'Choose a country to see who and what Attaché knows there.',
      regions: 'Regions',
      organisations: 'Organisations',
      keyContacts: 'People at organisations there',
      peopleCount_one: '{{count}} person',
      peopleCount_other: '{{count}} people',
      cases: 'Cases',
      notes: 'Strategy notes (country and its regions)',
      thisYear: 'What happened this year',
      none: 'Nothing yet.',
      trips: 'Delegation trips',
      mapAlt: 'Map of {{country}} (highlighted) and its neighbours',
      mapCaption: 'Map data: Natural Earth',
    },
  },
  de: {
    countries: {
      title: 'Länder',
      listLabel: 'Länder mit Einträgen',
      detailLabel: 'Länderdetails',
      filter: 'Länder filtern',
      goTo: 'Ein Land öffnen',
      count_one: '{{count, number}} Land',
      count_other: '{{count, number}} Länder',
      columns: {
        name: 'Land',
        organisations: 'Organisationen',
        contacts: 'Personen',
        openCases: 'Offene Vorgänge',
        notes: 'Papiere',
      },
      selectHint: 'Wählen Sie ein Land, um zu sehen, wen und was Attaché dort kennt.',
      regions: 'Regionen',
      organisations: 'Organisationen',
      keyContacts: 'Personen bei Organisationen dort',
      peopleCount_one: '{{count}} Person',
      peopleCount_other: '{{count}} Personen',
      cases: 'Vorgänge',
      notes: 'Strategiepapiere (Land und seine Regionen)',
      thisYear: 'Was in diesem Jahr geschah',
      none: 'Noch nichts.',
      trips: 'Delegationsreisen',
      mapAlt: 'Karte: {{country}} (hervorgehoben) und Nachbarländer',
      mapCaption: 'Kartendaten: Natural Earth',
    },
  },
});
