/**
 * The programmes service (`programmes.*`): funding programmes and calls by the record recipe, with
 * how many cooperations name each. Deleting a programme only takes it off those cooperations.
 */
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { countryName } from '../../../../shared/features/countries/names';
import { matchesTerms, searchTerms } from '../../../../shared/domain/text';
import { ProgrammeFields, type ProgrammeListItem, type ProgrammeRecord, type ProgrammeRef } from '../../../../shared/features/programmes/schema';
import type { Database } from '../../../../shared/schemas/database';
import type { ServiceContext } from '../../records/context';
import { byId, memo, memoOn } from '../../records/indexes';
import { compareValues, foldedCache, listCache, queryKey, window, lookupRecords } from '../../records/lists';
import { collection } from '../../records/recipe';

const programmeText = foldedCache((p: ProgrammeRecord) =>
  [p.name, p.funder, p.link, p.notes, ...p.topics, ...p.countries.flatMap((c) => [c, countryName(c, 'en'), countryName(c, 'de')])].join('\n'),
);

export const programmeRef = (p: ProgrammeRecord): ProgrammeRef => ({ id: p.id, name: p.name, funder: p.funder, deadline: p.deadline });

/** How many cooperations name each programme. */
const cooperationsPerProgramme = memo((cooperations: Database['cooperations']) => {
  const out = new Map<string, number>();
  for (const c of cooperations) if (c.programmeId) out.set(c.programmeId, (out.get(c.programmeId) ?? 0) + 1);
  return out;
});

export function createProgrammeService(ctx: ServiceContext) {
  const { store } = ctx;
  const sorted = listCache<ProgrammeListItem>();
  const rowsCache = memoOn<ProgrammeListItem[]>();
  const programmeRows = (db: Database) =>
    rowsCache([db.programmes, db.cooperations], () => {
      const counts = cooperationsPerProgramme(db.cooperations);
      return db.programmes.map(
        (p): ProgrammeListItem => ({
          id: p.id,
          revision: p.revision,
          name: p.name,
          funder: p.funder,
          countries: p.countries,
          regions: p.regions,
          topics: p.topics,
          deadline: p.deadline,
          cooperations: counts.get(p.id) ?? 0,
          updatedAt: p.updatedAt,
        }),
      );
    });

  const records = collection(ctx, { collection: 'programmes', what: 'programme', title: 'Programme', fields: ProgrammeFields, label: (p) => p.name });

  return {
    list(query: ParsedInputOf<'programmes.list'>) {
      const source = programmeRows(store.db);
      const rows = sorted(source, queryKey(query), () => {
        const terms = searchTerms(query.text);
        const countries = new Set(query.countries);
        const topics = new Set(query.topics);
        const programmes = byId(store.db.programmes);
        const hits = source.filter(
          (r) =>
            (countries.size === 0 || r.countries.some((c) => countries.has(c))) &&
            (topics.size === 0 || r.topics.some((t) => topics.has(t))) &&
            (query.deadlineFrom === undefined || (r.deadline !== null && r.deadline >= query.deadlineFrom)) &&
            (terms.length === 0 || matchesTerms(terms, [programmeText(programmes.get(r.id)!)])),
        );
        const key = query.sort;
        return hits.sort((a, b) => compareValues(a[key], b[key], query.direction) || compareValues(a.name, b.name, 'asc'));
      });
      return window(rows, query.offset, query.limit);
    },

    get: ({ id }): ProgrammeRecord => records.get(id),

    /** Pickers: matching programmes by name or funder, or the named ones (to show current values). */
    lookup: (query: ParsedInputOf<'programmes.lookup'>): ProgrammeRef[] => lookupRecords(store.db.programmes, query, programmeText, programmeRef),

    create: (input) => store.update((draft) => records.insert(draft, input)),
    update: (input) => store.update((draft) => records.patch(draft, input)),
    deleteImpact: ({ id }) => records.deleteImpact(id),
    delete: (input) => records.remove(input),
  } satisfies ServiceOf<'programmes'>;
}
