/**
 * The cooperations service (`cooperations.*`): cooperations by the record recipe, every link checked
 * to exist, and the windowed list filtered by status, partner country or region, topic, institute,
 * group (of any organisation taking part) and programme. Partner countries are never stored on the
 * cooperation: they come from the partner organisations' records.
 */
import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { countryName } from '../../../../shared/features/countries/names';
import { countryInRegions } from '../../../../shared/features/countries/regions';
import { CooperationFields, type CooperationListItem, type CooperationRecord } from '../../../../shared/features/cooperations/schema';
import { foldText, matchesTerms, searchTerms } from '../../../../shared/domain/text';
import type { Database } from '../../../../shared/schemas/database';
import { type ServiceContext, localDate } from '../../records/context';
import { byId, indexes, memoOn } from '../../records/indexes';
import { compareValues, listCache, queryKey, window } from '../../records/lists';
import { collection } from '../../records/recipe';
import { contactRef } from '../contacts/contacts';
import { groupRef } from '../groups/groups';
import { organisationRef } from '../organisations/organisations';
import { programmeRef } from '../programmes/programmes';

/** A list row with what the filters need besides what the list shows. */
interface Row {
  item: CooperationListItem;
  instituteIds: ReadonlySet<string>;
  groupIds: ReadonlySet<string>;
  organisationIds: ReadonlySet<string>;
  /** Every person, case, trip and note it names. */
  linked: ReadonlySet<string>;
  programmeId: string | null;
  text: string;
}

const rowsCache = memoOn<Row[]>();

/** One row per cooperation with its organisations' names, countries and groups resolved. */
function cooperationRows(db: Database): Row[] {
  return rowsCache([db.cooperations, db.organisations, db.programmes], () => {
    const orgs = byId(db.organisations);
    const programmes = byId(db.programmes);
    return db.cooperations.map((c): Row => {
      const institutes = c.institutes.map((id) => orgs.get(id)).filter((o) => !!o);
      const partners = c.partners.map((id) => orgs.get(id)).filter((o) => !!o);
      const countries = [...new Set(partners.map((o) => o!.country).filter((x): x is string => !!x))];
      const programme = c.programmeId ? programmes.get(c.programmeId) : undefined;
      const involved = [...institutes, ...partners];
      return {
        item: {
          id: c.id,
          revision: c.revision,
          title: c.title,
          status: c.status,
          institutes: institutes.map((o) => o!.shortName || o!.name),
          partners: partners.map((o) => o!.shortName || o!.name),
          countries,
          topics: c.topics,
          programme: programme?.name ?? c.instrument,
          start: c.start,
          end: c.end,
          volume: c.volume,
          updatedAt: c.updatedAt,
        },
        instituteIds: new Set(c.institutes),
        organisationIds: new Set([...c.institutes, ...c.partners]),
        groupIds: new Set(involved.flatMap((o) => o!.groupIds)),
        linked: new Set([...c.ourContacts, ...c.partnerContacts, ...c.caseIds, ...c.tripIds, ...c.noteIds]),
        programmeId: c.programmeId,
        text: foldText(
          [
            c.title,
            c.instrument,
            c.funder,
            c.notes,
            programme?.name ?? '',
            ...c.topics,
            ...involved.flatMap((o) => [o!.name, o!.shortName]),
            ...countries.flatMap((x) => [x, countryName(x, 'en'), countryName(x, 'de')]),
          ].join('\n'),
        ),
      };
    });
  });
}

