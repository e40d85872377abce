import type { ActivityRecord } from '../../../shared/features/cases/activities';
import type { CaseRecord, StatusChange, TaskRecord } from '../../../shared/features/cases/schema';
import { isCurrentPosition, type ContactRecord, type Email, type Phone, type PositionRecord } from '../../../shared/features/contacts/schema';
import type { NoteRecord, NoteRevisionRecord } from '../../../shared/features/notes/schema';
import type { OrganisationKind, OrganisationRecord } from '../../../shared/features/organisations/schema';
import type { ViewRecord } from '../../../shared/features/views/schema';
import { cases as caseTable, looseActivities, type ActivitySeed, type CaseSeed } from './cases';
import { markup } from './markup';
import { notes as noteTable, type NoteSeed } from './notes';
import { organisations as orgTable, type OrganisationSeed } from './organisations';
import { people as peopleTable, type PersonSeed } from './people';
import { type Advisor, type Clock, type Keys, type Offset, advisors, later, mailbox } from './support';
import { views as viewTable } from './views';

/** The tables, seen through their seed types (the `as const` tables keep their literal keys for type checks). */
const orgSeeds: readonly OrganisationSeed[] = orgTable;
const personSeeds: readonly PersonSeed[] = peopleTable;
const caseSeeds: readonly CaseSeed[] = caseTable;
const noteSeeds: readonly NoteSeed[] = noteTable;

export interface Builder {
  clock: Clock;
  keys: Keys;
  newId: () => string;
}

/** Gives every table row its id, in table order, before any record refers to another. */
export function declareKeys(keys: Keys): void {
  for (const seed of [...orgSeeds, ...personSeeds, ...caseSeeds, ...noteSeeds]) keys.declare(seed.key);
}

function fail(message: string): never {
  throw new Error(`Sample data: ${message}`);
}

// ── Organisations ────────────────────────────────────────────────────────────────────────────

export function buildOrganisations({ clock, keys }: Builder): OrganisationRecord[] {
  return orgSeeds.map((o) => {
    const createdAt = clock.at(o.since, 9, 30);
    const updatedAt = o.edited !== undefined ? later(createdAt, clock.at(o.edited, 14, 10)) : createdAt;
    return {
      id: keys.id(o.key),
      createdAt,
      updatedAt,
      revision: updatedAt === createdAt ? 1 : 2,
      name: o.name,
      shortName: o.short ?? '',
      kind: o.kind,
      country: o.country,
      city: o.city ?? '',
      website: o.noWebsite ? '' : `https://www.${o.domain}`,
      topics: [...(o.topics ?? [])],
      parentId: o.parent ? keys.id(o.parent) : null,
      owner: o.owner ?? '',
      groupIds: [],
      notes: o.notes ?? '',
    };
  });
}

// ── People and their positions ──────────────────────────────────────────────────────────────

/** The earliest day each person appears in a timeline, as a case's client contact or in a note. */
function firstAppearances(): Map<string, Offset> {
  const first = new Map<string, Offset>();
  const see = (key: string, on: Offset) => first.set(key, Math.min(first.get(key) ?? 0, on));
  for (const c of caseSeeds) {
    c.clientContacts.forEach((k) => see(k, c.opened));
    c.timeline.forEach((a) => a.with.forEach((k) => see(k, a.on)));
  }
  looseActivities.forEach((a) => a.with.forEach((k) => see(k, a.on)));
  noteSeeds.forEach((n) => n.contacts.forEach((k) => see(k, n.created)));
  return first;
}

/** How much each advisor deals with each person in cases: as a client contact (3), in a timeline entry (1). */
function caseWork(): Map<string, Map<Advisor, number>> {
  const work = new Map<string, Map<Advisor, number>>();
  const add = (key: string, who: Advisor, weight: number) => {
    const perAdvisor = work.get(key) ?? new Map<Advisor, number>();
    perAdvisor.set(who, (perAdvisor.get(who) ?? 0) + weight);
    work.set(key, perAdvisor);
  };
  for (const c of caseSeeds) {
    c.clientContacts.forEach((k) => add(k, c.owner, 3));
    c.timeline.forEach((a) => a.with.forEach((k) => add(k, c.owner, 1)));
  }
  return work;
}

