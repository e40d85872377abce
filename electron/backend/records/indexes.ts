import type { ActivityRecord } from '../../../shared/features/cases/activities';
import type { CaseRecord, TaskRecord } from '../../../shared/features/cases/schema';
import type { ContactRecord, PositionRecord } from '../../../shared/features/contacts/schema';
import type { Rows } from '../../../shared/schemas/collection';
import type { Database } from '../../../shared/schemas/database';
import type { NoteRecord } from '../../../shared/features/notes/schema';
import type { OrganisationRecord } from '../../../shared/features/organisations/schema';
import type { AgendaItemRecord } from '../../../shared/features/trips/schema';

/**
 * Lookups derived from the collections. The store replaces a collection's array whenever one of
 * its records changes (immer), so each index is memoised on the identity of the arrays it reads:
 * an edit to a contact rebuilds the contact lookups, not the organisation ones.
 */
function memo<A extends object, R>(build: (a: A) => R): (a: A) => R {
  const cache = new WeakMap<A, R>();
  return (a) => {
    let r = cache.get(a);
    if (r === undefined) {
      r = build(a);
      cache.set(a, r);
    }
    return r;
  };
}

function memo2<A extends object, B extends object, R>(build: (a: A, b: B) => R): (a: A, b: B) => R {
  const cache = new WeakMap<A, WeakMap<B, R>>();
  return (a, b) => {
    let inner = cache.get(a);
    if (!inner) cache.set(a, (inner = new WeakMap()));
    let r = inner.get(b);
    if (r === undefined) {
      r = build(a, b);
      inner.set(b, r);
    }
    return r;
  };
}

/**
 * Memoises on the identity of several arrays (and other objects) at once: the result is rebuilt
 * only when one of the inputs it was built from has been replaced.
 */
export function memoOn<R>(): (keys: readonly object[], build: () => R) => R {
  const root = new WeakMap<object, unknown>();
  return (keys, build) => {
    let node = root;
    for (let i = 0; i < keys.length - 1; i++) {
      let next = node.get(keys[i]!) as WeakMap<object, unknown> | undefined;
      if (!next) node.set(keys[i]!, (next = new WeakMap()));
      node = next;
    }
    const last = keys[keys.length - 1]!;
    let holder = node.get(last) as { value: R } | undefined;
    if (!holder) node.set(last, (holder = { value: build() }));
    return holder.value;
  };
}

const idCache = new WeakMap<object, Map<string, unknown>>();
function byId<T extends { id: string }>(list: Rows<T>): Map<string, T> {
  let map = idCache.get(list) as Map<string, T> | undefined;
  if (!map) {
    map = new Map(list.map((r) => [r.id, r]));
    idCache.set(list, map);
  }
  return map;
}

function groupBy<T>(list: Rows<T>, keys: (item: T) => Iterable<string | null>): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    for (const key of keys(item)) {
      if (key === null) continue;
      let bucket = out.get(key);
      if (!bucket) out.set(key, (bucket = []));
      bucket.push(item);
    }
  }
  return out;
}

const positionsByContact = memo((positions: Rows<PositionRecord>) => groupBy(positions, (p) => [p.contactId]));
const positionsByOrganisation = memo((positions: Rows<PositionRecord>) => groupBy(positions, (p) => [p.organisationId]));
const childrenByOrganisation = memo((orgs: Rows<OrganisationRecord>) => groupBy(orgs, (o) => [o.parentId]));
const activitiesByContact = memo((acts: Rows<ActivityRecord>) => groupBy(acts, (a) => a.participantIds));
const activitiesByCase = memo((acts: Rows<ActivityRecord>) => groupBy(acts, (a) => [a.caseId]));
const tasksByCase = memo((tasks: Rows<TaskRecord>) => groupBy(tasks, (t) => [t.caseId]));
const casesByOrganisation = memo((cases: Rows<CaseRecord>) => groupBy(cases, (c) => new Set([c.clientId, ...c.partnerOrganisationIds])));
const casesByContact = memo((cases: Rows<CaseRecord>) => groupBy(cases, (c) => c.clientContactIds));
const notesByCase = memo((notes: Rows<NoteRecord>) => groupBy(notes, (n) => n.caseIds));
const notesByContact = memo((notes: Rows<NoteRecord>) => groupBy(notes, (n) => n.contactIds));
const agendaByTrip = memo((items: Rows<AgendaItemRecord>) => groupBy(items, (a) => [a.tripId]));

