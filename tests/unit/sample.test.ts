import { describe, expect, it } from 'vitest';
import { localDate } from '../../electron/backend/records/context';
import { references } from '../../electron/backend/records/references';
import { buildSampleDatabase } from '../../electron/backend/sample';
import { caseStatuses } from '../../shared/features/cases/schema';
import type { Rows } from '../../shared/schemas/collection';
import type { CollectionName, Database } from '../../shared/schemas/database';
import type { RichBlockNode, RichDoc } from '../../shared/schemas/richtext';
import { normaliseDoc } from '../../renderer/src/screens/notes/normalise';
import { openTestBackend } from './helpers/workspace';

const DAY = 86_400_000;

/** The calendar day after `iso` (local calendar arithmetic, as the app does). */
function nextDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return localDate(new Date(y, m - 1, d + 1, 12));
}

function blocksOf(doc: RichDoc): RichBlockNode[] {
  const out: RichBlockNode[] = [];
  const walk = (b: RichBlockNode) => {
    out.push(b);
    if (b.type === 'bulletList' || b.type === 'orderedList') b.content.forEach((li) => li.content.forEach(walk));
    else if (b.type === 'blockquote') b.content.forEach(walk);
    else if (b.type === 'table') b.content.forEach((row) => row.content.forEach((cell) => cell.content.forEach(walk)));
  };
  doc.content.forEach(walk);
  return out;
}

const hrefs = (doc: RichDoc) =>
  blocksOf(doc).flatMap((b) =>
    b.type === 'paragraph' || b.type === 'heading'
      ? (b.content ?? []).flatMap((n) => (n.type === 'text' ? (n.marks ?? []).flatMap((m) => (m.type === 'link' ? [m.attrs.href] : [])) : []))
      : [],
  );

async function sampleBackend() {
  const b = await openTestBackend({ sample: true });
  return { b, db: b.store.db as Database, today: localDate(new Date()) };
}

