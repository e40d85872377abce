import type { ParsedInputOf, ServiceOf } from '../../../../shared/contract';
import { countryInRegions } from '../../../../shared/features/countries/regions';
import { ContactFields, PositionFields, displayName, isCurrentPosition, type ContactRecord, type ContactRef } from '../../../../shared/features/contacts/schema';
import type { CaseStatus } from '../../../../shared/features/cases/schema';
import { parseOrThrow } from '../../../../shared/validation';
import { matchesTerms, searchTerms } from '../../../../shared/domain/text';
import { type ServiceContext, localDate } from '../../records/context';
import { byId, indexes } from '../../records/indexes';
import { listCache, queryKey, window } from '../../records/lists';
import { organisationRef } from '../organisations/organisations';
import { collection } from '../../records/recipe';
import { assertExists, newRecord } from '../../records/records';
import { describeErasure, planErasure } from '../../records/erasure';
import { eraseRecords } from '../../records/erase';
import { contactOrder, contactRef, contactRows, preparedOrder, sortContactRows, toItem, type ContactRow } from './rows';
import { contactMergeFields } from '../../../../shared/features/contacts/merge';
import { mergedFields, proposedChoice } from '../../../../shared/schemas/merge';
import { applyMerge, assertTwo, planMerge } from '../../records/merge';
import type { AnyRecord } from '../../records/references';

export { contactRef, contactRows } from './rows';

export function createContactService(ctx: ServiceContext) {
  const { store } = ctx;
  const sorted = listCache<ContactRow>();
  const today = () => localDate(ctx.now());
  const records = collection(ctx, { collection: 'contacts', what: 'contact', title: 'Contact', fields: ContactFields, label: displayName });

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
        const groups = new Set(query.groups);
        const only = query.ids ? new Set(query.ids) : null;
        const keep = (r: ContactRow) =>
          (countries.size === 0 || r.countries.some((k) => countries.has(k))) &&
          (regions.size === 0 || r.countries.some((k) => countryInRegions(k, regions))) &&
          (topics.size === 0 || r.expertise.some((t) => topics.has(t))) &&
          (kinds.size === 0 || r.kinds.some((k) => kinds.has(k))) &&
          (languages.size === 0 || r.languages.some((l) => languages.has(l))) &&
          (owners.size === 0 || owners.has(r.owner)) &&
          (query.organisationId === undefined || r.organisationIds.includes(query.organisationId)) &&
          (groups.size === 0 || r.groupIds.some((g) => groups.has(g))) &&
          (only === null || only.has(r.id)) &&
          (terms.length === 0 || matchesTerms(terms, r.haystacks));
        // Filtering the table's prepared order keeps it: no sort per query. Unprepared (just after
        // an edit, or another sort), a few hits are sorted alone; many prepare the whole order once.
        const prepared = preparedOrder(source, query.sort, query.direction);
        if (prepared) return prepared.filter(keep);
        const hits = source.filter(keep);
        if (hits.length * 4 < source.length) return sortContactRows(hits, query.sort, query.direction);
        return contactOrder(source, query.sort, query.direction).filter(keep);
      });
      const page = window(rows, query.offset, query.limit);
      return { ...page, rows: page.rows.map(toItem) };
    },

    get: ({ id }) => records.get(id),

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
      records.get(id);
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
        const record = records.insert(draft, input.contact);
        // A new person usually comes with the role they hold: saved in the same write.
        for (const p of input.positions) {
          assertExists(store.db, 'organisations', p.organisationId, 'positions');
          draft.positions.push(newRecord(ctx, parseOrThrow(PositionFields, { ...p, contactId: record.id }, 'Position'), record.createdAt));
        }
        return record;
      });
    },

    update: (input) => store.update((draft) => records.patch(draft, input)),

    deleteImpact: ({ id }) => records.deleteImpact(id),

    delete: (input) => records.remove(input),

    /** What erasing the person would remove and clear, in the tables and in the trash. */
    eraseImpact({ id }) {
      const person = records.get(id);
      return describeErasure(planErasure(store.db, [{ collection: 'contacts', id }], ctx.now().toISOString()), displayName(person), 'contacts');
    },

    /**
     * GDPR Art. 17: the person, what only they own and every copy in the trash go for good; no
     * reference can refuse it, and there is no undo. A backup is taken first; the erasure (id and
     * date only) is written to the register beside the database before the database itself, so a
     * crash in between still leaves it to be re-applied; then the database file is rewritten whole.
     */
    async erase({ id, revision }: ParsedInputOf<'contacts.erase'>) {
      records.current(id, revision); // not found or stale: refused before anything is written
      const erasedAt = ctx.now().toISOString();
      const done = await eraseRecords(ctx, [{ id, collection: 'contacts', erasedAt }], () => void records.current(id, revision));
      return { ...done.impact, erasedAt, registerMovedAside: done.registerMovedAside };
    },

    /** Both people side by side, the proposed choice per field, and the references that would move. */
    mergePreview({ keepId, otherId }) {
      assertTwo(keepId, otherId);
      const keep = records.get(keepId);
      const other = records.get(otherId);
      const proposed = Object.fromEntries(contactMergeFields.map((f) => [f.field, proposedChoice(f, keep[f.field], other[f.field])]));
      return { keep, other, proposed, moves: planMerge(store.db, 'contacts', keepId, otherId).moves };
    },

    /**
     * Two people become one: the kept person takes the chosen values, every reference to the other
     * (positions, cases, timeline, notes, agenda, delegations) moves to them, and the other goes to
     * the trash. Both revisions are checked; one Undo restores the database as it was.
     */
    merge(input: ParsedInputOf<'contacts.merge'>) {
      assertTwo(input.keepId, input.otherId);
      return store.update((draft) => {
        const keep = records.current(input.keepId, input.keepRevision).record;
        const other = records.current(input.otherId, input.otherRevision).record;
        const { id: _i, createdAt: _c, updatedAt: _u, revision: _r, ...stored } = keep;
        const fields = parseOrThrow(ContactFields, { ...stored, ...mergedFields(contactMergeFields, keep, other, input.choices) }, 'Contact');
        const label = `${displayName(keep)} + ${displayName(other)}`;
        const { record, undoId } = applyMerge(ctx, draft, 'contacts', keep as unknown as AnyRecord, other as unknown as AnyRecord, fields, label);
        return { record: record as unknown as ContactRecord, undoId };
      });
    },
  } satisfies ServiceOf<'contacts'>;
}
