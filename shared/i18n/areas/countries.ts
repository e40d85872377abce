import { defineArea } from '../area';

export const countries = defineArea({
  en: {
    title: 'Countries',
  },
  de: {
    title: 'Länder',
  },
});
