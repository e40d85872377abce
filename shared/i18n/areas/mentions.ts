import { defineArea } from '../area';

/** "Where this record comes up on delegation trips", shown on people, cases, organisations and notes. */
export const mentions = defineArea({
  en: {
    title: 'Delegation trips',
    none: 'Not on any delegation trip.',
    member: 'In the delegation as {{role}}',
    linked: 'Linked to the trip',
    counterpart: 'Counterpart in',
    host: 'Host of',
    onAgenda: 'On the agenda of',
  },
  de: {
    title: 'Delegationsreisen',
    none: 'Auf keiner Delegationsreise.',
    member: 'In der Delegation als {{role}}',
    linked: 'Mit der Reise verknüpft',
    counterpart: 'Gesprächspartner bei',
    host: 'Gastgeber von',
    onAgenda: 'Im Programm bei',
  },
});
