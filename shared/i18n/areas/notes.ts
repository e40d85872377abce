import { defineArea } from '../area';

export const notes = defineArea({
  en: {
    title: 'Strategy notes',
  },
  de: {
    title: 'Strategiepapiere',
  },
});
