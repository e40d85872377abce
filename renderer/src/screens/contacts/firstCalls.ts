/**
 * The people list as it opens (no filter, by name A–Z) and the calls it makes first, in one place:
 * the screen starts from these, and the boot (app/boot.ts) sends the same calls while the screen's
 * code is still loading. No imports that pull code: the boot's chunk stays tiny.
 */
import { LIST_PAGE } from '../../lib/listPage';

export const contactsNoFilter = { text: '', countries: [], regions: [], topics: [], organisationKinds: [], languages: [], owners: [], groups: [] } as {
  text: string;
  countries: string[];
  regions: string[];
  topics: string[];
  organisationKinds: string[];
  languages: string[];
  owners: string[];
  groups: string[];
};

export const contactsInitialSort = { key: 'name', direction: 'asc' } as const;

/** What the list screen asks for first, with nothing in the address (a group link filters it). */
export function contactsFirstCalls() {
  return [
    { name: 'contacts.list', input: { ...contactsNoFilter, sort: contactsInitialSort.key, direction: contactsInitialSort.direction, offset: 0, limit: LIST_PAGE } },
    { name: 'views.list', input: { list: 'contacts' } },
    { name: 'cases.vocabulary', input: {} },
    { name: 'groups.list', input: { limit: 1000 } },
  ] as const;
}
