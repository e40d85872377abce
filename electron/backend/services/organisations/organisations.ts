import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { countryName } from '../../../../shared/features/countries/names';
import { countryInRegions } from '../../../../shared/features/countries/regions';
import { isCurrentPosition } from '../../../../shared/features/contacts/schema';
import type { Database } from '../../../../shared/schemas/database';
import { OrganisationFields, type OrganisationListItem, type OrganisationRecord, type OrganisationRef } from '../../../../shared/features/organisations/schema';
import { matchesTerms, searchTerms } from '../../../../shared/domain/text';
import { type ServiceContext, localDate } from '../../records/context';
import { byId, dayKey, indexes, memoOn } from '../../records/indexes';
import { compareValues, foldedCache, listCache, queryKey, window } from '../../records/lists';
import { collection } from '../../records/recipe';
import { organisationMergeFields } from '../../../../shared/features/organisations/merge';
import { mergedFields, proposedChoice } from '../../../../shared/schemas/merge';
import { parseOrThrow } from '../../../../shared/validation';
import { applyMerge, assertTwo, planMerge } from '../../records/merge';
import type { AnyRecord } from '../../records/references';

const orgText = foldedCache((o: OrganisationRecord) =>
  [o.name, o.shortName, o.city, o.notes, ...o.topics, ...(o.country ? [o.country, countryName(o.country, 'en'), countryName(o.country, 'de')] : [])].join('\n'),
);

const parentRef = (o: OrganisationRecord | undefined) => (o ? organisationRef(o) : null);

export const organisationRef = (o: OrganisationRecord): OrganisationRef => ({ id: o.id, name: o.name, shortName: o.shortName, kind: o.kind, country: o.country, city: o.city });

/** The organisation table the list filters: one row per organisation with its counts. */
const rowsCache = memoOn<OrganisationListItem[]>();
function buildRows(db: Database, today: { value: string }): OrganisationListItem[] {
  const ix = indexes(db);
  return db.organisations.map((o) => ({
    id: o.id,
    revision: o.revision,
    name: o.name,
    shortName: o.shortName,
    kind: o.kind,
    country: o.country,
    city: o.city,
    topics: o.topics,
    parentId: o.parentId,
    parentName: ix.organisation(o.parentId)?.name ?? null,
    owner: o.owner,
    groupIds: o.groupIds,
    people: ix.positionsAt(o.id).filter((p) => isCurrentPosition(p, today.value)).length,
    cases: ix.casesOfOrganisation(o.id).length,
    updatedAt: o.updatedAt,
  }));
}

const today = (ctx: ServiceContext) => dayKey(localDate(ctx.now()));
const organisationRows = (ctx: ServiceContext) => {
  const db = ctx.store.db;
  const day = today(ctx);
  return rowsCache([db.organisations, db.positions, db.cases, day], () => buildRows(db, day));
};