export function createCooperationService(ctx: ServiceContext) {
  const { store } = ctx;
  const sorted = listCache<Row>();

  /**
   * Every record a cooperation names must exist; reported on the field that names it. Only links the
   * edit adds are checked: one left dangling by an Undo elsewhere never blocks an unrelated change.
   */
  function assertLinks(c: CooperationRecord | ParsedInputOf<'cooperations.create'>, current: CooperationRecord | undefined) {
    const db = store.db;
    const fail = (field: string) => {
      throw new AppError('VALIDATION', `A linked record in ${field} does not exist.`, { fields: { [field]: { key: 'validation.unknownRecord' } } });
    };
    const checks: Array<[string, readonly string[], ReadonlyMap<string, unknown>]> = [
      ['institutes', c.institutes, byId(db.organisations)],
      ['partners', c.partners, byId(db.organisations)],
      ['ourContacts', c.ourContacts, byId(db.contacts)],
      ['partnerContacts', c.partnerContacts, byId(db.contacts)],
      ['caseIds', c.caseIds, byId(db.cases)],
      ['tripIds', c.tripIds, byId(db.trips)],
      ['noteIds', c.noteIds, byId(db.notes)],
    ];
    const had = (field: string) => new Set(current ? ((current as unknown as Record<string, unknown>)[field] as string[]) : []);
    for (const [field, ids, known] of checks) {
      const before = had(field);
      if (ids.some((id) => !known.has(id) && !before.has(id))) fail(field);
    }
    if (c.programmeId && c.programmeId !== current?.programmeId && !byId(db.programmes).has(c.programmeId)) fail('programmeId');
  }

  const records = collection(ctx, {
    collection: 'cooperations',
    what: 'cooperation',
    title: 'Cooperation',
    fields: CooperationFields,
    label: (c) => c.title,
    check: (c, current) => assertLinks(c, current),
  });

  return {
    list(query: ParsedInputOf<'cooperations.list'>) {
      const source = cooperationRows(store.db);
      const rows = sorted(source, queryKey(query), () => {
        const terms = searchTerms(query.text);
        const statuses = new Set(query.statuses);
        const countries = new Set(query.countries);
        const regions = new Set(query.regions);
        const topics = new Set(query.topics);
        const institutes = query.institutes;
        const groups = query.groups;
        const programmes = new Set(query.programmeIds);
        const hits = source.filter(
          (r) =>
            (statuses.size === 0 || statuses.has(r.item.status)) &&
            (countries.size === 0 || r.item.countries.some((c) => countries.has(c))) &&
            (regions.size === 0 || r.item.countries.some((c) => countryInRegions(c, regions))) &&
            (topics.size === 0 || r.item.topics.some((t) => topics.has(t))) &&
            (institutes.length === 0 || institutes.some((id) => r.instituteIds.has(id))) &&
            (groups.length === 0 || groups.some((id) => r.groupIds.has(id))) &&
            (programmes.size === 0 || (r.programmeId !== null && programmes.has(r.programmeId))) &&
            (query.organisationId === undefined || r.organisationIds.has(query.organisationId)) &&
            [query.contactId, query.caseId, query.tripId, query.noteId].every((id) => id === undefined || r.linked.has(id)) &&
            (terms.length === 0 || matchesTerms(terms, [r.text])),
        );
        const key = query.sort;
        return hits.sort((a, b) => compareValues(a.item[key], b.item[key], query.direction) || compareValues(a.item.title, b.item.title, 'asc'));
      });
      const page = window(rows, query.offset, query.limit);
      return { ...page, rows: page.rows.map((r) => r.item) };
    },

    get: ({ id }): CooperationRecord => records.get(id),

    /** The cooperation screen: organisations (with their groups), people, programme, cases, trips and notes resolved. */
    related({ id }) {
      const db = store.db;
      const c = records.get(id);
      const ix = indexes(db);
      const day = localDate(ctx.now());
      const groups = byId(db.groups);
      const organisation = (oid: string) => {
        const o = ix.organisation(oid);
        return o ? [{ ...organisationRef(o), groups: o.groupIds.map((g) => groups.get(g)).filter((g) => !!g).map((g) => groupRef(g!)) }] : [];
      };
      const contact = (cid: string) => {
        const p = ix.contact(cid);
        return p ? [contactRef(db, p, day)] : [];
      };
      const programme = c.programmeId ? byId(db.programmes).get(c.programmeId) : undefined;
      const trips = byId(db.trips);
      return {
        institutes: c.institutes.flatMap(organisation),
        partners: c.partners.flatMap(organisation),
        ourContacts: c.ourContacts.flatMap(contact),
        partnerContacts: c.partnerContacts.flatMap(contact),
        programme: programme ? programmeRef(programme) : null,
        cases: c.caseIds.flatMap((cid) => {
          const k = ix.caseById(cid);
          return k ? [{ id: k.id, reference: k.reference, title: k.title, status: k.status }] : [];
        }),
        trips: c.tripIds.flatMap((tid) => {
          const t = trips.get(tid);
          return t ? [{ id: t.id, title: t.title, startDate: t.startDate, endDate: t.endDate }] : [];
        }),
        notes: c.noteIds.flatMap((nid) => {
          const n = ix.note(nid);
          return n ? [{ id: n.id, title: n.title, kind: n.kind, status: n.status, updatedAt: n.updatedAt }] : [];
        }),
      };
    },

    create: (input) => store.update((draft) => records.insert(draft, input)),
    update: (input) => store.update((draft) => records.patch(draft, input)),
    deleteImpact: ({ id }) => records.deleteImpact(id),
    delete: (input) => records.remove(input),
  } satisfies ServiceOf<'cooperations'>;
}
