import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { countReferences, nextCaseReference } from '../../../../shared/features/cases/rules';
import { countryName } from '../../../../shared/features/countries/names';
import { countryInRegions } from '../../../../shared/features/countries/regions';
import { foldText, matchesTerms, searchTerms } from '../../../../shared/domain/text';
import { CaseFields, type CaseListItem, type CaseRecord, type CaseStatus, caseStatuses, casePriorities } from '../../../../shared/features/cases/schema';
import type { Database } from '../../../../shared/schemas/database';
import type { Draft } from 'immer';
import { exportCaseBriefing } from '../../pdf/documents/case-briefing';
import type { Platform } from '../../platform';
import { type ServiceContext, localDate } from '../../records/context';
import { contactRef } from '../contacts/contacts';
import { byId, dayKey, indexes, memoOn } from '../../records/indexes';
import { compareText, compareValues, foldedCache, listCache, queryKey, window } from '../../records/lists';
import { organisationRef } from '../organisations/organisations';
import { programmeRef } from '../programmes/programmes';
import { collection } from '../../records/recipe';
import { bumped, findOrThrow } from '../../records/records';
import { addToTrash } from '../../records/trash';

type ParsedQuery = ParsedInputOf<'cases.list'>;

const caseText = foldedCache((c: CaseRecord) =>
  [c.title, c.reference, c.client, c.owner, c.summary, ...c.fundingInstruments, ...c.topics, ...c.countries.flatMap((k) => [k, countryName(k, 'en'), countryName(k, 'de')])].join('\n'),
);

const statusRank = Object.fromEntries(caseStatuses.map((s, i) => [s, i])) as Record<CaseStatus, number>;
const priorityRank = Object.fromEntries(casePriorities.map((p, i) => [p, i])) as Record<string, number>;

interface CaseRow extends CaseListItem {
  haystacks: string[];
  /** Groups of the client and the partner organisations, for the group filter. */
  groupIds: ReadonlySet<string>;
}

const rowsCache = memoOn<CaseRow[]>();

function buildRows(db: Database, today: string): CaseRow[] {
  const ix = indexes(db);
  const programmes = byId(db.programmes);
  return db.cases.map((record) => {
    const { summary: _s, ...c } = record;
    const client = ix.organisation(c.clientId);
    const programme = c.programmeId ? programmes.get(c.programmeId) : undefined;
    const counts = ix.taskCounts(c.id, today);
    const linked = [client, ...c.partnerOrganisationIds.map((id) => ix.organisation(id))];
    return {
      ...c,
      clientName: client?.name ?? c.client,
      programmeName: programme?.name ?? '',
      openTasks: counts.open,
      overdueTasks: counts.overdue,
      // The search finds a case by its client's and its programme's names too.
      haystacks: [caseText(record), ...(client ? [foldText(`${client.name}\n${client.shortName}`)] : []), ...(programme ? [foldText(programme.name)] : [])],
      groupIds: new Set(linked.flatMap((o) => o?.groupIds ?? [])),
    };
  });
}

const vocabularyCache = memoOn<ReturnType<typeof buildVocabulary>>();

/**
 * Values already used in the workspace, offered by filters and editors. `owners` are all the names
 * of our team that own something (editors suggest them); `listOwners` are those used in each list,
 * so a list's Owner filter offers only names that match something there.
 */
function buildVocabulary(db: Database) {
  const topics = new Set<string>();
  const clients = new Set<string>();
  const funding = new Set<string>();
  const owned = { cases: new Set<string>(), organisations: new Set<string>(), contacts: new Set<string>(), notes: new Set<string>() };
  for (const c of db.cases) {
    c.topics.forEach((t) => topics.add(t));
    c.fundingInstruments.forEach((f) => funding.add(f));
    if (c.owner) owned.cases.add(c.owner);
    if (c.client) clients.add(c.client);
  }
  for (const o of db.organisations) {
    o.topics.forEach((t) => topics.add(t));
    if (o.owner) owned.organisations.add(o.owner);
  }
  for (const p of db.contacts) {
    p.expertise.forEach((t) => topics.add(t));
    if (p.owner) owned.contacts.add(p.owner);
  }
  for (const n of db.notes) {
    n.topics.forEach((t) => topics.add(t));
    if (n.owner) owned.notes.add(n.owner);
  }
  for (const c of db.cooperations) {
    c.topics.forEach((t) => topics.add(t));
    if (c.instrument) funding.add(c.instrument);
  }
  for (const p of db.programmes) p.topics.forEach((t) => topics.add(t));
  const sortedList = (s: Iterable<string>) => [...new Set(s)].sort(compareText);
  return {
    topics: sortedList(topics),
    owners: sortedList(Object.values(owned).flatMap((s) => [...s])),
    clients: sortedList(clients),
    fundingInstruments: sortedList(funding),
    listOwners: {
      cases: sortedList(owned.cases),
      organisations: sortedList(owned.organisations),
      contacts: sortedList(owned.contacts),
      notes: sortedList(owned.notes),
    },
  };
}

