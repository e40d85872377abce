import type { ViewList } from '../../../shared/features/views/schema';
import type { Offset } from './support';

/** Saved filter combinations, one per list; each query uses that list's own filter fields. */
export interface ViewSeed {
  readonly name: string;
  readonly list: ViewList;
  readonly query: Readonly<Record<string, unknown>>;
  readonly created: Offset;
}

export const views: readonly ViewSeed[] = [
  { name: 'AI contacts in Southeast Asia', list: 'contacts', query: { regions: ['035'], topics: ['artificial intelligence'] }, created: -40 },
  {
    name: 'Open cases in Sub-Saharan Africa',
    list: 'cases',
    query: { regions: ['202'], statuses: ['intake', 'analysis', 'advising', 'implementation'], sort: 'dueOn', direction: 'asc' },
    created: -90,
  },
  { name: 'Final country strategies', list: 'notes', query: { kinds: ['countryStrategy'], statuses: ['final'] }, created: -120 },
  { name: 'Embassies and science sections', list: 'organisations', query: { kinds: ['embassy'], sort: 'country', direction: 'asc' }, created: -200 },
];
