import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { countryInRegions } from '../../../../shared/features/countries/regions';
import { ContactFields, PositionFields, displayName, isCurrentPosition, type ContactRecord, type ContactRef } from '../../../../shared/features/contacts/schema';
import type { CaseStatus } from '../../../../shared/features/cases/schema';
import { parseOrThrow } from '../../../../shared/validation';
import { type ServiceContext, localDate } from '../../records/context';
import { byId, indexes } from '../../records/indexes';
import { compareValues, listCache, matchesTerms, queryKey, searchTerms, window } from '../../records/lists';
import { organisationRef } from '../organisations/organisations';
import { assertExists, assertRevision, findOrThrow, indexOfOrThrow } from '../../records/records';
import { applyDelete, describePlan, planDelete } from '../../records/references';
import { contactRef, contactRows, toItem, type ContactRow } from './rows';

export { contactRef, contactRows } from './rows';

export function createContactService(ctx: ServiceContext) {
  const { store } = ctx;
  const sorted = listCache<ContactRow>();
  const today = () => localDate(ctx.now());

  return {
    list(query: ParsedInputOf<'contacts.list'>) {
      const source = contactRows(ctx);
      const rows = sorted(source, queryKey(query), () => {
        const terms = searchTerms(query.text);
        const countries = new Set(query.countries);
        const regions = new Set(query.regions);
        const topics = new Set(query.topics);
        const kinds = new Set(query.organisationKinds);
        const languages = new Set(query.languages);
        const owners = new Set(query.owners);
        const hits = source.filter(
          (r) =>
            (countries.size === 0 || r.countries.some((k) => countries.has(k))) &&
            (regions.size === 0 || r.countries.some((k) => countryInRegions(k, regions))) &&
            (topics.size === 0 || r.expertise.some((t) => topics.has(t))) &&
            (kinds.size === 0 || r.kinds.some((k) => kinds.has(k))) &&
            (languages.size === 0 || r.languages.some((l) => languages.has(l))) &&
            (owners.size === 0 || owners.has(r.owner)) &&
            (query.organisationId === undefined || r.organisationIds.includes(query.organisationId)) &&
            (terms.length === 0 || matchesTerms(terms, r.haystacks)),
        );
        const value = (r: ContactRow) =>
          query.sort === 'name' ? r.sortName : query.sort === 'organisation' ? r.organisationName : query.sort === 'role' ? r.role : r[query.sort];
        return hits.sort((a, b) => compareValues(value(a), value(b), query.direction) || compareValues(a.sortName, b.sortName, 'asc'));
      });
      const page = window(rows, query.offset, query.limit);
      return { ...page, rows: page.rows.map(toItem) };
    },

    get({ id }): ContactRecord {
      return findOrThrow(store.db.contacts, id, 'contact');
    },

    lookup(query: ParsedInputOf<'contacts.lookup'>): ContactRef[] {
      const db = store.db;
      const day = today();
      if (query.ids?.length) {
        const contacts = byId(db.contacts);
        return query.ids.map((id) => contacts.get(id)).filter((c): c is ContactRecord => !!c).map((c) => contactRef(db, c, day));
      }
      const terms = searchTerms(query.text);
      const rows = contactRows(ctx);
      const out: ContactRef[] = [];
      for (const r of rows) {
        if (terms.length && !matchesTerms(terms, r.haystacks)) continue;
        out.push({ id: r.id, name: r.name, nativeName: r.nativeName, role: r.role, organisationName: r.organisationName });
        if (out.length >= query.limit) break;
      }
      return out;
    },

    /** Everything the contact screen shows: positions over time, timeline, cases and notes. */
    related({ id }) {
      const db = store.db;
      const ix = indexes(db);
      findOrThrow(db.contacts, id, 'contact');
      const day = today();
      const positions = [...ix.positionsOfContact(id)]
        .sort((a, b) => (b.from ?? '').localeCompare(a.from ?? ''))
        .map((p) => ({ position: p, organisation: ix.organisation(p.organisationId) ? organisationRef(ix.organisation(p.organisationId)!) : null, current: isCurrentPosition(p, day) }));
      const all = [...ix.activitiesOfContact(id)].sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt));
      // A debriefed meeting is written to each linked case's timeline; on the person's it is one meeting.
      const seen = new Set<string>();
      const activities = all
        .filter((a) => {
          if (a.source?.kind !== 'debrief') return true;
          const key = `${a.source.tripId}/${a.source.agendaItemId}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        })
        .map((a) => ({ ...a, caseTitle: a.caseId ? (ix.caseById(a.caseId)?.title ?? null) : null }));
      const viaActivities = new Set(all.map((a) => a.caseId).filter((c): c is string => !!c));
      const cases = new Map<string, { id: string; reference: string; title: string; status: CaseStatus; role: 'clientContact' | 'participant' }>();
      for (const c of ix.casesOfContact(id)) cases.set(c.id, { id: c.id, reference: c.reference, title: c.title, status: c.status, role: 'clientContact' });
      for (const caseId of viaActivities) {
        const c = ix.caseById(caseId);
        if (c && !cases.has(c.id)) cases.set(c.id, { id: c.id, reference: c.reference, title: c.title, status: c.status, role: 'participant' });
      }
      return {
        positions,
        activities,
        cases: [...cases.values()],
        notes: ix.notesOfContact(id).map((n) => ({ id: n.id, title: n.title, kind: n.kind, status: n.status, updatedAt: n.updatedAt })),
        lastContact: ix.lastContact(id),
      };
    },

    create(input: ParsedInputOf<'contacts.create'>) {
      return store.update((draft) => {
        const stamp = ctx.now().toISOString();
        const fields = parseOrThrow(ContactFields, input.contact, 'Contact');
        const record: ContactRecord = { id: ctx.newId(), createdAt: stamp, updatedAt: stamp, revision: 1, ...fields };
        draft.contacts.push(record);
        // A new person usually comes with the role they hold: saved in the same write.
        for (const p of input.positions) {
          assertExists(store.db, 'organisations', p.organisationId, 'positions');
          const position = parseOrThrow(PositionFields, { ...p, contactId: record.id }, 'Position');
          draft.positions.push({ id: ctx.newId(), createdAt: stamp, updatedAt: stamp, revision: 1, ...position });
        }
        return record;
      });
    },

    update(input: ParsedInputOf<'contacts.update'>): Promise<ContactRecord> {
      return store.update((draft) => {
        const i = indexOfOrThrow(store.db.contacts, input.id, 'contact');
        const current = store.db.contacts[i]!;
        assertRevision(current, input.revision, 'contact');
        const { id: _i, createdAt: _c, updatedAt: _u, revision: _r, ...fields } = current;
        const next = parseOrThrow(ContactFields, { ...fields, ...input.changes }, 'Contact');
        const record: ContactRecord = { ...current, ...next, revision: current.revision + 1, updatedAt: ctx.now().toISOString() };
        draft.contacts[i] = record;
        return record;
      });
    },

    deleteImpact({ id }) {
      const c = findOrThrow(store.db.contacts, id, 'contact');
      return describePlan(planDelete(store.db, 'contacts', id), displayName(c), 'contacts');
    },

    delete({ id, revision }): Promise<{ undoId: string }> {
      return store.update((draft) => {
        const c = findOrThrow(store.db.contacts, id, 'contact');
        assertRevision(c, revision, 'contact');
        return { undoId: applyDelete(ctx, draft, planDelete(store.db, 'contacts', id), displayName(c)) };
      });
    },
  } satisfies ServiceOf<'contacts'>;
}