describe('sample workspace', () => {
  it('has a research-cooperation portfolio: our institutes in alliances, about 150 cooperations with partners in 40+ countries, programmes with coming deadlines, an Africa priority set with a gap', async () => {
    const { b, db, today } = await sampleBackend();
    const institutes = db.organisations.filter((o) => o.kind === 'researchInstitute' && o.country === 'DE' && o.groupIds.length > 0);
    expect(institutes.length).toBeGreaterThanOrEqual(6);
    expect(db.groups.filter((g) => g.kind === 'alliance').length).toBeGreaterThanOrEqual(2);
    expect((await b.call('groups.list', {})).rows.every((g) => g.members > 0)).toBe(true);
    const coops = await b.call('cooperations.list', { limit: 1000 });
    expect(coops.total).toBeGreaterThanOrEqual(140);
    expect(coops.total).toBeLessThanOrEqual(160);
    expect(new Set(coops.rows.map((c) => c.status)).size).toBe(7);
    const orgs = new Map(db.organisations.map((o) => [o.id, o]));
    const partnerCountries = new Set(db.cooperations.flatMap((c) => c.partners.map((p) => orgs.get(p)?.country)).filter((c) => !!c));
    expect(partnerCountries.size).toBeGreaterThanOrEqual(40);
    const years = new Set(db.cooperations.flatMap((c) => (c.start ? [c.start.slice(0, 4)] : [])));
    expect(years.size).toBeGreaterThanOrEqual(6);
    const upcoming = db.programmes.filter((p) => p.deadline && p.deadline >= today);
    expect(upcoming.length).toBeGreaterThanOrEqual(6);
    expect(upcoming.length).toBeLessThanOrEqual(10);

    const priorities = await b.call('priorities.list', { activeOn: today });
    expect(priorities.map((p) => [p.country ?? p.region, p.level])).toEqual([
      ['GH', 1],
      ['KE', 1],
      ['NG', 2],
      ['ZA', 2],
      ['202', 3],
    ]);
    expect(priorities.every((p) => p.notes.some((n) => n.title.startsWith('Africa strategy')))).toBe(true);
    const gaps = await b.call('priorities.gaps', {});
    const nigeria = gaps.find((g) => g.country === 'NG')!;
    expect(nigeria.gaps).toMatchObject({ noTripIn18Months: true, noContactIn18Months: true, noCooperation: false });
    // Ghana and Kenya have recent contacts and cooperations (the delegation trip there is still ahead).
    for (const code of ['GH', 'KE']) expect(gaps.find((g) => g.country === code)!.gaps).toMatchObject({ noContactIn18Months: false, noCooperation: false });
    expect((await b.call('countries.detail', { code: 'NG' })).priorities.map((p) => p.via)).toEqual(['country', 'region']);
  });

  it('has the promised size: about forty organisations, 120 people, 25 cases, twelve notes', async () => {
    const { b } = await sampleBackend();
    const organisations = (await b.call('organisations.list', { limit: 1000 })).total;
    // About fifty from the stories, eight institutes of ours and about fifty partners of the portfolio.
    expect(organisations).toBeGreaterThanOrEqual(90);
    expect(organisations).toBeLessThanOrEqual(120);
    expect((await b.call('contacts.list', { limit: 1000 })).total).toBe(120);
    expect((await b.call('cases.list', { limit: 1000 })).total).toBe(25);
    expect((await b.call('notes.list', { limit: 1000 })).total).toBe(12);
    expect((await b.call('views.list', { list: 'contacts' })).length).toBeGreaterThanOrEqual(1);
  });

  it('has cases in every status, with a consistent status history and unique references', async () => {
    const { b, db } = await sampleBackend();
    const rows = (await b.call('cases.list', { limit: 1000 })).rows;
    expect(new Set(rows.map((c) => c.status))).toEqual(new Set(caseStatuses));
    expect(new Set(rows.map((c) => c.priority)).size).toBe(4);
    expect(new Set(db.cases.map((c) => c.reference)).size).toBe(db.cases.length);
    for (const c of db.cases) {
      expect(c.reference).toMatch(/^AC-\d{4}-\d{3}$/);
      expect(c.reference.slice(3, 7)).toBe(c.openedOn.slice(0, 4));
      expect(c.statusHistory[0]!.on).toBe(c.openedOn);
      expect(c.statusHistory.at(-1)!.status).toBe(c.status);
      const days = c.statusHistory.map((s) => s.on);
      expect(days).toEqual([...days].sort());
      expect(c.clientId).not.toBeNull();
      expect(c.clientContactIds.length).toBeGreaterThanOrEqual(1);
      expect(c.clientContactIds.length).toBeLessThanOrEqual(2);
      expect(c.summary.length).toBeGreaterThan(80);
    }
    const lodz = db.cases.find((c) => c.title === 'Kooperation Łódź – Москва – Αθήνα – İzmir');
    expect(lodz).toBeDefined();
    expect((await b.call('cases.get', { id: lodz!.id })).title).toBe('Kooperation Łódź – Москва – Αθήνα – İzmir');
  });

  it('every reference points at a record that exists, and organisations form no cycles', async () => {
    const { db } = await sampleBackend();
    const ids = (name: CollectionName) => new Set((db[name] as Rows<{ id: string }>).map((r) => r.id));
    for (const ref of references) {
      const targets = ids(ref.to);
      for (const record of db[ref.from] as unknown as Array<Record<string, unknown>>) {
        const value = record[ref.field];
        if (ref.nested) {
          // A structured value must not point at anything missing: clearing the missing ids changes nothing.
          const missing = new Set<string>();
          JSON.stringify(value, (_k, v: unknown) => (typeof v === 'string' && !targets.has(v) && ref.nested!.touches(value, new Set([v])) ? (missing.add(v), v) : v));
          expect([...missing], `${ref.from}.${ref.field}`).toEqual([]);
          continue;
        }
        const pointed = ref.many ? (value as string[]) : value === null ? [] : [value as string];
        for (const id of pointed) expect(targets.has(id), `${ref.from}.${ref.field} → ${id}`).toBe(true);
      }
    }
    const notes = ids('notes');
    for (const r of db.noteRevisions) expect(notes.has(r.noteId)).toBe(true);

    const parent = new Map(db.organisations.map((o) => [o.id, o.parentId]));
    for (const o of db.organisations) {
      const seen = new Set<string>();
      for (let at: string | null | undefined = o.id; at; at = parent.get(at)) {
        expect(seen.has(at), `cycle through ${o.name}`).toBe(false);
        seen.add(at);
      }
    }
    // Every id is unique across the whole workspace.
    const all = [...(['organisations', 'contacts', 'positions', 'cases', 'tasks', 'activities', 'notes', 'views', 'trips', 'agendaItems'] as const).flatMap((n) => [...ids(n)]), ...db.noteRevisions.map((r) => r.id)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('covers the organisation kinds, with departments and member institutes as sub-organisations', async () => {
    const { db } = await sampleBackend();
    const kinds = new Set(db.organisations.map((o) => o.kind));
    for (const k of ['university', 'researchInstitute', 'company', 'ministry', 'embassy', 'fundingAgency', 'internationalOrganisation', 'ngo'] as const) expect(kinds).toContain(k);
    const byId = new Map(db.organisations.map((o) => [o.id, o]));
    const children = db.organisations.filter((o) => o.parentId);
    expect(children.some((o) => byId.get(o.parentId!)!.kind === 'ministry')).toBe(true);
    expect(children.some((o) => byId.get(o.parentId!)!.kind === 'embassy')).toBe(true);
    const siblings = new Map<string, number>();
    children.forEach((o) => siblings.set(o.parentId!, (siblings.get(o.parentId!) ?? 0) + 1));
    expect(Math.max(...siblings.values())).toBeGreaterThanOrEqual(4);
    for (const o of db.organisations) if (o.country) expect(o.country).toMatch(/^[A-Z]{2}$/);
    for (const o of db.organisations) for (const t of o.topics) expect(t).toBe(t.toLowerCase());
    const continents = new Set(db.organisations.map((o) => o.country).filter(Boolean));
    for (const c of ['GH', 'KE', 'VN', 'IN', 'DE', 'PL', 'CL', 'BR']) expect(continents).toContain(c);
  });

  it('records at least one succession: the old holder ends the day before the new one starts', async () => {
    const { b, db } = await sampleBackend();
    const successions = db.positions.flatMap((old) =>
      old.to
        ? db.positions.filter((p) => p.id !== old.id && p.organisationId === old.organisationId && p.role === old.role && p.contactId !== old.contactId && p.from === nextDay(old.to!))
        : [],
    );
    expect(successions.length).toBeGreaterThanOrEqual(3);
    // The organisation screen shows both: the successor as current, the predecessor as former.
    const related = await b.call('organisations.related', { id: successions[0]!.organisationId });
    expect(related.current.map((r) => r.contact.id)).toContain(successions[0]!.contactId);
    expect(related.former.length).toBeGreaterThanOrEqual(1);
    for (const p of db.positions) if (p.from && p.to) expect(p.to >= p.from).toBe(true);
    // Some people hold two positions at once.
    const today = localDate(new Date());
    const current = db.positions.filter((p) => (!p.from || p.from <= today) && (!p.to || p.to >= today));
    const perPerson = new Map<string, number>();
    current.forEach((p) => perPerson.set(p.contactId, (perPerson.get(p.contactId) ?? 0) + 1));
    expect([...perPerson.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(2);
  });

  it('has open, done and overdue tasks for the advisors', async () => {
    const { b, db, today } = await sampleBackend();
    const open = await b.call('tasks.list', { openOnly: true, limit: 5000 });
    expect(open.some((t) => t.overdue)).toBe(true);
    expect(open.filter((t) => t.overdue).every((t) => t.dueOn! < today && !t.done)).toBe(true);
    expect(db.tasks.some((t) => t.done && t.doneOn)).toBe(true);
    for (const t of db.tasks) expect(t.done).toBe(t.doneOn !== null);
    const owners = new Set(db.cases.map((c) => c.owner));
    expect(owners.size).toBeGreaterThanOrEqual(4);
    for (const t of db.tasks) expect(owners).toContain(t.assignee);
    for (const c of db.cases.filter((x) => x.status === 'closed')) expect(db.tasks.filter((t) => t.caseId === c.id).every((t) => t.done), c.title).toBe(true);
    for (const c of db.cases.filter((x) => x.status !== 'closed')) {
      const n = db.tasks.filter((t) => t.caseId === c.id).length;
      expect(n, c.title).toBeGreaterThanOrEqual(2);
      expect(n, c.title).toBeLessThanOrEqual(5);
    }
  });

  it('has owners on organisations, people and notes: the advisors who own the cases, so the Owner filters are useful', async () => {
    const { b, db } = await sampleBackend();
    const advisors = new Set(db.cases.map((c) => c.owner));
    for (const name of ['organisations', 'contacts', 'notes'] as const) {
      const owners = db[name].map((r) => r.owner);
      // Nearly everything has an owner, always one of the case owners, and the work is shared among them.
      expect(owners.filter(Boolean).length, name).toBeGreaterThanOrEqual(db[name].length - 2);
      for (const o of owners.filter(Boolean)) expect(advisors, `${name}: ${o}`).toContain(o);
      expect(new Set(owners.filter(Boolean)).size, name).toBeGreaterThanOrEqual(name === 'notes' ? 4 : advisors.size);
    }
    const v = await b.call('cases.vocabulary', {});
    for (const list of ['cases', 'organisations', 'contacts', 'notes'] as const) expect(v.listOwners[list].length, list).toBeGreaterThanOrEqual(4);
    // Filtering by one advisor narrows each list to their records.
    const berger = { owners: ['A. Berger'], limit: 1000 };
    for (const [list, total] of [
      [await b.call('organisations.list', berger), db.organisations.filter((o) => o.owner === 'A. Berger').length],
      [await b.call('contacts.list', berger), db.contacts.filter((c) => c.owner === 'A. Berger').length],
      [await b.call('notes.list', berger), db.notes.filter((n) => n.owner === 'A. Berger').length],
    ] as const) {
      expect(list.total).toBe(total);
      expect(list.total).toBeGreaterThan(0);
      expect(list.rows.every((r) => r.owner === 'A. Berger')).toBe(true);
    }
    // A person's relationship owner is mostly the account owner of their organisation.
    const orgOwner = new Map(db.organisations.map((o) => [o.id, o.owner]));
    const today = localDate(new Date());
    const same = db.contacts.filter((c) => db.positions.some((p) => p.contactId === c.id && (!p.to || p.to >= today) && orgOwner.get(p.organisationId) === c.owner));
    expect(same.length).toBeGreaterThanOrEqual(db.contacts.length * 0.6);
  });

  it('has a timeline over the last twelve months that derives "last contact"', async () => {
    const { b, db, today } = await sampleBackend();
    const yearAgo = localDate(new Date(Date.now() - 366 * DAY));
    for (const a of db.activities) {
      expect(a.date <= today).toBe(true);
      expect(a.date >= yearAgo).toBe(true);
      expect(a.participantIds.length).toBeGreaterThanOrEqual(1);
    }
    expect(db.activities.some((a) => a.caseId === null)).toBe(true);
    for (const c of db.cases) expect(db.activities.some((a) => a.caseId === c.id), c.title).toBe(true);
    const kinds = new Set(db.activities.map((a) => a.kind));
    expect(kinds).toEqual(new Set(['meeting', 'call', 'email', 'note', 'visit']));

    const someone = db.activities.at(0)!.participantIds[0]!;
    const latest = db.activities.filter((a) => a.participantIds.includes(someone)).map((a) => a.date).sort().at(-1);
    expect((await b.call('contacts.related', { id: someone })).lastContact).toBe(latest);
  });

  it('writes names in Latin, Greek or Cyrillic only, with a Latin transliteration', async () => {
    const { db } = await sampleBackend();
    const allowed = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Zs}'’.-]*$/u;
    const natives = db.contacts.filter((c) => c.nativeName);
    expect(natives.length).toBeGreaterThanOrEqual(5);
    expect(natives.some((c) => /\p{Script=Cyrillic}/u.test(c.nativeName))).toBe(true);
    expect(natives.some((c) => /\p{Script=Greek}/u.test(c.nativeName))).toBe(true);
    for (const c of db.contacts) {
      for (const name of [c.nativeName, c.givenName, c.familyName, c.transliteration]) expect(name, name).toMatch(allowed);
      if (c.nativeName) expect(c.transliteration, c.nativeName).toMatch(/^[\p{Script=Latin}\p{Zs}'’.-]+$/u);
    }
    for (const text of [...db.cases.map((c) => c.title), ...db.organisations.map((o) => o.name)]) expect(text).toMatch(/^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Zs}\p{P}\p{N}]*$/u);
  });

  it('keeps contact details fictional and complete', async () => {
    const { db, today } = await sampleBackend();
    const emails = db.contacts.flatMap((c) => c.emails.map((e) => e.address));
    expect(emails.length).toBeGreaterThanOrEqual(120);
    for (const e of emails) expect(e).toMatch(/^[^@\s]+@[a-z0-9.-]+\.example$/);
    expect(new Set(emails).size).toBe(emails.length);
    for (const o of db.organisations) if (o.website) expect(o.website).toMatch(/^https:\/\/[a-z0-9.-]+\.example$/);
    const phones = db.contacts.flatMap((c) => c.phones);
    for (const p of phones) expect(p.number).toMatch(/^\+\d/);
    expect(phones.some((p) => p.kind === 'mobile')).toBe(true);
    expect(phones.some((p) => p.kind === 'private')).toBe(true);
    expect(db.contacts.some((c) => c.emails.some((e) => e.kind === 'private'))).toBe(true);
    for (const c of db.contacts) {
      expect(c.languages.length).toBeGreaterThanOrEqual(1);
      expect(c.expertise.length).toBeGreaterThanOrEqual(1);
      expect(c.gdpr.source).not.toBe('');
    }
    const bases = db.contacts.map((c) => c.gdpr.lawfulBasis);
    expect(bases.filter((x) => x === 'legitimateInterests').length).toBeGreaterThan(db.contacts.length / 2);
    expect(db.contacts.some((c) => c.gdpr.lawfulBasis === 'consent' && c.gdpr.consentOn)).toBe(true);
    expect(db.contacts.some((c) => c.gdpr.reviewOn && c.gdpr.reviewOn < today)).toBe(true);
    expect(db.contacts.some((c) => c.notes)).toBe(true);
  });

  it('finds at least three people working on AI in Southeast Asia', async () => {
    const { b } = await sampleBackend();
    const hits = await b.call('contacts.list', { regions: ['035'], topics: ['artificial intelligence'] });
    expect(hits.total).toBeGreaterThanOrEqual(3);
    for (const r of hits.rows) expect(r.expertise).toContain('artificial intelligence');
  });

  it('has strategy notes with headings, tables, links and restorable earlier versions', async () => {
    const { b, db } = await sampleBackend();
    for (const n of db.notes) {
      const blocks = blocksOf(n.body);
      expect(blocks.some((x) => x.type === 'heading'), n.title).toBe(true);
      // Opening a note in the editor must not change it: the sample is already in normal form.
      expect(normaliseDoc(n.body as never), n.title).toEqual(n.body);
      const versions = await b.call('notes.revisions', { id: n.id });
      expect(versions[0]!.noteRevision, n.title).toBe(n.revision);
      const newest = await b.call('notes.revision', { id: versions[0]!.id });
      expect({ title: newest.title, status: newest.status, body: newest.body }).toEqual({ title: n.title, status: n.status, body: n.body });
      expect(versions.map((v) => v.noteRevision)).toEqual([...Array(n.revision).keys()].map((k) => n.revision - k));
    }
    const all = db.notes.flatMap((n) => blocksOf(n.body));
    for (const type of ['table', 'bulletList', 'orderedList'] as const) expect(all.some((x) => x.type === type)).toBe(true);
    expect(db.notes.flatMap((n) => hrefs(n.body)).some((h) => h.startsWith('https://'))).toBe(true);
    const marks = JSON.stringify(db.notes.map((n) => n.body));
    expect(marks).toContain('"bold"');
    expect(marks).toContain('"italic"');
    expect(new Set(db.notes.map((n) => n.status))).toEqual(new Set(['draft', 'final']));
    expect(db.notes.some((n) => n.regions.includes('035'))).toBe(true);
    expect(db.notes.some((n) => n.regions.includes('202'))).toBe(true);
    expect(db.notes.every((n) => n.caseIds.length + n.contactIds.length > 0)).toBe(true);

    // An earlier version differs from the current one and can be restored.
    const edited = db.notes.filter((n) => n.revision > 1);
    expect(edited.length).toBeGreaterThanOrEqual(2);
    const note = edited[0]!;
    const versions = await b.call('notes.revisions', { id: note.id });
    const oldest = await b.call('notes.revision', { id: versions.at(-1)!.id });
    expect(oldest.body).not.toEqual(note.body);
    const restored = await b.call('notes.restoreRevision', { id: note.id, revision: note.revision, revisionId: oldest.id });
    expect(restored.body).toEqual(oldest.body);
    expect(restored.revision).toBe(note.revision + 1);
  });

  it('ships saved views whose queries the lists accept', async () => {
    const { b, db } = await sampleBackend();
    expect(db.views.length).toBeGreaterThanOrEqual(3);
    for (const v of db.views) {
      const query = v.query as never;
      const result =
        v.list === 'contacts'
          ? await b.call('contacts.list', query)
          : v.list === 'cases'
            ? await b.call('cases.list', query)
            : v.list === 'notes'
              ? await b.call('notes.list', query)
              : await b.call('organisations.list', query);
      expect(result.total, v.name).toBeGreaterThanOrEqual(2);
    }
    const africa = db.views.find((v) => v.list === 'cases')!;
    const open = await b.call('cases.list', africa.query as never);
    expect(open.rows.every((c) => c.status !== 'closed' && c.status !== 'onHold')).toBe(true);
  });

  it('keeps every timestamp in the past and in order', async () => {
    const { db } = await sampleBackend();
    const now = new Date().toISOString();
    const records = (['organisations', 'contacts', 'positions', 'cases', 'tasks', 'activities', 'notes', 'views'] as const).flatMap(
      (n) => (db[n] as Rows<{ createdAt: string; updatedAt: string; revision: number }>).map((r) => r),
    );
    for (const r of records) {
      expect(r.createdAt <= r.updatedAt).toBe(true);
      expect(r.updatedAt <= now).toBe(true);
      // Edited records carry a higher revision, untouched ones revision 1.
      expect(r.revision > 1).toBe(r.updatedAt > r.createdAt);
    }
    expect(records.some((r) => r.revision > 1)).toBe(true);
    for (const r of db.noteRevisions) expect(r.savedAt <= now).toBe(true);
  });

  it('is deterministic for a given clock and id sequence, and follows the clock', () => {
    const build = (now: Date) => {
      let n = 0;
      return buildSampleDatabase({ store: null as never, now: () => now, newId: () => `id-${++n}` });
    };
    const march = new Date(2026, 2, 29, 0, 30);
    expect(build(march)).toEqual(build(march));
    const later = build(new Date(2031, 9, 4, 23, 50));
    expect(later.cases.find((c) => c.title.startsWith('China Days'))!.title).toContain('2032');
    // Deadlines move with today: the same case is due the same number of days ahead.
    const a = build(march).cases.at(0)!;
    const b = later.cases.at(0)!;
    const days = (c: typeof a, now: Date) => Math.round((new Date(`${c.dueOn}T12:00`).getTime() - new Date(localDate(now) + 'T12:00').getTime()) / DAY);
    expect(days(a, march)).toBe(days(b, new Date(2031, 9, 4, 23, 50)));
  });

  it('survives closing and reopening the workspace', async () => {
    const { b, db } = await sampleBackend();
    const { dataDir } = b;
    await b.close();
    const again = await openTestBackend({ dataDir });
    expect(again.store.db.contacts).toHaveLength(db.contacts.length);
    expect(again.store.db.noteRevisions).toHaveLength(db.noteRevisions.length);
    expect((await again.call('cases.list', {})).total).toBe(25);
  });
});
