import { defineArea } from '../area';

export const organisations = defineArea({
  en: {
    title: 'Organisations',
  },
  de: {
    title: 'Organisationen',
  },
});