const toItem = ({ haystacks: _h, groupIds: _g, statusHistory: _s, shortlist: _l, ...item }: CaseRow & { statusHistory?: unknown; shortlist?: unknown }): CaseListItem => item as CaseListItem;

function compare(a: CaseRow, b: CaseRow, key: ParsedQuery['sort'], direction: 'asc' | 'desc'): number {
  const sign = direction === 'asc' ? 1 : -1;
  switch (key) {
    case 'status':
      return sign * (statusRank[a.status] - statusRank[b.status]);
    case 'priority':
      return sign * ((priorityRank[a.priority] ?? 0) - (priorityRank[b.priority] ?? 0));
    case 'client':
      return compareValues(a.clientName, b.clientName, direction);
    case 'dueOn':
      return compareValues(a.dueOn, b.dueOn, direction);
    case 'openedOn':
    case 'updatedAt':
      return sign * a[key].localeCompare(b[key]);
    default:
      return sign * compareText(a[key], b[key]);
  }
}

export function createCaseService(ctx: ServiceContext, platform: Platform) {
  const { store } = ctx;
  const sorted = listCache<CaseRow>();
  const today = () => localDate(ctx.now());

  function rows(): CaseRow[] {
    const db = store.db;
    const day = dayKey(today());
    return rowsCache([db.cases, db.organisations, db.tasks, db.programmes, day], () => buildRows(db, day.value));
  }

  /** Records that `reference` has been issued, so a generated one is never handed out again. */
  function issue(draft: Draft<Database>, reference: string) {
    const counted = countReferences(store.db.counters.caseReferences, [reference]);
    for (const [year, n] of Object.entries(counted)) {
      if (store.db.counters.caseReferences[year] !== n) draft.counters.caseReferences[year] = n;
    }
  }

  /**
   * Links must point at records that exist. The programme is checked only when the edit sets it: one
   * left dangling by an Undo elsewhere never blocks an unrelated change (as on cooperations).
   */
  function assertLinks(
    fields: { clientId: string | null; clientContactIds: readonly string[]; partnerOrganisationIds: readonly string[]; programmeId: string | null },
    current: CaseRecord | undefined,
  ) {
    const orgs = byId(store.db.organisations);
    const contacts = byId(store.db.contacts);
    const fail = (field: string) => {
      throw new AppError('VALIDATION', `A linked record in ${field} does not exist.`, { fields: { [field]: { key: 'validation.unknownRecord' } } });
    };
    if (fields.clientId && !orgs.has(fields.clientId)) fail('clientId');
    if (fields.partnerOrganisationIds.some((id) => !orgs.has(id))) fail('partnerOrganisationIds');
    if (fields.clientContactIds.some((id) => !contacts.has(id))) fail('clientContactIds');
    if (fields.programmeId && fields.programmeId !== current?.programmeId && !byId(store.db.programmes).has(fields.programmeId)) fail('programmeId');
  }

  const records = collection(ctx, {
    collection: 'cases',
    what: 'case',
    fields: CaseFields,
    title: 'Case',
    label: (c) => `${c.reference} ${c.title}`,
    check: assertLinks,
    // A status change is recorded with the day it happened.
    derive: (next, current) => ({
      ...next,
      // The shortlist is written by saveShortlist only; an edit keeps it.
      shortlist: current ? current.shortlist : [],
      statusHistory: !current
        ? [{ status: next.status, on: next.openedOn }]
        : next.status !== current.status
          ? [...current.statusHistory, { status: next.status, on: today() }]
          : current.statusHistory,
    }),
  });

  function referenceFor(openedOn?: string): string {
    const year = Number((openedOn ?? today()).slice(0, 4));
    const db = store.db;
    return nextCaseReference(
      db.cases.map((c) => c.reference),
      year,
      db.counters.caseReferences[String(year)] ?? 0,
    );
  }

  return {
    list(query: ParsedQuery) {
      const source = rows();
      const hits = sorted(source, queryKey(query), () => {
        const statuses = new Set(query.statuses);
        const countries = new Set(query.countries);
        const regions = new Set(query.regions);
        const topics = new Set(query.topics);
        const owners = new Set(query.owners);
        const programmes = new Set(query.programmeIds);
        const classifications = new Set(query.classifications);
        const groups = query.groups;
        const terms = searchTerms(query.text);
        const found = source.filter(
          (c) =>
            (statuses.size === 0 || statuses.has(c.status)) &&
            (countries.size === 0 || c.countries.some((k) => countries.has(k))) &&
            (regions.size === 0 || c.countries.some((k) => countryInRegions(k, regions))) &&
            (topics.size === 0 || c.topics.some((t) => topics.has(t))) &&
            (owners.size === 0 || owners.has(c.owner)) &&
            (programmes.size === 0 || (c.programmeId !== null && programmes.has(c.programmeId))) &&
            (classifications.size === 0 || classifications.has(c.classification)) &&
            (query.clientId === undefined || c.clientId === query.clientId) &&
            (groups.length === 0 || groups.some((g) => c.groupIds.has(g))) &&
            (terms.length === 0 || matchesTerms(terms, c.haystacks)),
        );
        return found.sort((a, b) => compare(a, b, query.sort, query.direction) || compareText(a.reference, b.reference));
      });
      const page = window(hits, query.offset, query.limit);
      return { ...page, rows: page.rows.map(toItem) };
    },

    get: ({ id }) => records.get(id),

    /** The case screen's links: client, client contacts, partners and the funding programme as readable references. */
    related({ id }) {
      const db = store.db;
      const ix = indexes(db);
      const c = findOrThrow(db.cases, id, 'case');
      const day = today();
      const org = (oid: string) => ix.organisation(oid);
      const programme = c.programmeId ? byId(db.programmes).get(c.programmeId) : undefined;
      return {
        client: c.clientId && org(c.clientId) ? organisationRef(org(c.clientId)!) : null,
        clientContacts: c.clientContactIds.map((cid) => ix.contact(cid)).filter((x) => !!x).map((x) => contactRef(db, x!, day)),
        partners: c.partnerOrganisationIds.map(org).filter((x) => !!x).map((x) => organisationRef(x!)),
        programme: programme ? programmeRef(programme) : null,
        notes: ix.notesOfCase(id).map((n) => ({ id: n.id, title: n.title, kind: n.kind, status: n.status, updatedAt: n.updatedAt })),
      };
    },

    nextReference: ({ openedOn }) => ({ reference: referenceFor(openedOn) }),

    vocabulary() {
      const db = store.db;
      return vocabularyCache([db.cases, db.organisations, db.contacts, db.notes, db.cooperations, db.programmes], () => buildVocabulary(db));
    },

    create(input): Promise<CaseRecord> {
      return store.update((draft) => {
        const record = records.insert(draft, { ...input, reference: input.reference ?? referenceFor(input.openedOn) });
        issue(draft, record.reference);
        return record;
      });
    },

    update(input): Promise<CaseRecord> {
      return store.update((draft) => {
        const before = records.get(input.id).reference;
        const record = records.patch(draft, input);
        if (record.reference !== before) issue(draft, record.reference);
        return record;
      });
    },

    deleteImpact: ({ id }) => records.deleteImpact(id),

    delete: (input) => records.remove(input),

    /**
     * Replaces the case's shortlist: every entry must name an organisation or person that exists;
     * the revision is checked; one trash entry keeps the case as it was, so Undo puts the list back
     * (refused if the case changed since).
     */
    saveShortlist({ id, revision, entries }) {
      return store.update((draft) => {
        const { record: was, index } = records.current(id, revision);
        const lists = { organisations: byId(store.db.organisations), contacts: byId(store.db.contacts) };
        entries.forEach((e, i) => {
          if (!lists[e.collection].has(e.id)) {
            throw new AppError('VALIDATION', `No ${e.collection} record ${e.id} for the shortlist.`, { fields: { [`entries.${i}.id`]: { key: 'validation.unknownRecord' } } });
          }
        });
        const stamp = ctx.now().toISOString();
        const record = bumped(was, { shortlist: entries }, stamp);
        draft.cases.set(index, record);
        const undoId = ctx.newId();
        addToTrash(draft, { id: undoId, deletedAt: stamp, label: `${was.reference} ${was.title}`, removed: {}, relinks: [], replaced: [{ collection: 'cases', before: was, revision: record.revision }] });
        return { record, undoId };
      });
    },

    exportBriefing: async (input) => platform.deliverFile(await exportCaseBriefing(ctx, input)),
  } satisfies ServiceOf<'cases'>;
}

export type CaseService = ReturnType<typeof createCaseService>;