/** The date of the latest activity each contact took part in: "last contact" is derived, never typed. */
const lastContact = memo((acts: Rows<ActivityRecord>) => {
  const out = new Map<string, string>();
  for (const a of acts) {
    for (const id of a.participantIds) {
      const prev = out.get(id);
      if (!prev || a.date > prev) out.set(id, a.date);
    }
  }
  return out;
});

/** Open and overdue task counts per case, for the case list. */
const taskCounts = memo2((tasks: Rows<TaskRecord>, today: { value: string }) => {
  const out = new Map<string, { open: number; overdue: number }>();
  for (const t of tasks) {
    if (t.done) continue;
    const c = out.get(t.caseId) ?? { open: 0, overdue: 0 };
    c.open++;
    if (t.dueOn && t.dueOn < today.value) c.overdue++;
    out.set(t.caseId, c);
  }
  return out;
});

const todayBox = new Map<string, { value: string }>();
const boxed = (today: string) => {
  let b = todayBox.get(today);
  if (!b) {
    todayBox.clear();
    todayBox.set(today, (b = { value: today }));
  }
  return b;
};

export interface Indexes {
  organisation(id: string | null | undefined): OrganisationRecord | undefined;
  contact(id: string): ContactRecord | undefined;
  caseById(id: string): CaseRecord | undefined;
  note(id: string): NoteRecord | undefined;
  positionsOfContact(id: string): readonly PositionRecord[];
  positionsAt(organisationId: string): readonly PositionRecord[];
  childrenOf(organisationId: string): readonly OrganisationRecord[];
  activitiesOfContact(id: string): readonly ActivityRecord[];
  activitiesOfCase(id: string): readonly ActivityRecord[];
  tasksOfCase(id: string): readonly TaskRecord[];
  casesOfOrganisation(id: string): readonly CaseRecord[];
  casesOfContact(id: string): readonly CaseRecord[];
  notesOfCase(id: string): readonly NoteRecord[];
  notesOfContact(id: string): readonly NoteRecord[];
  agendaOfTrip(tripId: string): readonly AgendaItemRecord[];
  lastContact(contactId: string): string | null;
  taskCounts(caseId: string, today: string): { open: number; overdue: number };
}

/** Index access over one published database; cheap to create, the work is memoised. */
export function indexes(db: Database): Indexes {
  const empty: readonly never[] = [];
  return {
    organisation: (id) => (id ? byId(db.organisations).get(id) : undefined),
    contact: (id) => byId(db.contacts).get(id),
    caseById: (id) => byId(db.cases).get(id),
    note: (id) => byId(db.notes).get(id),
    positionsOfContact: (id) => positionsByContact(db.positions).get(id) ?? empty,
    positionsAt: (id) => positionsByOrganisation(db.positions).get(id) ?? empty,
    childrenOf: (id) => childrenByOrganisation(db.organisations).get(id) ?? empty,
    activitiesOfContact: (id) => activitiesByContact(db.activities).get(id) ?? empty,
    activitiesOfCase: (id) => activitiesByCase(db.activities).get(id) ?? empty,
    tasksOfCase: (id) => tasksByCase(db.tasks).get(id) ?? empty,
    casesOfOrganisation: (id) => casesByOrganisation(db.cases).get(id) ?? empty,
    casesOfContact: (id) => casesByContact(db.cases).get(id) ?? empty,
    notesOfCase: (id) => notesByCase(db.notes).get(id) ?? empty,
    notesOfContact: (id) => notesByContact(db.notes).get(id) ?? empty,
    agendaOfTrip: (id) => agendaByTrip(db.agendaItems).get(id) ?? empty,
    lastContact: (id) => lastContact(db.activities).get(id) ?? null,
    taskCounts: (caseId, today) => taskCounts(db.tasks, boxed(today)).get(caseId) ?? { open: 0, overdue: 0 },
  };
}

export { byId, memo, memo2 };

/** One object per calendar day, so day-dependent results can be memoised by identity. */
export const dayKey = boxed;
