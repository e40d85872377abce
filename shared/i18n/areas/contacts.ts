import { defineArea } from '../area';

export const contacts = defineArea({
  en: {
    title: 'People',
  },
  de: {
    title: 'Personen',
  },
});