/**
 * The relationship owner: the advisor who deals with the person most in cases (on a tie, the owner
 * of their organisation's account, else the first of the team); nobody in a case: the account owner.
 */
function relationshipOwner(work: Map<Advisor, number> | undefined, account: Advisor | undefined): Advisor | '' {
  if (!work?.size) return account ?? '';
  const most = Math.max(...work.values());
  const tied = advisors.filter((a) => work.get(a) === most);
  return account && tied.includes(account) ? account : tied[0]!;
}

const gdprSource: Partial<Record<OrganisationKind, string>> = {
  embassy: 'Official diplomatic list and direct correspondence',
  ministry: 'Published organisation chart and official correspondence',
  company: 'Client request and business card',
  fundingAgency: 'Official correspondence',
};

export function buildPeople({ clock, keys, newId }: Builder): { contacts: ContactRecord[]; positions: PositionRecord[] } {
  const orgs = new Map<string, OrganisationSeed>(orgSeeds.map((o) => [o.key, o]));
  const org = (key: string) => orgs.get(key) ?? fail(`unknown organisation ${key}`);
  const first = firstAppearances();
  const inCases = caseWork();
  const contacts: ContactRecord[] = [];
  const positions: PositionRecord[] = [];

  personSeeds.forEach((p, i) => {
    const today = clock.today;
    const dated = p.pos.map(([orgKey, role, from, to]) => ({ org: org(orgKey), role, from: from ?? null, to: to ?? null }));
    const current = dated.filter((d) => isCurrentPosition({ from: d.from === null ? null : clock.day(d.from), to: d.to === null ? null : clock.day(d.to) }, today));
    // The position a list shows: the current one that started last, else the last one held.
    const primary = [...current].sort((a, b) => (b.from ?? -1e6) - (a.from ?? -1e6))[0] ?? dated[dated.length - 1];

    // Created when we first met them: never after their first appearance, never before their organisation.
    const orgSince = primary?.org.since ?? -1000;
    const spread = -(60 + ((i * 41) % 700));
    const since = Math.min(p.since ?? Math.max(spread, orgSince), first.get(p.key) ?? 0);
    const createdAt = clock.at(since, 8 + (i % 9), (i * 7) % 60);
    const updatedAt = p.edited !== undefined ? later(createdAt, clock.at(p.edited, 15, (i * 13) % 60)) : createdAt;

    const emails: Email[] = [];
    const work = p.email === undefined ? (primary ? `${mailbox(p.given, p.family)}@${primary.org.domain}` : null) : p.email;
    if (work) emails.push({ address: work, kind: 'work' });
    if (p.privateEmail) emails.push({ address: p.privateEmail, kind: 'private' });

    const phones: Phone[] = [];
    if (!p.noWorkPhone && current.length && primary) {
      const extension = String(100 + ((i * 137) % 900));
      phones.push({ number: primary.org.tel.slice(0, -3) + extension, kind: 'work' });
    }
    if (p.mobile) phones.push({ number: p.mobile, kind: 'mobile' });
    if (p.privatePhone) phones.push({ number: p.privatePhone, kind: 'private' });

    const basis = p.gdpr?.basis ?? 'legitimateInterests';
    const review = p.gdpr && 'reviewOn' in p.gdpr ? p.gdpr.reviewOn : 30 + ((i * 67) % 540);
    const contactId = keys.id(p.key);
    contacts.push({
      id: contactId,
      createdAt,
      updatedAt,
      revision: updatedAt === createdAt ? 1 : 2,
      honorific: p.honorific ?? '',
      academicTitle: p.title ?? '',
      givenName: p.given,
      familyName: p.family,
      nativeName: p.native?.[0] ?? '',
      transliteration: p.native?.[1] ?? '',
      country: p.country ?? null,
      emails,
      phones,
      languages: [...p.langs],
      expertise: [...p.topics],
      owner: relationshipOwner(inCases.get(p.key), primary?.org.owner),
      notes: p.notes ?? '',
      gdpr: {
        lawfulBasis: basis,
        source: p.gdpr?.source ?? (primary ? gdprSource[primary.org.kind] : undefined) ?? 'Institutional website and direct correspondence',
        consentOn: p.gdpr?.consentOn !== undefined ? clock.day(p.gdpr.consentOn) : null,
        reviewOn: review === null || review === undefined ? null : clock.day(review),
      },
    });

    for (const d of dated) {
      // A position is recorded when it starts (or with the contact); ending it is its second revision.
      const posCreated = d.from === null ? createdAt : later(createdAt, clock.at(d.from, 9, 0));
      const ended = d.to === null ? null : clock.at(d.to + 1, 9, 5);
      const posUpdated = ended && ended > posCreated ? ended : posCreated;
      positions.push({
        id: newId(),
        createdAt: posCreated,
        updatedAt: posUpdated,
        revision: posUpdated === posCreated ? 1 : 2,
        contactId,
        organisationId: keys.id(d.org.key),
        role: d.role,
        from: d.from === null ? null : clock.day(d.from),
        to: d.to === null ? null : clock.day(d.to),
      });
    }
  });
  return { contacts, positions };
}

