import { AppError } from '../../../../shared/errors';
import type { ParsedInputOf } from '../../../../shared/contract';
import { countryName } from '../../../../shared/features/countries/names';
import { countryInRegions } from '../../../../shared/features/countries/regions';
import {
  ContactFields,
  PositionFields,
  displayName,
  isCurrentPosition,
  type ContactListItem,
  type ContactRecord,
  type ContactRef,
  type PositionRecord,
} from '../../../../shared/features/contacts/schema';
import type { CaseStatus } from '../../../../shared/features/cases/schema';
import type { Database } from '../../../../shared/schemas/database';
import type { OrganisationRecord } from '../../../../shared/features/organisations/schema';
import { parseOrThrow } from '../../../../shared/validation';
import { type ServiceContext, localDate } from '../../records/context';
import { byId, dayKey, indexes, memoOn } from '../../records/indexes';
import { compareValues, foldedCache, listCache, matchesTerms, queryKey, searchTerms, window } from '../../records/lists';
import { organisationRef } from '../organisations/organisations';
import { assertRevision, findOrThrow, indexOfOrThrow } from '../../records/records';
import { applyDelete, describePlan, planDelete } from '../../records/references';

const contactText = foldedCache((c: ContactRecord) =>
  [c.honorific, c.academicTitle, c.givenName, c.familyName, c.nativeName, c.transliteration, c.notes, ...c.emails.map((e) => e.address), ...c.expertise].join('\n'),
);
const orgText = foldedCache((o: OrganisationRecord) =>
  [o.name, o.shortName, o.city, ...(o.country ? [o.country, countryName(o.country, 'en'), countryName(o.country, 'de')] : [])].join('\n'),
);
const roleText = foldedCache((p: PositionRecord) => p.role);

/** The position a list shows: the current one that started last. */
function primaryPosition(positions: readonly PositionRecord[], today: string): PositionRecord | undefined {
  let best: PositionRecord | undefined;
  for (const p of positions) {
    if (!isCurrentPosition(p, today)) continue;
    if (!best || (p.from ?? '') > (best.from ?? '')) best = p;
  }
  return best;
}

interface ContactRow extends ContactListItem {
  /** Family name first, for sorting. */
  sortName: string;
  /** Countries of all current positions (or the contact's own), for filtering. */
  countries: string[];
  kinds: string[];
  organisationIds: string[];
  haystacks: string[];
}

const rowsCache = memoOn<ContactRow[]>();
/** Rows per contact record, valid while positions, organisations and activities are unchanged. */
const rowMaps = memoOn<WeakMap<ContactRecord, ContactRow>>();

function buildRows(db: Database, today: string, day: object): ContactRow[] {
  const ix = indexes(db);
  // Editing one person replaces only their record: every other row is reused as it was.
  const known = rowMaps([db.positions, db.organisations, db.activities, day], () => new WeakMap());
  return db.contacts.map((c) => {
    const cached = known.get(c);
    if (cached) return cached;
    const row = buildRow(c);
    known.set(c, row);
    return row;
  });

  function buildRow(c: ContactRecord): ContactRow {
    const positions = ix.positionsOfContact(c.id);
    const current = positions.filter((p) => isCurrentPosition(p, today));
    const primary = primaryPosition(current, today);
    const org = primary ? ix.organisation(primary.organisationId) : undefined;
    const currentOrgs = current.map((p) => ix.organisation(p.organisationId)).filter((o): o is OrganisationRecord => !!o);
    const countries = [...new Set(currentOrgs.map((o) => o.country).filter((k): k is string => !!k))];
    if (countries.length === 0 && c.country) countries.push(c.country);
    const phone = c.phones.find((p) => p.kind === 'work') ?? c.phones.find((p) => p.kind === 'mobile') ?? c.phones[0];
    return {
      id: c.id,
      revision: c.revision,
      name: displayName(c),
      honorific: c.honorific,
      nativeName: c.nativeName,
      role: primary?.role ?? null,
      organisationId: org?.id ?? null,
      organisationName: org?.name ?? null,
      country: org?.country ?? countries[0] ?? null,
      email: c.emails[0]?.address ?? null,
      phone: phone?.number ?? null,
      expertise: c.expertise,
      languages: c.languages,
      owner: c.owner,
      lastContact: ix.lastContact(c.id),
      updatedAt: c.updatedAt,
      sortName: `${c.familyName} ${c.givenName}`,
      countries,
      kinds: [...new Set(currentOrgs.map((o) => o.kind))],
      organisationIds: currentOrgs.map((o) => o.id),
      haystacks: [contactText(c), ...currentOrgs.map(orgText), ...current.map(roleText)],
    };
  }
}

export function contactRows(ctx: ServiceContext): ContactRow[] {
  const db = ctx.store.db;
  const day = dayKey(localDate(ctx.now()));
  return rowsCache([db.contacts, db.positions, db.organisations, db.activities, day], () => buildRows(db, day.value, day));
}