export function createOrganisationService(ctx: ServiceContext) {
  const { store } = ctx;
  const sorted = listCache<OrganisationListItem>();

  /** An organisation may not be its own ancestor. */
  function assertNoCycle(id: string | null, parentId: string | null) {
    if (!parentId) return;
    const orgs = byId(store.db.organisations);
    if (!orgs.has(parentId)) {
      throw new AppError('VALIDATION', 'The parent organisation does not exist.', { fields: { parentId: { key: 'validation.unknownRecord' } } });
    }
    for (let cursor: string | null = parentId, steps = 0; cursor; steps++) {
      if (cursor === id || steps > 1000) {
        throw new AppError('VALIDATION', 'An organisation cannot be placed under itself.', { fields: { parentId: { key: 'validation.parentCycle' } } });
      }
      cursor = orgs.get(cursor)?.parentId ?? null;
    }
  }

  const records = collection(ctx, {
    collection: 'organisations',
    what: 'organisation',
    title: 'Organisation',
    fields: OrganisationFields,
    label: (o) => o.name,
    check: (o, current) => {
      assertNoCycle(current?.id ?? null, o.parentId);
      const groups = byId(store.db.groups);
      // Only groups the edit adds: one left dangling by an Undo elsewhere never blocks an unrelated change.
      if (o.groupIds.some((g) => !groups.has(g) && !current?.groupIds.includes(g))) {
        throw new AppError('VALIDATION', 'A group the organisation names does not exist.', { fields: { groupIds: { key: 'validation.unknownRecord' } } });
      }
    },
  });

  return {
    list(query: ParsedInputOf<'organisations.list'>) {
      const source = organisationRows(ctx);
      const rows = sorted(source, queryKey(query), () => {
        const terms = searchTerms(query.text);
        const kinds = new Set(query.kinds);
        const countries = new Set(query.countries);
        const regions = new Set(query.regions);
        const topics = new Set(query.topics);
        const owners = new Set(query.owners);
        const groups = new Set(query.groups);
        const only = query.ids ? new Set(query.ids) : null;
        const orgs = byId(store.db.organisations);
        const hits = source.filter(
          (r) =>
            (kinds.size === 0 || kinds.has(r.kind)) &&
            (countries.size === 0 || (r.country !== null && countries.has(r.country))) &&
            (regions.size === 0 || (r.country !== null && countryInRegions(r.country, regions))) &&
            (topics.size === 0 || r.topics.some((t) => topics.has(t))) &&
            (owners.size === 0 || owners.has(r.owner)) &&
            (groups.size === 0 || r.groupIds.some((g) => groups.has(g))) &&
            (query.parentId === undefined || r.parentId === query.parentId) &&
            (only === null || only.has(r.id)) &&
            (terms.length === 0 || matchesTerms(terms, [orgText(orgs.get(r.id)!)])),
        );
        const key = query.sort;
        const value = (r: OrganisationListItem) => (key === 'people' ? r.people : key === 'cases' ? r.cases : r[key]);
        return hits.sort((a, b) => compareValues(value(a), value(b), query.direction) || compareValues(a.name, b.name, 'asc'));
      });
      return window(rows, query.offset, query.limit);
    },

    get({ id }): OrganisationRecord {
      return records.get(id);
    },

    /** Pickers: matching organisations by name, or the named ones (to show current values). */
    lookup(query: ParsedInputOf<'organisations.lookup'>): OrganisationRef[] {
      const orgs = byId(store.db.organisations);
      if (query.ids?.length) return query.ids.map((id) => orgs.get(id)).filter((o): o is OrganisationRecord => !!o).map(organisationRef);
      const terms = searchTerms(query.text);
      const out: OrganisationRef[] = [];
      for (const o of store.db.organisations) {
        if (terms.length === 0 || matchesTerms(terms, [orgText(o)])) out.push(organisationRef(o));
        if (out.length >= query.limit * 4) break;
      }
      return out.sort((a, b) => compareValues(a.name, b.name, 'asc')).slice(0, query.limit);
    },

    /** What the organisation screen shows besides the record: people now and before, cases, sub-organisations. */
    related({ id }) {
      const db = store.db;
      const ix = indexes(db);
      records.get(id);
      const day = today(ctx).value;
      const people = ix.positionsAt(id).map((p) => {
        const c = ix.contact(p.contactId)!;
        return { position: p, contact: { id: c.id, name: [c.academicTitle, c.givenName, c.familyName].filter(Boolean).join(' '), nativeName: c.nativeName }, current: isCurrentPosition(p, day) };
      });
      const byRecent = (a: { position: { from: string | null } }, b: { position: { from: string | null } }) => (b.position.from ?? '').localeCompare(a.position.from ?? '');
      return {
        current: people.filter((p) => p.current).sort(byRecent),
        former: people.filter((p) => !p.current).sort(byRecent),
        cases: ix.casesOfOrganisation(id).map((c) => ({ id: c.id, reference: c.reference, title: c.title, status: c.status, role: c.clientId === id ? ('client' as const) : ('partner' as const) })),
        children: ix.childrenOf(id).map(organisationRef),
        parent: parentRef(ix.organisation(ix.organisation(id)!.parentId)),
      };
    },

    create: (input) => store.update((draft) => records.insert(draft, input)),

    update: (input) => store.update((draft) => records.patch(draft, input)),

    deleteImpact: ({ id }) => records.deleteImpact(id),

    delete: (input) => records.remove(input),

    /** Both organisations side by side, the proposed choice per field, and the references that would move. */
    mergePreview({ keepId, otherId }) {
      assertTwo(keepId, otherId);
      const keep = records.get(keepId);
      const other = records.get(otherId);
      const proposed = Object.fromEntries(organisationMergeFields.map((f) => [f.field, proposedChoice(f, keep[f.field], other[f.field])]));
      return { keep, other, proposed, moves: planMerge(store.db, 'organisations', keepId, otherId).moves };
    },

    /**
     * Two organisations become one: the kept one takes the chosen values, every reference to the
     * other (positions, cases as client or partner, agenda items, sub-organisations) moves to it, and
     * the other goes to the trash. Both revisions are checked; one Undo restores the database as it was.
     */
    merge(input: ParsedInputOf<'organisations.merge'>) {
      assertTwo(input.keepId, input.otherId);
      return store.update((draft) => {
        const keep = records.current(input.keepId, input.keepRevision).record;
        const other = records.current(input.otherId, input.otherRevision).record;
        const { id: _i, createdAt: _c, updatedAt: _u, revision: _r, ...stored } = keep;
        const fields = parseOrThrow(OrganisationFields, { ...stored, ...mergedFields(organisationMergeFields, keep, other, input.choices) }, 'Organisation');
        // The other one's parent, or the kept one under itself: no parent. A parent below either of them: refused.
        if (fields.parentId === keep.id || fields.parentId === other.id) fields.parentId = null;
        const orgs = byId(store.db.organisations);
        const parentOf = (id: string) => {
          const p = id === keep.id ? fields.parentId : (orgs.get(id)?.parentId ?? null);
          return p === other.id ? keep.id : p;
        };
        for (let cursor = fields.parentId, steps = 0; cursor; cursor = parentOf(cursor), steps++) {
          if (cursor === keep.id || steps > 1000) {
            throw new AppError('VALIDATION', 'An organisation cannot be placed under itself.', { fields: { parentId: { key: 'validation.parentCycle' } } });
          }
        }
        const { record, undoId } = applyMerge(ctx, draft, 'organisations', keep as unknown as AnyRecord, other as unknown as AnyRecord, fields, `${keep.name} + ${other.name}`);
        return { record: record as unknown as OrganisationRecord, undoId };
      });
    },
  } satisfies ServiceOf<'organisations'>;
}

export { today as todayOf, organisationRows };