// ── Cases, tasks and timelines ───────────────────────────────────────────────────────────────

function activityRecord({ clock, keys, newId }: Builder, a: ActivitySeed, caseId: string | null, index: number): ActivityRecord {
  if (a.on > 0 || a.on < -365) fail(`activity "${a.title}" lies outside the last twelve months`);
  const createdAt = clock.at(a.on, 17, (index * 11) % 60);
  return {
    id: newId(),
    createdAt,
    updatedAt: createdAt,
    revision: 1,
    kind: a.kind,
    date: clock.day(a.on),
    title: clock.fill(a.title),
    text: clock.fill(a.text),
    caseId,
    participantIds: keys.all(a.with),
    source: null,
  };
}

export function buildCases(b: Builder): { cases: CaseRecord[]; tasks: TaskRecord[]; activities: ActivityRecord[] } {
  const { clock, keys, newId } = b;
  const orgName = new Map(orgSeeds.map((o) => [o.key, o.name]));

  // References count up per year in the order the cases were opened: AC-2026-001, AC-2026-002, …
  const references = new Map<string, string>();
  const perYear = new Map<string, number>();
  for (const c of [...caseSeeds].sort((x, y) => x.opened - y.opened)) {
    const year = clock.day(c.opened).slice(0, 4);
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    references.set(c.key, `AC-${year}-${String(n).padStart(3, '0')}`);
  }

  const cases: CaseRecord[] = [];
  const tasks: TaskRecord[] = [];
  const activities: ActivityRecord[] = [];
  caseSeeds.forEach((c, i) => {
    const id = keys.id(c.key);
    const openedOn = clock.day(c.opened);
    const statusHistory: StatusChange[] = [{ status: 'intake', on: openedOn }, ...c.history.map(([status, on]) => ({ status, on: clock.day(on) }))];
    let previous = c.opened;
    for (const [, on] of c.history) {
      if (on < previous || on > 0) fail(`status history of ${c.key} is out of order`);
      previous = on;
    }
    const createdAt = clock.at(c.opened, 9, (i * 17) % 60);
    const lastChange = c.history[c.history.length - 1];
    const updatedAt = lastChange ? later(createdAt, clock.at(lastChange[1], 16, (i * 7) % 60)) : createdAt;
    cases.push({
      id,
      createdAt,
      updatedAt,
      revision: 1 + c.history.length,
      title: clock.fill(c.title),
      reference: references.get(c.key)!,
      clientId: keys.id(c.client),
      client: orgName.get(c.client) ?? fail(`unknown client ${c.client}`),
      clientContactIds: keys.all(c.clientContacts),
      partnerOrganisationIds: keys.all(c.partners),
      fundingInstruments: c.funding.map(clock.fill),
      programmeId: null,
      countries: [...c.countries],
      topics: [...c.topics],
      status: statusHistory[statusHistory.length - 1]!.status,
      priority: c.priority,
      owner: c.owner,
      openedOn,
      dueOn: c.due === null ? null : clock.day(c.due),
      summary: clock.fill(c.summary),
      classification: c.classification ?? 'internal',
      statusHistory,
      shortlist: [],
    });

    c.tasks.forEach((t, k) => {
      if (t.done !== undefined && (t.done > 0 || t.done < c.opened)) fail(`task "${t.title}" was done outside its case's lifetime`);
      const taskCreated = clock.at(c.opened, 11, (k * 9) % 60);
      const doneAt = t.done === undefined ? null : later(taskCreated, clock.at(t.done, 16, (k * 13) % 60));
      tasks.push({
        id: newId(),
        createdAt: taskCreated,
        updatedAt: doneAt ?? taskCreated,
        revision: doneAt ? 2 : 1,
        caseId: id,
        title: clock.fill(t.title),
        dueOn: t.due === null ? null : clock.day(t.due),
        assignee: t.who,
        done: t.done !== undefined,
        doneOn: t.done === undefined ? null : clock.day(t.done),
        source: null,
      });
    });

    c.timeline.forEach((a, k) => activities.push(activityRecord(b, a, id, k)));
  });
  looseActivities.forEach((a, k) => activities.push(activityRecord(b, a, null, k)));
  return { cases, tasks, activities };
}

