import { book } from './book';
import { contacts } from './contacts';
import { countries } from './countries';
import { impact } from './impact';
import { lists } from './lists';
import { mentions } from './mentions';
import { notes } from './notes';
import { organisations } from './organisations';
import { tasks } from './tasks';
import { timeline } from './timeline';
import { trips } from './trips';

/** Every UI area's strings; each file holds one area in English and German. */
export const areas = { lists, impact, organisations, contacts, notes, countries, timeline, tasks, book, trips, mentions } as const;