const toItem = ({ sortName: _s, countries: _c, kinds: _k, organisationIds: _o, haystacks: _h, ...item }: ContactRow): ContactListItem => item;

export function contactRef(db: Database, c: ContactRecord, today: string): ContactRef {
  const ix = indexes(db);
  const primary = primaryPosition(ix.positionsOfContact(c.id), today);
  return {
    id: c.id,
    name: displayName(c),
    nativeName: c.nativeName,
    role: primary?.role ?? null,
    organisationName: primary ? (ix.organisation(primary.organisationId)?.name ?? null) : null,
  };
}

export function createContactService(ctx: ServiceContext) {
  const { store } = ctx;
  const sorted = listCache<ContactRow>();
  const today = () => localDate(ctx.now());

  function assertExists(collection: 'contacts' | 'organisations', id: string, field: string) {
    if (!byId(store.db[collection] as readonly { id: string }[]).has(id)) {
      throw new AppError('VALIDATION', `No ${collection.slice(0, -1)} with id ${id}.`, { fields: { [field]: { key: 'validation.unknownRecord' } } });
    }
  }

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

    get(id: string): ContactRecord {
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
    related(id: string) {
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
          assertExists('organisations', p.organisationId, 'positions');
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

    deleteImpact(id: string) {
      const c = findOrThrow(store.db.contacts, id, 'contact');
      return describePlan(planDelete(store.db, 'contacts', id), displayName(c), 'contacts');
    },

    remove(id: string, revision: number): Promise<{ undoId: string }> {
      return store.update((draft) => {
        const c = findOrThrow(store.db.contacts, id, 'contact');
        assertRevision(c, revision, 'contact');
        return { undoId: applyDelete(ctx, draft, planDelete(store.db, 'contacts', id), displayName(c)) };
      });
    },

    // ——— positions ———

    createPosition(input: ParsedInputOf<'positions.create'>): Promise<PositionRecord> {
      return store.update((draft) => {
        assertExists('contacts', input.contactId, 'contactId');
        assertExists('organisations', input.organisationId, 'organisationId');
        const stamp = ctx.now().toISOString();
        const record: PositionRecord = { id: ctx.newId(), createdAt: stamp, updatedAt: stamp, revision: 1, ...parseOrThrow(PositionFields, input, 'Position') };
        draft.positions.push(record);
        return record;
      });
    },

    updatePosition(input: ParsedInputOf<'positions.update'>): Promise<PositionRecord> {
      return store.update((draft) => {
        const i = indexOfOrThrow(store.db.positions, input.id, 'position');
        const current = store.db.positions[i]!;
        assertRevision(current, input.revision, 'position');
        if (input.changes.organisationId) assertExists('organisations', input.changes.organisationId, 'organisationId');
        const { id: _i, createdAt: _c, updatedAt: _u, revision: _r, ...fields } = current;
        const next = parseOrThrow(PositionFields, { ...fields, ...input.changes }, 'Position');
        const record: PositionRecord = { ...current, ...next, revision: current.revision + 1, updatedAt: ctx.now().toISOString() };
        draft.positions[i] = record;
        return record;
      });
    },

    removePosition(id: string, revision: number): Promise<{ undoId: string }> {
      return store.update((draft) => {
        const p = findOrThrow(store.db.positions, id, 'position');
        assertRevision(p, revision, 'position');
        return { undoId: applyDelete(ctx, draft, planDelete(store.db, 'positions', id), p.role) };
      });
    },

    /**
     * A new person takes over a role: the holder's position ends the day before, the successor's
     * starts on the day, at the same organisation with the same title. Both stay on record.
     */
    handOver(input: ParsedInputOf<'positions.handOver'>): Promise<{ ended: PositionRecord; started: PositionRecord }> {
      return store.update((draft) => {
        const i = indexOfOrThrow(store.db.positions, input.positionId, 'position');
        const current = store.db.positions[i]!;
        assertRevision(current, input.revision, 'position');
        assertExists('contacts', input.successorId, 'successorId');
        if (input.successorId === current.contactId) {
          throw new AppError('VALIDATION', 'The successor is the current holder.', { fields: { successorId: { key: 'validation.sameHolder' } } });
        }
        if (current.from && input.on <= current.from) {
          throw new AppError('VALIDATION', 'The handover must be after the current holder started.', { fields: { on: { key: 'validation.handoverBeforeStart' } } });
        }
        const dayBefore = new Date(`${input.on}T12:00:00Z`);
        dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
        const stamp = ctx.now().toISOString();
        const ended: PositionRecord = { ...current, to: dayBefore.toISOString().slice(0, 10), revision: current.revision + 1, updatedAt: stamp };
        const started: PositionRecord = {
          id: ctx.newId(),
          createdAt: stamp,
          updatedAt: stamp,
          revision: 1,
          ...parseOrThrow(PositionFields, { contactId: input.successorId, organisationId: current.organisationId, role: current.role, from: input.on, to: null }, 'Position'),
        };
        draft.positions[i] = ended;
        draft.positions.push(started);
        return { ended, started };
      });
    },
  };
}