// ── Strategy notes and their saved versions ─────────────────────────────────────────────────

export function buildNotes({ clock, keys, newId }: Builder): { notes: NoteRecord[]; noteRevisions: NoteRevisionRecord[] } {
  const notes: NoteRecord[] = [];
  const noteRevisions: NoteRevisionRecord[] = [];
  for (const n of noteSeeds) {
    const id = keys.id(n.key);
    const earlier = n.earlier ?? [];
    if (earlier.length && earlier[0]!.on !== n.created) fail(`the first version of ${n.key} must be the one created`);
    // Every save of a note's text is a version, so a note saved after its creation has earlier versions.
    if (!earlier.length && n.saved !== undefined && n.saved !== n.created) fail(`${n.key} was saved again but lists no earlier version`);
    const createdAt = clock.at(n.created, 11, 20);
    const savedOn = n.saved ?? n.created;
    const updatedAt = savedOn === n.created ? createdAt : later(createdAt, clock.at(savedOn, 16, 40));
    const record: NoteRecord = {
      id,
      createdAt,
      updatedAt,
      revision: earlier.length + 1,
      title: clock.fill(n.title),
      kind: n.kind,
      countries: [...n.countries],
      regions: [...n.regions],
      topics: [...n.topics],
      status: n.status,
      owner: n.owner,
      body: markup(clock.fill(n.body)),
      caseIds: keys.all(n.cases),
      contactIds: keys.all(n.contacts),
      classification: n.classification ?? 'internal',
    };
    notes.push(record);
    earlier.forEach((v, k) => {
      noteRevisions.push({
        id: newId(),
        noteId: id,
        savedAt: k === 0 ? createdAt : clock.at(v.on, 16, 40),
        noteRevision: k + 1,
        title: clock.fill(v.title ?? n.title),
        status: v.status,
        body: markup(clock.fill(v.body)),
      });
    });
    noteRevisions.push({ id: newId(), noteId: id, savedAt: updatedAt, noteRevision: record.revision, title: record.title, status: record.status, body: record.body });
  }
  return { notes, noteRevisions };
}

// ── Saved views ─────────────────────────────────────────────────────────────────────────────

export function buildViews({ clock, newId }: Builder): ViewRecord[] {
  return viewTable.map((v) => {
    const createdAt = clock.at(v.created, 12, 0);
    return { id: newId(), createdAt, updatedAt: createdAt, revision: 1, name: v.name, list: v.list, query: structuredClone(v.query) as Record<string, unknown>, columns: [] };
  });
}
