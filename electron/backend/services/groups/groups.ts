/**
 * The groups service (`groups.*`): alliances, campuses, sections, consortia and networks by the
 * record recipe. Membership is kept on the organisations (`groupIds`), so the list counts members
 * from there, and deleting a group only takes it off its organisations (undoable). The group
 * screen's counts come from the lists' own group filters, so a count is what its link shows.
 */
import { contract, type ParsedInputOf, type ServiceOf } from '../../../../shared/contract';
import { matchesTerms, searchTerms } from '../../../../shared/domain/text';
import { GroupFields, type GroupListItem, type GroupRecord, type GroupRef } from '../../../../shared/features/groups/schema';
import type { Database } from '../../../../shared/schemas/database';
import type { ServiceContext } from '../../records/context';
import { byId, memo, memoOn } from '../../records/indexes';
import { compareValues, foldedCache, listCache, queryKey, window, lookupRecords } from '../../records/lists';
import { collection } from '../../records/recipe';

/** The lists a group counts in, each filtered by its own `groups` filter (typed by the contract: the cooperations service imports this one). */
interface Lists {
  organisations: Pick<ServiceOf<'organisations'>, 'list'>;
  contacts: Pick<ServiceOf<'contacts'>, 'list'>;
  cooperations: Pick<ServiceOf<'cooperations'>, 'list'>;
  cases: Pick<ServiceOf<'cases'>, 'list'>;
  trips: Pick<ServiceOf<'trips'>, 'list'>;
}

const groupText = foldedCache((g: GroupRecord) => [g.name, g.notes].join('\n'));

export const groupRef = (g: GroupRecord): GroupRef => ({ id: g.id, name: g.name, kind: g.kind });

/** How many organisations name each group. */
export const membersPerGroup = memo((organisations: Database['organisations']) => {
  const out = new Map<string, number>();
  for (const o of organisations) for (const g of o.groupIds) out.set(g, (out.get(g) ?? 0) + 1);
  return out;
});

export function createGroupService(ctx: ServiceContext, lists: Lists) {
  const { store } = ctx;
  const sorted = listCache<GroupListItem>();
  const rowsCache = memoOn<GroupListItem[]>();
  /** One row per group with its member count, rebuilt when groups or organisations change. */
  const groupRows = (db: Database) =>
    rowsCache([db.groups, db.organisations], () => {
      const members = membersPerGroup(db.organisations);
      return db.groups.map((g): GroupListItem => ({ id: g.id, revision: g.revision, name: g.name, kind: g.kind, members: members.get(g.id) ?? 0, updatedAt: g.updatedAt }));
    });

  const records = collection(ctx, { collection: 'groups', what: 'group', title: 'Group', fields: GroupFields, label: (g) => g.name });

  return {
    list(query: ParsedInputOf<'groups.list'>) {
      const source = groupRows(store.db);
      const rows = sorted(source, queryKey(query), () => {
        const terms = searchTerms(query.text);
        const kinds = new Set(query.kinds);
        const groups = byId(store.db.groups);
        const hits = source.filter((r) => (kinds.size === 0 || kinds.has(r.kind)) && (terms.length === 0 || matchesTerms(terms, [groupText(groups.get(r.id)!)])));
        const key = query.sort;
        return hits.sort((a, b) => compareValues(a[key], b[key], query.direction) || compareValues(a.name, b.name, 'asc'));
      });
      return window(rows, query.offset, query.limit);
    },

    get: ({ id }): GroupRecord => records.get(id),

    /** Each list's total under the filter "in this group" (one row fetched; the total is what counts). */
    async counts({ id }) {
      records.get(id);
      const only = { groups: [id], limit: 1 };
      const [organisations, people, cooperations, cases, trips] = await Promise.all([
        lists.organisations.list(contract['organisations.list'].input.parse(only)),
        lists.contacts.list(contract['contacts.list'].input.parse(only)),
        lists.cooperations.list(contract['cooperations.list'].input.parse(only)),
        lists.cases.list(contract['cases.list'].input.parse(only)),
        lists.trips.list(contract['trips.list'].input.parse(only)),
      ]);
      return { organisations: organisations.total, people: people.total, cooperations: cooperations.total, cases: cases.total, trips: trips.total };
    },

    /** Pickers and filters: matching groups by name, or the named ones (to show current values). */
    lookup: (query: ParsedInputOf<'groups.lookup'>): GroupRef[] => lookupRecords(store.db.groups, query, groupText, groupRef),

    create: (input) => store.update((draft) => records.insert(draft, input)),
    update: (input) => store.update((draft) => records.patch(draft, input)),
    deleteImpact: ({ id }) => records.deleteImpact(id),
    delete: (input) => records.remove(input),
  } satisfies ServiceOf<'groups'>;
}
